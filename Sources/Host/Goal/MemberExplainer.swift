import Builtins
import Foundation
import LuaBridge
import Plugins

/// `runs explain RUN --user ID`: why a user is in their persona.
///
/// The user's features are computed again with the domain plugin's formulas on the user's row,
/// standardised and weighted as the run did (its stored means, sds and weights), and compared
/// with each persona's centroid in that space. The features that decided are those whose
/// distances favour the user's persona over the next nearest most. What may differ from the run
/// is said: a plugin whose files changed since, a user whose row changed, an algorithm that does
/// not assign by nearest centroid.
public struct MemberExplanation: Sendable, Codable {
    public struct Feature: Sendable, Codable {
        public var name: String
        public var value: Double
        public var weight: Double
        /// (value − run mean) / run sd × weight: the user's coordinate in the clustering space.
        public var position: Double
    }

    public struct Distance: Sendable, Codable {
        public var persona: Int
        public var name: String
        public var distance: Double
    }

    public struct Deciding: Sendable, Codable {
        public var feature: String
        /// How much this feature's squared distance favours the user's persona over the runner-up.
        public var margin: Double
        public var phrase: String
    }

    public var runID: Int64
    public var userID: Int64
    public var persona: Int
    public var personaName: String
    public var algorithm: String
    public var features: [Feature]
    public var distances: [Distance]
    public var nearest: Int
    public var runnerUp: Int?
    public var deciding: [Deciding]
    public var notes: [String]
}

/// Builds a `MemberExplanation` from a saved run, the users table and the current plugins.
public struct MemberExplainer {
    public let plugins: PluginSet
    public let store: UserStore
    public let runs: RunStore
    public let loader: PluginLoader

    public init(plugins: PluginSet, database: PersonaDatabase, loader: PluginLoader) {
        self.plugins = plugins
        store = UserStore(database: database)
        runs = RunStore(database: database)
        self.loader = loader
    }

    public func explain(runID: Int64, userID: Int64) throws(GoalError) -> MemberExplanation {
        let run: GoalRun
        let memberships: RunMemberships
        do {
            let stored = try runs.load(id: runID)
            guard stored.run.pipeline == "goal" else { throw GoalError.data("run \(runID) is a \(stored.run.pipeline) run, not a goal run") }
            run = try stored.run.summary.decode(GoalRun.self)
            memberships = try runs.memberships(runID: runID)
        } catch let error as GoalError {
            throw error
        } catch {
            throw .storage(UnexpectedError.wrap(error, "loading run \(runID)"))
        }
        guard let position = Self.index(of: userID, in: memberships.userIDs) else {
            throw .data("user \(userID) is not one of run \(runID)'s \(memberships.count) matched users")
        }
        let assigned = Int(memberships.personaIndexes[position])
        let (plugin, domain) = try self.domain(of: run, runID: runID)
        var notes: [String] = []
        if let note = Self.changeNote(run: run, runID: runID, plugin: plugin) { notes.append(note) }

        // The user's features, with the run's columns and formulas.
        let computed = try recompute(userIDs: [userID], plugin: plugin, domain: domain)
        guard computed.userIDs == [userID] else { throw .data("user \(userID) is no longer in the users table") }
        notes += computed.notes
        let value = computed.values.mapValues { $0[0] }
        let used = run.features.filter { $0.weight > 0 }
        var features: [MemberExplanation.Feature] = []
        for f in run.features {
            guard let v = value[f.name] else {
                notes.append("feature \(f.name) of the run is no longer computed by the plugin")
                continue
            }
            features.append(.init(name: f.name, value: v, weight: f.weight, position: Self.position(v, of: f)))
        }
        let coordinates = Dictionary(uniqueKeysWithValues: features.map { ($0.name, $0.position) })
        var squares: [Int: [String: Double]] = [:]
        let distances = run.personas.map { p -> MemberExplanation.Distance in
            var terms: [String: Double] = [:]
            for f in used {
                let d = (coordinates[f.name] ?? 0) - Self.centroid(p, f)
                terms[f.name] = d * d
            }
            squares[p.index] = terms
            return .init(persona: p.index, name: p.name, distance: terms.values.reduce(0, +).squareRoot())
        }
        let ranked = distances.sorted { ($0.distance, $0.persona) < ($1.distance, $1.persona) }
        let nearest = ranked.first?.persona ?? assigned
        let runnerUp = ranked.first { $0.persona != assigned }?.persona
        var deciding: [MemberExplanation.Deciding] = []
        if let runnerUp, let mine = squares[assigned], let theirs = squares[runnerUp] {
            let name = run.personas.first { $0.index == runnerUp }?.name ?? "persona \(runnerUp)"
            deciding = used.map { f in
                let margin = (theirs[f.name] ?? 0) - (mine[f.name] ?? 0)
                let v = value[f.name] ?? 0
                return .init(feature: f.name, margin: margin,
                             phrase: "\(f.name) \(NumberFormat.value(v)) is \(margin >= 0 ? "closer to" : "farther from") this persona than to \(name) (by \(NumberFormat.score(abs(margin))))")
            }.sorted { ($0.margin, $1.feature) > ($1.margin, $0.feature) }
        }
        if nearest != assigned {
            notes.append("the nearest centroid is persona \(nearest), not \(assigned): \(run.clustering.algorithm) does not assign every user to its nearest centroid"
                         + (run.clustering.mergedClusters > 0 ? ", and small clusters were merged" : ""))
        }
        let assignedName = run.personas.first { $0.index == assigned }?.name ?? "persona \(assigned)"
        return MemberExplanation(runID: runID, userID: userID, persona: assigned, personaName: assignedName,
                                 algorithm: run.clustering.algorithm, features: features, distances: distances, nearest: nearest,
                                 runnerUp: runnerUp, deciding: deciding, notes: notes)
    }

    /// Binary search in ascending ids.
    static func index(of id: Int64, in ids: [Int64]) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }
}
