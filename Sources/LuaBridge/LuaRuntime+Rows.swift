import CLua
import Builtins

/// Calling one formula per row of a `ColumnTable`: the path for formulas that are not
/// straight-line arithmetic (they branch, call functions or compare strings).
///
/// Each row gets a fresh table `u` (so a formula cannot carry state from row to row through
/// it), filled with raw sets; numbers are pushed as floats and NULLs as nil. Every row is its
/// own budgeted protected call.
extension LuaRuntime {
    /// A formula failed on one row.
    public struct RowFailure: Error, Sendable {
        public var row: Int
        public var error: LuaError
    }

    /// Evaluates `function(u)` for `rows` and returns one finite-or-not Double per row.
    /// A non-number result is a `RowFailure` with a runtime error saying what came back.
    public func evaluateRows(_ function: LuaFunctionRef, columns: ColumnTable, fields: [String],
                             rows: Range<Int>) throws(RowFailure) -> [Double] {
        let L = state
        defer { resetStack() }
        releaseDroppedReferences()
        let bounded = isBounded(function)
        // Compiled first: compiling resets the stack, and the loop below keeps values on it.
        let builder: LuaFunctionRef
        do {
            builder = try compile(LuaRuntime.strictRowSource, chunkName: "=rows")
        } catch {
            throw RowFailure(row: rows.lowerBound, error: error)
        }
        let numeric = fields.compactMap { name in columns.numeric[name].map { (name, $0) } }
        let text = fields.compactMap { name in columns.text[name].map { (name, $0) } }
        guard lua_checkstack(L, Int32(numeric.count + 2 * text.count + 8)) != 0 else {
            throw RowFailure(row: rows.lowerBound, error: .conversion("Lua stack exhausted"))
        }
        // Keys and text dictionaries live on the stack for the whole loop.
        let firstKey = lua_gettop(L) + 1
        for (name, _) in numeric { pushString(name) }
        for (name, _) in text { pushString(name) }
        let firstDictionary = lua_gettop(L) + 1
        for (_, column) in text {
            lua_createtable(L, Int32(column.dictionary.count), 0)
            for (i, value) in column.dictionary.enumerated() {
                pushString(value)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
        }
        // The metatable every row gets: reading a field that is not one of `fields` is an error
        // (a misspelt column is never a silent nil), while a NULL in a known column reads as nil.
        let strict: Int32
        do {
            strict = try pushStrictRowMetatable(builder, fields: fields)
        } catch {
            throw RowFailure(row: rows.lowerBound, error: error)
        }
        let base = lua_gettop(L)
        var results = [Double](repeating: 0, count: rows.count)
        for row in rows {
            lua_rawgeti(L, clua_registryindex(), lua_Integer(function.reference))
            lua_createtable(L, 0, Int32(numeric.count + text.count))
            lua_pushvalue(L, strict)
            lua_setmetatable(L, -2)
            for (k, (_, column)) in numeric.enumerated() {
                let value = column[row]
                guard !value.isNaN else { continue }
                lua_pushvalue(L, firstKey + Int32(k))
                lua_pushnumber(L, value)
                lua_rawset(L, -3)
            }
            for (k, (_, column)) in text.enumerated() {
                let code = column.codes[row]
                guard code >= 0 else { continue }
                lua_pushvalue(L, firstKey + Int32(numeric.count + k))
                lua_rawgeti(L, firstDictionary + Int32(k), lua_Integer(code + 1))
                lua_rawset(L, -3)
            }
            do {
                try protectedCall(arguments: 1, results: 1, hooked: !bounded)
            } catch {
                throw RowFailure(row: row, error: error)
            }
            var isNumber: Int32 = 0
            let value = clua_tonumber(L, -1, &isNumber)
            let type = lua_type(L, -1)
            guard type == LUA_TNUMBER else {
                let got = type == LUA_TSTRING ? "a string" : String(cString: lua_typename(L, type))
                throw RowFailure(row: row, error: .runtime(ScriptFailure(message: "returned \(got), not a number")))
            }
            results[row - rows.lowerBound] = value
            lua_settop(L, base)
        }
        return results
    }

    /// The Lua source of the row metatable's builder (runs with the host's globals).
    static let strictRowSource = """
        local known, list = ...
        return { __metatable = false, __index = function(_, key)
          if known[key] then return nil end
          error("u." .. tostring(key) .. " is not a column this formula can read (columns: " .. list .. "); "
            .. "declare it in columns, or in optional_columns with a stand-in value", 2)
        end }
        """

    /// Pushes the strict row metatable for `fields` and returns its stack index.
    private func pushStrictRowMetatable(_ builder: LuaFunctionRef, fields: [String]) throws(LuaError) -> Int32 {
        let known = LuaValue.table(Dictionary(uniqueKeysWithValues: fields.map { (LuaKey.string($0), LuaValue.bool(true)) }))
        let list = fields.sorted().joined(separator: ", ")
        try push(.function(builder))
        try push(known)
        try push(.string(list))
        try protectedCall(arguments: 2, results: 1)
        return lua_gettop(state)
    }
}
