import Dispatch
import Foundation
import LuaBridge
import Plugins
import Builtins

/// Computes a domain plugin's feature formulas over the matched users.
///
/// Formulas proven to be straight-line arithmetic are traced once and evaluated over whole
/// columns in Swift; the others are called once per row in Lua, split over two sandboxes (the
/// plugin loaded twice) when there are enough rows for it to pay. Either way every value must
/// be a finite number, or the run stops naming the plugin, the formula, the user and why.
public struct FeatureEngine: Sendable {
    /// How one formula was evaluated, for the run's explanation and the benchmarks.
    public enum Mode: String, Sendable, Codable {
        case traced, perRow = "per_row"
    }

    /// The computed features, in name order.
    public struct Features: Sendable {
        public var names: [String]
        public var values: [[Double]]
        public var modes: [String: Mode]
        /// Mean and population sd of each feature over all matched users (computed once; the
        /// run's explanation and the clusters' z-scores both use them).
        public var moments: [(mean: Double, sd: Double)] = []
    }

    /// Rows per formula below which a second sandbox is not worth loading.
    public var parallelThreshold = 20_000
    /// Loads another copy of the domain plugin for a second worker.
    public var loader: PluginLoader

    public init(loader: PluginLoader) {
        self.loader = loader
    }

    /// Evaluates every formula of `plugin`'s `features` hook over `table`.
    public func compute(_ plugin: Plugin, over table: ColumnTable) throws(PluginError) -> Features {
        let formulas = plugin.hook(.features).fields.compactMap { name, value in value.functionValue.map { (name, $0) } }
        let runtime = plugin.sandbox.runtime
        let numeric = Set(table.numeric.keys)
        var names: [String] = []
        var values: [[Double]] = []
        var modes: [String: Mode] = [:]
        var perRow: [String] = []
        for (name, formula) in formulas {
            if case .traced(let tree) = runtime.traceArithmetic(formula, numericColumns: numeric),
               let expression = FormulaExpression(traced: tree) {
                names.append(name)
                values.append(expression.evaluate(over: table))
                modes[name] = .traced
            } else {
                perRow.append(name)
            }
        }
        if !perRow.isEmpty {
            let computed = try evaluateRowByRow(perRow, plugin: plugin, table: table)
            for (name, column) in zip(perRow, computed) {
                names.append(name)
                values.append(column)
                modes[name] = .perRow
            }
        }
        let order = names.indices.sorted { names[$0] < names[$1] }
        var result = Features(names: order.map { names[$0] }, values: order.map { values[$0] }, modes: modes)
        try check(result, plugin: plugin, table: table)
        result.moments = result.values.map { column in
            let n = Double(max(column.count, 1))
            let mean = column.reduce(0, +) / n
            return (mean, (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot())
        }
        return result
    }

    /// Fields a row table carries: the plugin's declared `columns`, or every column.
    func fields(for plugin: Plugin, table: ColumnTable) -> [String] {
        let declared = plugin.hook(.columns).arrayValue?.compactMap(\.stringValue) ?? []
        return declared.isEmpty ? table.columnNames : declared
    }

    private func evaluateRowByRow(_ names: [String], plugin: Plugin, table: ColumnTable) throws(PluginError) -> [[Double]] {
        let fields = fields(for: plugin, table: table)
        let n = table.count
        guard n >= parallelThreshold else {
            return try names.map { name throws(PluginError) in try Self.rows(name, plugin: plugin, table: table, fields: fields, range: 0..<n) }
        }
        // Two workers, each with its own copy of the plugin confined to its thread.
        let halves = [0..<(n / 2), (n / 2)..<n]
        let source = plugin.source
        let loader = loader
        let outcomes = WorkerResults(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            outcomes.set(worker, Result<[[Double]], PluginError> { () throws(PluginError) -> [[Double]] in
                let copy = try loader.load(source)
                return try names.map { name throws(PluginError) in
                    try Self.rows(name, plugin: copy, table: table, fields: fields, range: halves[worker])
                }
            })
        }
        let parts = try outcomes.values.map { result throws(PluginError) in try result.get() }
        return names.indices.map { parts[0][$0] + parts[1][$0] }
    }

    private static func rows(_ name: String, plugin: Plugin, table: ColumnTable, fields: [String],
                             range: Range<Int>) throws(PluginError) -> [Double] {
        guard let formula = plugin.hook(.features)[name].functionValue else {
            throw .badResult(plugin: plugin.name, hook: "features.\(name)", problem: "is not a function")
        }
        do {
            return try plugin.sandbox.runtime.evaluateRows(formula, columns: table, fields: fields, rows: range)
        } catch {
            throw .formula(plugin: plugin.name, formula: name, userID: table.userIDs[error.row], error.error)
        }
    }

    /// Every value must be finite: NaN or infinity would poison standardisation silently.
    private func check(_ result: Features, plugin: Plugin, table: ColumnTable) throws(PluginError) {
        for (name, column) in zip(result.names, result.values) {
            if let row = column.firstIndex(where: { !$0.isFinite }) {
                let nulls = table.numeric.filter { $0.value[row].isNaN }.keys.sorted()
                let why = nulls.isEmpty ? "" : " (NULL in \(nulls.joined(separator: ", ")))"
                throw .formula(plugin: plugin.name, formula: name, userID: table.userIDs[row],
                               .runtime(ScriptFailure(message: "returned \(column[row]), not a finite number\(why)")))
            }
        }
    }
}

/// Results written by `concurrentPerform` workers, one slot each.
/// `@unchecked Sendable`: each worker writes only its own slot, under the lock, and the
/// caller reads after `concurrentPerform` has returned.
private final class WorkerResults: @unchecked Sendable {
    private var slots: [Result<[[Double]], PluginError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[[Double]], PluginError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<[[Double]], PluginError>] { slots.map { $0! } }
}
