import Builtins
import Foundation
import LuaBridge
import Plugins

/// `run goal`: a marketing goal in plain words becomes named, explained personas.
///
/// Stage 1 reads the goal with the plugins' taxonomies; stage 2 turns it into conditions on the
/// users table; stage 3 computes the domain plugin's features; stage 4 clusters them with the
/// domain's weights and algorithm, choosing k by silhouette; stage 5 names each cluster through
/// the domain plugin. Everything domain-specific comes from plugins; nothing is stored unless
/// every stage succeeds.
public struct GoalPipeline {
    /// What the user asked for.
    public struct Options: Sendable {
        public var goal: String
        public var seed: UInt64 = 42
        /// Overrides the domain plugin's algorithm.
        public var algorithm: ClusteringAlgorithm?
        /// Overrides the domain plugin's k range.
        public var k: ClosedRange<Int>?
        /// Whether to save the run.
        public var save = true

        public init(goal: String) { self.goal = goal }
    }

    public let plugins: PluginSet
    public let store: UserStore
    public let runs: RunStore
    public let loader: PluginLoader
    /// Reports stage names as they start (the CLI shows them on a terminal).
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(plugins: PluginSet, database: PersonaDatabase, loader: PluginLoader) {
        self.plugins = plugins
        store = UserStore(database: database)
        runs = RunStore(database: database)
        self.loader = loader
    }

    public func run(_ options: Options) throws(GoalError) -> GoalRun {
        var clock = StageClock()
        // Stage 1: intents.
        progress("reading the goal")
        let taxonomy = Taxonomy(plugins: plugins.plugins)
        let reading = GoalReading(text: options.goal, taxonomy: taxonomy)
        let known = Dictionary(uniqueKeysWithValues: taxonomy.categories.map { ($0.name, $0.terms) })
        guard !reading.detected.isEmpty else { throw .noIntent(goal: options.goal, known: known) }
        let (domain, reason) = try chooseDomain(reading)
        clock.lap("intents")

        // Stage 2: filters.
        progress("selecting users")
        let plan: FilterPlan
        let filter: UserFilter
        do {
            plan = try FilterPlan(reading: reading, plugins: plugins.plugins, domain: domain)
            filter = try store.filter(plan.conditions)
        } catch let error as PluginError {
            throw .plugin(error)
        } catch {
            throw .data("filter: \(error)")
        }
        let columns = try columnsToFetch(domain)
        let fetched: UserColumns
        do {
            fetched = try store.fetchColumns(matching: filter, columns: columns)
        } catch {
            throw .storage("reading users: \(error)")
        }
        let understood = reading.detected.map { "\($0.category) (\($0.matches.map(\.term).joined(separator: ", ")))" }
        guard fetched.count > 0 else { throw .noMatches(filter: filter.description, understood: understood) }
        let table = ColumnTable(fetched)
        clock.lap("filter")

        // Stage 3: features.
        progress("computing \(domain.name) features for \(table.count) users")
        let features: FeatureEngine.Features
        do {
            features = try FeatureEngine(loader: loader).compute(domain, over: table)
        } catch {
            throw .plugin(error)
        }
        clock.lap("features")

        // Stage 4: clustering.
        progress("clustering")
        let clustering = ClusteringStage(domain: domain, options: options)
        let clustered = try clustering.run(features)
        clock.lap("clustering")

        // Stage 5: naming.
        progress("naming personas")
        let summaries = ClusterSummary.summarize(labels: clustered.labels, k: clustered.k, features: features, table: table,
                                                 profileColumns: profileColumns(domain, table: table))
        let personas = try PersonaNamer(domain: domain, filter: plan).name(summaries)
        clock.lap("naming")

        var run = GoalRun(
            runID: nil, goal: options.goal, seed: options.seed,
            intents: reading.scores.map { .init(category: $0.category, confidence: $0.confidence, detected: $0.detected,
                                                threshold: $0.threshold, matches: $0.matches) },
            filter: .init(conditions: plan.entries.map { .init(plugin: $0.plugin, condition: $0.condition.description) },
                          sql: filter.whereSQL, parameters: filter.arguments.map(\.description)),
            matchedRows: table.count,
            domain: .init(plugin: domain.name, version: domain.manifest.version, reason: reason),
            features: clustering.describe(features),
            clustering: clustered.report,
            personas: personas,
            timingsMs: [:],
            plugins: plugins.plugins.map { .init(name: $0.name, version: $0.manifest.version) })
        // One pass over the rows, bucketing user ids by persona (in user_id order, as fetched).
        var members = [[Int64]](repeating: [], count: clustered.k)
        for (c, size) in personas.map(\.size).enumerated() { members[c].reserveCapacity(size) }
        for (id, label) in zip(table.userIDs, clustered.labels) { members[Int(label)].append(id) }
        run.memberIDs = members
        if options.save {
            progress("saving the run")
            run.runID = try save(run)
            clock.lap("save")
        }
        run.timingsMs = clock.laps
        return run
    }

    /// The domain: a plugin selected by a detected intent (highest confidence, then load order),
    /// else the default domain.
    func chooseDomain(_ reading: GoalReading) throws(GoalError) -> (Plugin, String) {
        let confidence = Dictionary(uniqueKeysWithValues: reading.detected.map { ($0.category, $0.confidence) })
        var best: (plugin: Plugin, score: Double, intent: String)?
        for plugin in plugins.plugins where plugin.provides(.features) {
            for intent in plugin.hook(.selectedBy).arrayValue?.compactMap(\.stringValue) ?? [] {
                if let score = confidence[intent], score > (best?.score ?? -1) { best = (plugin, score, intent) }
            }
        }
        if let best { return (best.plugin, "selected by the \(best.intent) intent") }
        if let fallback = plugins.plugins.first(where: { $0.hook(.defaultDomain).boolValue == true && $0.provides(.features) }) {
            return (fallback, "default domain (no domain plugin is selected by \(reading.detected.map(\.category).joined(separator: ", ")))")
        }
        throw .noDomain(detected: reading.detected.map(\.category))
    }

    /// The columns the domain's formulas and profile read, checked against the users table.
    func columnsToFetch(_ domain: Plugin) throws(GoalError) -> [String] {
        let schema: [String]
        do {
            schema = try store.schema().columns.map(\.name)
        } catch {
            throw .storage("reading the users schema: \(error)")
        }
        let declared = domain.hook(.columns).arrayValue?.compactMap(\.stringValue) ?? []
        let profile = domain.hook(.clustering)["profile"].arrayValue?.compactMap(\.stringValue) ?? []
        for name in declared + profile where !schema.contains(name) {
            throw .data("plugin '\(domain.name)' reads column '\(name)', which the users table does not have "
                        + "(columns: \(schema.joined(separator: ", ")))")
        }
        let wanted = declared.isEmpty ? schema.filter { $0 != "user_id" } : declared + profile
        var seen = Set<String>()
        return wanted.filter { seen.insert($0).inserted }
    }

    /// Columns summarised per persona: the domain's `clustering.profile`, else its `columns`.
    func profileColumns(_ domain: Plugin, table: ColumnTable) -> [String] {
        let profile = domain.hook(.clustering)["profile"].arrayValue?.compactMap(\.stringValue) ?? []
        if !profile.isEmpty { return profile }
        let declared = domain.hook(.columns).arrayValue?.compactMap(\.stringValue) ?? []
        return declared.isEmpty ? table.columnNames : declared
    }

    private func save(_ run: GoalRun) throws(GoalError) -> Int64 {
        do {
            let record = RunRecord(pipeline: "goal", goal: run.goal, seed: run.seed, matchedRows: run.matchedRows,
                                   parameters: try JSONDocument(encoding: ["algorithm": run.clustering.algorithm]),
                                   summary: try JSONDocument(encoding: run),
                                   pluginVersions: Dictionary(uniqueKeysWithValues: run.plugins.map { ($0.name, $0.version) }))
            let personas = try run.personas.map { p in
                PersonaRecord(index: p.index, name: p.name, size: p.size, share: p.share,
                              centroid: p.centroid.sorted { $0.key < $1.key }.map { FeatureValue(feature: $0.key, value: $0.value) },
                              zScores: p.zScores.sorted { $0.key < $1.key }.map { FeatureValue(feature: $0.key, value: $0.value) },
                              traits: p.distinguishing, profile: try JSONDocument(encoding: p.traits))
            }
            return try runs.save(record, personas: personas, members: run.memberIDs)
        } catch {
            throw .storage("saving the run: \(error)")
        }
    }
}

/// Wall-clock time per stage, in milliseconds.
struct StageClock {
    private var last = ContinuousClock.now
    private(set) var laps: [String: Double] = [:]

    mutating func lap(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        laps[stage] = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        last = now
    }
}
