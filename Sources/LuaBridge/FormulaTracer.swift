/// Traces a function proven to be straight-line arithmetic: calls it once with a symbolic
/// argument whose fields record the arithmetic done on them, and returns the expression tree.
///
/// Only functions whose bytecode is proven straight-line arithmetic (no branches, calls,
/// comparisons or outer values: `LuaRuntime.BytecodeSummary.isBoundedArithmetic`) are traced,
/// so the trace is exactly what the function computes for every argument. The host evaluates
/// such feature formulas over whole columns instead of calling Lua once per row.
extension LuaRuntime {
    /// What tracing a function gave.
    public enum Trace: Sendable {
        /// The expression tree: a number, `{"col", name}`, `{"neg", e}` or `{op, a, b}`.
        case traced(LuaValue)
        /// The bytecode is not straight-line arithmetic (branches, calls, comparisons, upvalues…).
        case notArithmetic
        /// The symbolic call failed (it read a field that is not a numeric column, for instance).
        case failed(LuaError)
    }

    /// The tracer's Lua source (`Lua/tracer.lua`, embedded at build time). It runs with the
    /// state's own (host) globals, never in the plugin's environment.
    static let tracerSource = String(decoding: PackageResources.tracer_lua, as: UTF8.self)

    /// Traces `formula` with a symbolic argument whose fields in `numericColumns` are columns.
    public func traceArithmetic(_ formula: LuaFunctionRef, numericColumns: Set<String>) -> Trace {
        guard bytecode(of: formula)?.isBoundedArithmetic == true else { return .notArithmetic }
        do {
            let tracer = try compile(LuaRuntime.tracerSource, chunkName: "=tracer")
            let columns = LuaValue.table(Dictionary(uniqueKeysWithValues: numericColumns.map { (LuaKey.string($0), LuaValue.bool(true)) }))
            return .traced(try call(tracer, [.function(formula), columns]).first ?? .nil)
        } catch {
            return .failed(error)
        }
    }
}
