import Builtins
import Foundation
import Plugins

/// Everything the run report page (`runs report`, `GET /v1/runs/{id}/report`) shows of a saved
/// goal run: the run as saved, and the member scatter — a sample of members placed again in
/// the run's weighted standardised space with the domain plugin's current formulas
/// (``MemberExplainer``) and projected on its first two principal components — or why it is
/// absent (plugin missing or failing, users gone).
public struct RunReport: Sendable {
    /// The scatter's data: sampled members and persona centroids on two principal components.
    public struct Scatter: Sendable {
        public struct Point: Sendable {
            public var userID: Int64
            /// The member's persona (``GoalRun/Persona/index``).
            public var persona: Int
            public var x: Double
            public var y: Double
        }

        public var points: [Point]
        /// Persona index → its centroid on the two components.
        public var centroids: [Int: (x: Double, y: Double)]
        /// Each component's share of the sample's variance.
        public var shares: [Double]
        /// The features the space is made of (those with a weight above 0).
        public var features: [String]
        /// How many members the run has (the sample is at most ``RunReport/sampleLimit``).
        public var members: Int
    }

    /// The scatter, or why there is none.
    public enum ScatterState: Sendable {
        case shown(Scatter)
        case absent(String)
    }

    /// At most this many members are placed on the scatter.
    public static let sampleLimit = 1_000

    public var runID: Int64
    public var run: GoalRun
    public var scatter: ScatterState
    /// What the reader must know about the scatter (formulas changed since the run, stand-ins, users gone).
    public var scatterNotes: [String]

    /// The page of run `runID`, as HTML. Throws ``RunLookupError`` (exit 2) for a run that does
    /// not exist or is not a goal run, storage errors (exit 1) for one that cannot be read.
    public static func html(runID: Int64, database: PersonaDatabase, plugins: PluginSet, loader: PluginLoader) throws -> String {
        RunReportPage(report: try build(runID: runID, database: database, plugins: plugins, loader: loader)).html
    }

    /// The report of run `runID`. A domain plugin that is missing or fails only leaves the scatter
    /// out, saying why; a run that cannot be read throws.
    public static func build(runID: Int64, database: PersonaDatabase, plugins: PluginSet, loader: PluginLoader) throws -> RunReport {
        let saved = SavedRuns(database: database)
        let run = try saved.goalRun(runID)
        let memberships = try saved.store.memberships(runID: runID)
        var notes: [String] = []
        let scatter: ScatterState
        do {
            scatter = .shown(try Self.scatter(run: run, runID: runID, memberships: memberships, notes: &notes,
                                              explainer: MemberExplainer(plugins: plugins, database: database, loader: loader)))
        } catch {
            switch error {
            case .data(let why): scatter = .absent(why)
            case .plugin(let failure): scatter = .absent("the \(run.domain.plugin) plugin failed computing the members' features: \(failure.description)")
            case .storage(let failure): throw failure
            default: scatter = .absent(error.description)
            }
        }
        return RunReport(runID: runID, run: run, scatter: scatter, scatterNotes: notes)
    }

    static func scatter(run: GoalRun, runID: Int64, memberships: RunMemberships, notes: inout [String],
                        explainer: MemberExplainer) throws(GoalError) -> Scatter {
        let used = run.features.filter { $0.weight > 0 }
        guard !used.isEmpty else { throw .data("run \(runID) clustered on no weighted feature: there is no space to place members in") }
        guard memberships.count > 0 else { throw .data("run \(runID) has no stored members to place") }
        let (plugin, domain) = try explainer.domain(of: run, runID: runID)
        if let note = MemberExplainer.changeNote(run: run, runID: runID, plugin: plugin) { notes.append(note) }
        let positions = MemberSample.positions(count: memberships.count, limit: sampleLimit, seed: run.seed)
        let sample = positions.map { memberships.userIDs[$0] }
        let computed = try explainer.recompute(userIDs: sample, plugin: plugin, domain: domain)
        notes += computed.notes
        if let missing = used.first(where: { computed.values[$0.name] == nil }) {
            throw .data("the \(plugin.name) plugin no longer computes the run's feature \(missing.name), so members cannot be placed in the run's space")
        }
        guard !computed.userIDs.isEmpty else { throw .data("none of the \(sample.count) sampled members of run \(runID) is in the users table now") }
        if computed.userIDs.count < sample.count {
            notes.append("\(NumberFormat.count(sample.count - computed.userIDs.count)) of the \(NumberFormat.count(sample.count)) sampled members are no longer in the users table and are not shown")
        }
        let vectors = computed.userIDs.indices.map { row in used.map { MemberExplainer.position(computed.values[$0.name]![row], of: $0) } }
        let pca = PrincipalComponents(points: vectors, count: 2)
        func xy(_ v: [Double]) -> (x: Double, y: Double) {
            let p = pca.project(v)
            return (p.first ?? 0, p.count > 1 ? p[1] : 0)
        }
        var points: [Scatter.Point] = []
        for (row, id) in computed.userIDs.enumerated() {
            guard let at = MemberExplainer.index(of: id, in: memberships.userIDs) else { continue }
            let (x, y) = xy(vectors[row])
            points.append(.init(userID: id, persona: Int(memberships.personaIndexes[at]), x: x, y: y))
        }
        var centroids: [Int: (x: Double, y: Double)] = [:]
        for p in run.personas { centroids[p.index] = xy(used.map { MemberExplainer.centroid(p, $0) }) }
        if used.count == 1 { notes.append("the run clustered on one feature only: the vertical axis carries no information") }
        return Scatter(points: points, centroids: centroids, shares: pca.shares, features: used.map(\.name), members: memberships.count)
    }
}

extension RunReport {
    /// The page (``RunReportPage``).
    public var html: String { RunReportPage(report: self).html }
}
