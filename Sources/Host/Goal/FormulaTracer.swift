/// Turns a bounded-arithmetic feature formula into a `FormulaExpression` by calling it once
/// with a symbolic user whose fields record the arithmetic done on them.
///
/// Only formulas whose bytecode is proven straight-line arithmetic (no branches, calls,
/// comparisons or outer values: `LuaRuntime.BytecodeSummary.isBoundedArithmetic`) are traced,
/// so the trace is exactly what the formula computes for every row. Anything else returns nil
/// and is evaluated row by row in Lua.
struct FormulaTracer {
    /// The tracer runs with the state's own (host) globals, never in the plugin's environment.
    static let source = #"""
    local formula, numeric = ...
    local node = {}
    local function make(...) return setmetatable({ ... }, node) end
    for event, op in pairs({ __add = "+", __sub = "-", __mul = "*", __div = "/", __mod = "%",
                             __pow = "^", __idiv = "//" }) do
      node[event] = function(a, b) return make(op, a, b) end
    end
    node.__unm = function(a) return make("neg", a) end
    local user = setmetatable({}, { __index = function(_, key)
      if numeric[key] then return make("col", key) end
      error("not a numeric column: " .. tostring(key), 0)
    end })
    return formula(user)
    """#

    let plugin: Plugin

    /// The traced expression of `formula`, or nil when it must run row by row.
    func trace(_ formula: LuaFunctionRef, numericColumns: Set<String>) -> FormulaExpression? {
        let runtime = plugin.sandbox.runtime
        guard runtime.bytecode(of: formula)?.isBoundedArithmetic == true,
              let tracer = try? runtime.compile(FormulaTracer.source, chunkName: "=tracer"),
              let result = try? runtime.call(tracer, [.function(formula), .table(Dictionary(
                  uniqueKeysWithValues: numericColumns.map { (LuaKey.string($0), LuaValue.bool(true)) }))]).first
        else { return nil }
        return FormulaExpression(traced: result)
    }
}
