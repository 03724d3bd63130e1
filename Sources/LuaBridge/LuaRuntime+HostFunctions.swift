import CLua

/// Swift functions that Lua code can call (the `host.*` API is built from these).
///
/// Lua calls a C trampoline, which calls `dispatch`, which runs the Swift closure. A Swift
/// error is never raised from Swift: `dispatch` pushes the message and returns -1, and the C
/// trampoline raises it, so `lua_error`'s longjmp only ever crosses C frames.
extension LuaRuntime {
    /// Thrown by a host function to raise a Lua error with this message at the caller's line.
    public struct HostFunctionError: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ message: String) { description = message }
    }

    /// Wraps `body` as a Lua function value of this runtime.
    public func makeFunction(_ body: @escaping ([LuaValue]) throws -> [LuaValue]) -> LuaFunctionRef {
        defer { resetStack() }
        hostFunctions.append(body)
        clua_push_host_function(state, Int32(hostFunctions.count - 1))
        let reference = luaL_ref(state, clua_registryindex())
        return LuaFunctionRef(reference: reference, owner: releases)
    }

    /// The C entry point behind every host function (see `clua_trampoline`).
    static let dispatch: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int32) -> Int32 = { L, context, id in
        let runtime = Unmanaged<LuaRuntime>.fromOpaque(context!).takeUnretainedValue()
        let caller = runtime.state
        runtime.state = L!
        defer { runtime.state = caller }
        return runtime.runHostFunction(Int(id), argumentCount: lua_gettop(L))
    }

    private func runHostFunction(_ id: Int, argumentCount: Int32) -> Int32 {
        let L = state
        do {
            var arguments: [LuaValue] = []
            arguments.reserveCapacity(Int(argumentCount))
            if argumentCount > 0 {
                for index in 1...argumentCount { arguments.append(try pull(at: index)) }
            }
            let results = try hostFunctions[id](arguments)
            lua_settop(L, 0)
            guard lua_checkstack(L, Int32(results.count) + 1) != 0 else {
                throw HostFunctionError("too many results")
            }
            for result in results { try push(result) }
            return Int32(results.count)
        } catch {
            lua_settop(L, 0)
            luaL_where(L, 1)
            pushString(String(describing: error))
            lua_concat(L, 2)
            return -1
        }
    }
}

extension LuaRuntime {
    /// Where the Lua code that called the running host function is (`plugins/x/tests/a_test.lua:12`),
    /// skipping C functions; `level` 2 is its caller's caller (for a host function called through
    /// a Lua wrapper). Nil outside a host function or when no Lua code is on the stack. A plugin
    /// test's assertions use it to name the line that failed.
    public func callerLocation(level: Int = 1) -> String? {
        let L = state
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        clua_push_where(L, Int32(level))
        guard let text = lua_tolstring(L, -1, nil).map({ String(cString: $0) }), text.hasSuffix(": ") else { return nil }
        return String(text.dropLast(2))
    }
}
