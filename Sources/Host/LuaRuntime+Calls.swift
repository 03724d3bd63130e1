import CLua

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
        try protectedCall(arguments: 3, results: 1, hooked: !bounded)
        var isNumber: Int32 = 0
        let result = clua_tonumber(L, -1, &isNumber)
        let type = lua_type(L, -1)
        lua_settop(L, LuaRuntime.tracebackSlot)
        guard isNumber != 0, type == LUA_TNUMBER else {
            throw .runtime(ScriptFailure(message: "expected a number back, got \(String(cString: lua_typename(L, type)))"))
        }
        return result
    }

    /// `lua_pcall` with the traceback handler and a fresh budget; failures become `LuaError`.
    /// On success the results are on the stack above the handler.
    func protectedCall(arguments: Int32, results: Int32, hooked: Bool = true) throws(LuaError) {
        let L = state
        clua_begin_call(L, control)
        if !hooked { lua_sethook(L, nil, 0, 0) }
        let status = clua_pcall(L, arguments, results, LuaRuntime.tracebackSlot)
        if !hooked { clua_arm_hook(L) }
        clua_end_call(control)
        guard status != LUA_OK else { return }
        let failure = ScriptFailure(luaMessage: popMessage())
        let trip = Int(control.pointee.trip)
        resetStack()
        if trip == Int(CLUA_TRIP_MEMORY) || status == LUA_ERRMEM {
            collectGarbage()
            throw .memoryBudget(limitBytes: limits.memoryBytes, failure)
        }
        if trip == Int(CLUA_TRIP_INSTRUCTIONS) {
            collectGarbage()
            throw .instructionBudget(limit: limits.instructions, failure)
        }
        throw .runtime(failure)
    }

    /// Whether `function` is proven bounded arithmetic (cached per registry slot).
    func isBounded(_ function: LuaFunctionRef) -> Bool {
        if let known = boundedFunctions[function.reference] { return known }
        let bounded = bytecode(of: function)?.isBoundedArithmetic ?? false
        boundedFunctions[function.reference] = bounded
        return bounded
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
