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
        let base = lua_gettop(L)
        var results = [Double](repeating: 0, count: rows.count)
        for row in rows {
            lua_rawgeti(L, clua_registryindex(), lua_Integer(function.reference))
            lua_createtable(L, 0, Int32(numeric.count + text.count))
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
}
