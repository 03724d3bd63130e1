import Builtins
import Foundation
import Plugins

/// Users placed in a saved run's clustering space: the part of ``MemberExplainer`` that the run
/// report's member scatter shares (`runs report`).
extension MemberExplainer {
    /// Users' features computed again with the domain plugin's current formulas.
    public struct Recomputed: Sendable {
        /// The users found in the users table, ascending (a user deleted since the run is absent).
        public var userIDs: [Int64]
        /// Feature name → one value per user in `userIDs`.
        public var values: [String: [Double]]
        /// What may differ from the run (stand-in columns, …).
        public var notes: [String]
    }

    /// The run's domain plugin as loaded now, or why it cannot be used.
    public func domain(of run: GoalRun, runID: Int64) throws(GoalError) -> (plugin: Plugin, domain: DomainSpec) {
        if let plugin = plugins.plugin(named: run.domain.plugin), let domain = plugin.contract.domain {
            return (plugin, domain)
        }
        if let failure = plugins.failures.first(where: { $0.name == run.domain.plugin }) {
            throw .data("run \(runID) used the \(run.domain.plugin) plugin, which fails to load now (\(failure.error.description)): "
                        + "its formulas are needed to place users")
        }
        throw .data("run \(runID) used the \(run.domain.plugin) plugin, which is not loaded now: its formulas are needed to place users")
    }

    /// Says whether `plugin`'s files changed since run `runID` (nil: they did not).
    public static func changeNote(run: GoalRun, runID: Int64, plugin: Plugin) -> String? {
        let stored = run.plugins.first { $0.name == plugin.name }
        if stored?.sourceHash == nil {
            return "run \(runID) did not record the \(plugin.name) plugin's files: its formulas may have changed since"
        }
        if stored?.sourceHash != plugin.source.contentHash() {
            return "the \(plugin.name) plugin's files changed since run \(runID): the users' features are computed with the current formulas"
        }
        return nil
    }

    /// The features of `userIDs` with `domain`'s current formulas, over the users table as it is now.
    public func recompute(userIDs: [Int64], plugin: Plugin, domain: DomainSpec) throws(GoalError) -> Recomputed {
        let fetched: UserColumns
        let columns: ColumnPlan
        do {
            columns = try ColumnPlan(domain: domain, plugin: plugin.name, schema: try store.schema())
            let condition = userIDs.count == 1 ? FilterCondition("user_id", .equal, .integer(userIDs[0]))
                : FilterCondition.in("user_id", userIDs.map { .integer($0) })
            fetched = try store.fetchColumns(matching: [condition], columns: columns.fetch)
        } catch let error as GoalError {
            throw error
        } catch {
            throw .storage(UnexpectedError.wrap(error, "reading \(userIDs.count == 1 ? "user \(userIDs[0])" : "\(userIDs.count) users")"))
        }
        guard fetched.count > 0 else { return Recomputed(userIDs: [], values: [:], notes: []) }
        var table = ColumnTable(fetched)
        let notes = columns.standIn(&table)
        let computed: FeatureEngine.Features
        do {
            computed = try FeatureEngine(loader: loader).compute(plugin, domain: domain, over: table, fields: columns.rowFields)
        } catch {
            throw .plugin(error)
        }
        return Recomputed(userIDs: fetched.userIDs, values: Dictionary(uniqueKeysWithValues: zip(computed.names, computed.values)), notes: notes)
    }

    /// A feature value's coordinate in the run's clustering space: (value − mean) / sd × weight.
    public static func position(_ value: Double, of feature: GoalRun.Feature) -> Double {
        (value - feature.mean) / (feature.sd == 0 ? 1 : feature.sd) * feature.weight
    }

    /// A persona's centroid coordinate on `feature` in the run's clustering space.
    public static func centroid(_ persona: GoalRun.Persona, _ feature: GoalRun.Feature) -> Double {
        position(persona.centroid[feature.name] ?? feature.mean, of: feature)
    }
}
