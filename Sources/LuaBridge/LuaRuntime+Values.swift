import CLua

/// Moving `LuaValue`s onto and off the Lua stack.
///
/// Reading uses raw access only (`lua_next`, `lua_rawgeti`, type checks), so a plugin's
/// metatables never run during conversion and nothing here can raise a Lua error.
extension LuaRuntime {
    /// Deepest table nesting that crosses the bridge.
    static let maxDepth = 200

    // MARK: Push

    /// Pushes `value`; tables are built recursively up to `maxDepth` levels.
    func push(_ value: LuaValue, depth: Int = 0) throws(LuaError) {
        guard depth <= LuaRuntime.maxDepth else { throw .conversion("tables nested deeper than \(LuaRuntime.maxDepth) levels") }
        guard lua_checkstack(state, 3) != 0 else { throw .conversion("Lua stack exhausted") }
        let L = state
        switch value {
        case .nil: lua_pushnil(L)
        case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, lua_Integer(i))
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): pushString(s)
        case .bytes(let b): b.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
        case .array(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (offset, item) in items.enumerated() {
                try push(item, depth: depth + 1)
                lua_rawseti(L, -2, lua_Integer(offset + 1))
            }
        case .table(let entries):
            lua_createtable(L, 0, Int32(clamping: entries.count))
            for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
                try push(key.value, depth: depth + 1)
                try push(item, depth: depth + 1)
                lua_rawset(L, -3)
            }
        case .function(let f):
            guard f.owner === releases else { throw .conversion("a function belongs to another Lua runtime") }
            lua_rawgeti(L, clua_registryindex(), lua_Integer(f.reference))
        }
    }

    /// Pushes a Swift string as Lua bytes (NUL bytes included).
    func pushString(_ string: String) {
        var s = string
        s.withUTF8 { p in
            p.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(state, $0.baseAddress, $0.count) }
        }
    }

    // MARK: Pull

    /// Reads the value at `index` without running any Lua code.
    ///
    /// Tables are walked with an explicit stack (no recursion): a table met again on the
    /// path from the root is a cycle and is rejected; a table shared by two branches is copied.
    func pull(at index: Int32) throws(LuaError) -> LuaValue {
        let L = state
        let absolute = lua_absindex(L, index)
        if lua_type(L, absolute) != LUA_TTABLE { return try pullScalar(at: absolute) }

        struct Frame {
            let pointer: UnsafeRawPointer
            var entries: [(LuaKey, LuaValue)] = []
            var pendingKey: LuaKey?
        }
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        lua_pushvalue(L, absolute)
        var frames = [Frame(pointer: lua_topointer(L, -1))]
        lua_pushnil(L)
        while true {
            // Stack: … table key (the key of the current frame's iteration).
            if lua_next(L, -2) != 0 {
                let key = try pullKey(at: -2)
                if lua_type(L, -1) == LUA_TTABLE {
                    let pointer = lua_topointer(L, -1)!
                    if frames.contains(where: { $0.pointer == pointer }) {
                        throw .conversion("table contains a cycle (reached through key '\(key)')")
                    }
                    guard frames.count < LuaRuntime.maxDepth else {
                        throw .conversion("tables nested deeper than \(LuaRuntime.maxDepth) levels")
                    }
                    guard lua_checkstack(L, 4) != 0 else { throw .conversion("Lua stack exhausted") }
                    frames[frames.count - 1].pendingKey = key
                    frames.append(Frame(pointer: pointer))
                    lua_pushnil(L)  // start iterating the child: … parentKey child nil
                    continue
                }
                let value = try pullScalar(at: -1)
                frames[frames.count - 1].entries.append((key, value))
                lua_settop(L, -2)  // pop value, keep key
                continue
            }
            // Finished this table (lua_next popped the key): … table
            let done = frames.removeLast()
            let value = LuaRuntime.shape(done.entries)
            lua_settop(L, -2)  // pop the table, leaving the parent's key on top
            guard !frames.isEmpty else { return value }
            let key = frames[frames.count - 1].pendingKey!
            frames[frames.count - 1].entries.append((key, value))
        }
    }

    /// A table is an array when its keys are exactly 1…n; otherwise a keyed table.
    static func shape(_ entries: [(LuaKey, LuaValue)]) -> LuaValue {
        if entries.isEmpty { return .table([:]) }
        var items = [LuaValue](repeating: .nil, count: entries.count)
        for (key, value) in entries {
            guard case .integer(let i) = key, i >= 1, i <= Int64(entries.count) else {
                return .table(Dictionary(entries, uniquingKeysWith: { a, _ in a }))
            }
            items[Int(i) - 1] = value
        }
        return .array(items)
    }

    private func pullKey(at index: Int32) throws(LuaError) -> LuaKey {
        switch try pullScalar(at: index) {
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(String(decoding: b, as: UTF8.self))
        case .bool(let b): return .bool(b)
        case let other: throw .conversion("a table key of type \(other.typeName) is not supported")
        }
    }

    /// Reads a non-table value. Functions become registry references; userdata and threads are refused.
    func pullScalar(at index: Int32) throws(LuaError) -> LuaValue {
        let L = state
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int64(clua_tointeger(L, index, nil))) }
            return .number(clua_tonumber(L, index, nil))
        case LUA_TSTRING:
            var length = 0
            let p = clua_tostring(L, index, &length)!
            let bytes = UnsafeRawBufferPointer(start: p, count: length).bindMemory(to: UInt8.self)
            if let s = String(validating: bytes, as: UTF8.self) { return .string(s) }
            return .bytes(Array(bytes))
        case LUA_TFUNCTION:
            lua_pushvalue(L, index)
            let reference = luaL_ref(L, clua_registryindex())
            return .function(LuaFunctionRef(reference: reference, owner: releases))
        case let type:
            let name = String(cString: lua_typename(L, type))
            throw .conversion("a \(name) value cannot be read by the host")
        }
    }
}
