import CLua
import Synchronization

/// Compiling chunks and calling Lua functions under the budgets.
extension LuaRuntime {
    /// Compiles `source` as a text chunk named `chunkName` (shown in errors as `chunkName:line:`).
    /// Binary chunks are refused. The chunk's `_ENV` is the state's globals until a sandbox sets it.
    public func compile(_ source: String, chunkName: String) throws(LuaError) -> LuaFunctionRef {
        releaseDroppedReferences()
        defer { resetStack() }
        var text = source
        let status = text.withUTF8 { p in
            p.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(state, $0.baseAddress, $0.count, "@" + chunkName, "t") }
        }
        guard status == LUA_OK else {
            throw .syntax(ScriptFailure(luaMessage: popMessage()))
        }
        guard case .function(let f) = try pullScalar(at: -1) else { throw .conversion("chunk did not compile to a function") }
        return f
    }

    /// Loads a binary chunk the host itself produced with `dump(_:)`. Never for plugin code:
    /// plugins may only load text (a crafted binary chunk can crash Lua).
    func loadTrustedBinary(_ bytes: [UInt8], chunkName: String) throws(LuaError) -> LuaFunctionRef {
        releaseDroppedReferences()
        defer { resetStack() }
        let status = bytes.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(state, $0.baseAddress, $0.count, "=" + chunkName, "b") }
        }
        guard status == LUA_OK else { throw .syntax(ScriptFailure(luaMessage: popMessage())) }
        guard case .function(let f) = try pullScalar(at: -1) else { throw .conversion("chunk did not load as a function") }
        return f
    }

    /// The bytecode of a Lua function (debug information kept), for `loadTrustedBinary`.
    func dump(_ function: LuaFunctionRef) -> [UInt8]? {
        dumpBytes(function, strip: false)
    }

    /// Calls `function` with `arguments` and returns all its results.
    @discardableResult
    public func call(_ function: LuaFunctionRef, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        releaseDroppedReferences()
        defer { resetStack() }
        try push(.function(function))
        for argument in arguments { try push(argument) }
        try protectedCall(arguments: Int32(arguments.count), results: LUA_MULTRET)
        let top = lua_gettop(state)
        guard top > LuaRuntime.tracebackSlot else { return [] }
        var results: [LuaValue] = []
        results.reserveCapacity(Int(top - LuaRuntime.tracebackSlot))
        for index in (LuaRuntime.tracebackSlot + 1)...top { results.append(try pull(at: index)) }
        return results
    }

    /// Calls `function(a, b, c)` and reads one number back: the allocation-free path for hot formulas.
    /// A function proven bounded (see `bytecode(of:)`) runs without the instruction hook.
    public func callNumber(_ function: LuaFunctionRef, _ a: Double, _ b: Double, _ c: Double) throws(LuaError) -> Double {
        let L = state
        let bounded = isBounded(function)
        lua_rawgeti(L, clua_registryindex(), lua_Integer(function.reference))
        lua_pushnumber(L, a)
        lua_pushnumber(L, b)
        lua_pushnumber(L, c)
        clua_begin_call(L, control, bounded ? 0 : 1)
        let status = clua_pcall(L, 3, 1, LuaRuntime.tracebackSlot)
        clua_end_call(L, control)
        guard status == LUA_OK else { throw failure(status: status) }
        if control.pointee.trip != Int32(CLUA_TRIP_NONE) { try checkSwallowedTrip() }
        guard lua_type(L, -1) == LUA_TNUMBER else { throw notANumber() }
        let result = clua_tonumber(L, -1, nil)
        lua_settop(L, LuaRuntime.tracebackSlot)
        return result
    }

    @inline(never)
    private func notANumber() -> LuaError {
        let type = String(cString: lua_typename(state, lua_type(state, -1)))
        resetStack()
        return .runtime(ScriptFailure(message: "expected a number back, got \(type)"))
    }

    /// `lua_pcall` with the traceback handler, a fresh budget and a fresh deadline; failures
    /// become `LuaError`. On success the results are on the stack above the handler.
    func protectedCall(arguments: Int32, results: Int32, hooked: Bool = true) throws(LuaError) {
        let L = state
        clua_begin_call(L, control, hooked ? 1 : 0)
        let status = clua_pcall(L, arguments, results, LuaRuntime.tracebackSlot)
        clua_end_call(L, control)
        guard status == LUA_OK else { throw failure(status: status) }
        if control.pointee.trip != Int32(CLUA_TRIP_NONE) { try checkSwallowedTrip() }
    }

    /// A call that ran past its instruction budget or deadline can still return normally when
    /// catching the error was its very last act (`return pcall(f)`, `return load(reader)`: the
    /// next instruction, which would raise it again, never comes). It fails all the same. (A
    /// refused allocation that was caught is not a failure: the state stayed within its memory.)
    @inline(never)
    func checkSwallowedTrip() throws(LuaError) {
        let trip = Int(control.pointee.trip)
        guard trip == Int(CLUA_TRIP_INSTRUCTIONS) || trip == Int(CLUA_TRIP_DEADLINE) else { return }
        let message = withUnsafeBytes(of: control.pointee.trip_message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        resetStack()
        collectGarbage()
        if trip == Int(CLUA_TRIP_DEADLINE) {
            throw .timeout(limit: limits.deadline, ScriptFailure(luaMessage: message))
        }
        throw .instructionBudget(limit: limits.instructions, ScriptFailure(luaMessage: message))
    }

    /// Turns a failed pcall (message on top) into a `LuaError`, resetting the stack.
    @inline(never)
    func failure(status: Int32) -> LuaError {
        let failure = ScriptFailure(luaMessage: popMessage())
        let trip = Int(control.pointee.trip)
        resetStack()
        if trip == Int(CLUA_TRIP_MEMORY) || status == LUA_ERRMEM {
            collectGarbage()
            return .memoryBudget(limitBytes: limits.memoryBytes, failure)
        }
        if trip == Int(CLUA_TRIP_INSTRUCTIONS) {
            collectGarbage()
            return .instructionBudget(limit: limits.instructions, failure)
        }
        if trip == Int(CLUA_TRIP_DEADLINE) {
            collectGarbage()
            return .timeout(limit: limits.deadline, failure)
        }
        return .runtime(failure)
    }

    /// Whether `function` is proven bounded arithmetic (checked once, remembered on the reference).
    func isBounded(_ function: LuaFunctionRef) -> Bool {
        switch function.boundedness.load(ordering: .relaxed) {
        case 1: return true
        case 2: return false
        default:
            let bounded = bytecode(of: function)?.isBoundedArithmetic ?? false
            function.boundedness.store(bounded ? 1 : 2, ordering: .relaxed)
            return bounded
        }
    }

    /// Pops the error message on top of the stack, whatever its type.
    func popMessage() -> String {
        let L = state
        defer { lua_settop(L, -2) }
        if lua_type(L, -1) == LUA_TSTRING {
            var length = 0
            let p = clua_tostring(L, -1, &length)!
            return String(decoding: UnsafeRawBufferPointer(start: p, count: length), as: UTF8.self)
        }
        return "(error object is a \(String(cString: lua_typename(L, lua_type(L, -1)))) value)"
    }
}
