import Builtins
import Dispatch
import Foundation
import LuaBridge
import Plugins

/// Stage 3: computes a domain plugin's feature formulas over the matched users.
///
/// Formulas proven to be straight-line arithmetic are traced once and evaluated over whole
/// columns in Swift. The others are called once per row in Lua, always in fresh copies of the
/// plugin loaded for this stage (one, or one per core when there are enough rows), so a formula
/// sees the same environment at every table size: what the plugin's files set up when loaded,
/// never what another hook changed during the run. Every value must be a finite number, or the
/// run stops naming the plugin, the formula, the user and why.
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
        /// Why each per-row formula could not be traced.
        public var reasons: [String: String] = [:]
        /// Mean and population sd of each feature over all matched users (computed once; the
        /// run's explanation and the clusters' z-scores both use them).
        public var moments: [(mean: Double, sd: Double)] = []
    }

    /// Rows per formula below which a second copy of the plugin is not worth loading.
    public var parallelThreshold = 20_000
    /// Loads the copies of the domain plugin that run per-row formulas.
    public var loader: PluginLoader

    public init(loader: PluginLoader) {
        self.loader = loader
    }

    /// Evaluates every formula of `domain` (the contract of `plugin`) over `table`; per-row
    /// formulas see `fields` in their `u`.
    public func compute(_ plugin: Plugin, domain: DomainSpec, over table: ColumnTable, fields: [String]) throws(PluginError) -> Features {
        let runtime = plugin.sandbox.runtime
        let numeric = Set(table.numeric.keys)
        var names: [String] = []
        var values: [[Double]] = []
        var modes: [String: Mode] = [:]
        var reasons: [String: String] = [:]
        var perRow: [String] = []
        for feature in domain.features {
            switch runtime.traceArithmetic(feature.hook.function, numericColumns: numeric) {
            case .traced(let tree):
                if let expression = FormulaExpression(traced: tree) {
                    names.append(feature.name)
                    values.append(expression.evaluate(over: table))
                    modes[feature.name] = .traced
                    continue
                }
                reasons[feature.name] = "its trace did not read as arithmetic"
            case .notArithmetic:
                reasons[feature.name] = "it is not straight-line arithmetic (it branches, compares, calls or reads outer values)"
            case .failed(let error):
                reasons[feature.name] = "tracing it failed: \(error.failure?.message ?? error.description)"
            }
            perRow.append(feature.name)
        }
        if !perRow.isEmpty {
            let computed = try evaluateRowByRow(perRow, source: plugin.source, table: table, fields: fields)
            for (name, column) in zip(perRow, computed) {
                names.append(name)
                values.append(column)
                modes[name] = .perRow
            }
        }
        let order = names.indices.sorted { names[$0] < names[$1] }
        var result = Features(names: order.map { names[$0] }, values: order.map { values[$0] }, modes: modes, reasons: reasons)
        try check(result, plugin: plugin, table: table)
        result.moments = result.values.map { column in
            let n = Double(max(column.count, 1))
            let mean = column.reduce(0, +) / n
            return (mean, (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot())
        }
        return result
    }

    private func evaluateRowByRow(_ names: [String], source: PluginSource, table: ColumnTable, fields: [String]) throws(PluginError) -> [[Double]] {
        let n = table.count
        let parts = n >= parallelThreshold ? [0..<(n / 2), (n / 2)..<n] : [0..<n]
        let loader = loader
        let outcomes = WorkerResults(count: parts.count)
        // Each worker loads its own copy of the plugin and keeps it on its thread.
        DispatchQueue.concurrentPerform(iterations: parts.count) { worker in
            outcomes.set(worker, Result<[[Double]], PluginError> { () throws(PluginError) -> [[Double]] in
                let copy = try loader.load(source)
                return try names.map { name throws(PluginError) in
                    try Self.rows(name, plugin: copy, table: table, fields: fields, range: parts[worker])
                }
            })
        }
        let results = try outcomes.values.map { result throws(PluginError) in try result.get() }
        return names.indices.map { i in results.flatMap { $0[i] } }
    }

    private static func rows(_ name: String, plugin: Plugin, table: ColumnTable, fields: [String],
                             range: Range<Int>) throws(PluginError) -> [Double] {
        guard let formula = plugin.contract.domain?.features.first(where: { $0.name == name }) else {
            throw .badResult(plugin: plugin.name, hook: "features.\(name)", problem: "changed while the run was loading it (the formula is gone)")
        }
        do {
            return try plugin.sandbox.runtime.evaluateRows(formula.hook.function, columns: table, fields: fields, rows: range)
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
