import Builtins
import Foundation
import LuaBridge
import Plugins

/// `run goal`: a marketing goal in plain words becomes named, explained personas.
///
/// Stage 1 reads the goal with the plugins' taxonomies; stage 2 turns it into conditions on the
/// users table; stage 3 computes the domain plugin's features; stage 4 clusters them with the
/// domain's weights and algorithm, choosing k by silhouette; stage 5 names each cluster through
/// the domain plugin. Everything domain-specific comes from the plugins' contracts; nothing is
/// stored unless every stage succeeds (and `save` is called).
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
        /// Recognised goal words that no condition applies stop the run (exit 2).
        public var strict = false
        /// Keep each stage's decisions in the run (`run goal --explain`).
        public var explain = false
        /// Plugins left out under `--skip-broken`, recorded with the run.
        public var skippedPlugins: [SkippedPlugin] = []
        /// What else the command line said, recorded with the run (``GoalRun/Settings``).
        public var invocation = Invocation()

        public init(goal: String) { self.goal = goal }

        /// The command-line settings a run records beyond those the pipeline uses.
        public struct Invocation: Sendable {
            public var pluginsFolder: String?
            /// How the folder was chosen (`--plugins`, `PERSONA_HOST_PLUGINS`, …).
            public var pluginsFolderFrom: String?
            /// `--members` as given (made absolute here; `-` is stdout).
            public var membersFile: String?
            public var skipBroken = false

            public init() {}

            public init(plugins: PluginSearchPath.Resolution?, membersFile: String?, skipBroken: Bool) {
                pluginsFolder = plugins?.folder.standardizedFileURL.path
                pluginsFolderFrom = plugins?.reason
                self.membersFile = membersFile.map { $0 == "-" ? $0 : URL(fileURLWithPath: $0).standardizedFileURL.path }
                self.skipBroken = skipBroken
            }
        }

        /// The settings as a run records them.
        var settings: GoalRun.Settings {
            GoalRun.Settings(seed: seed, algorithm: algorithm?.rawValue, k: k.map { [$0.lowerBound, $0.upperBound] }, strict: strict,
                             skipBroken: invocation.skipBroken, explain: explain, pluginsFolder: invocation.pluginsFolder,
                             pluginsFolderFrom: invocation.pluginsFolderFrom, membersFile: invocation.membersFile)
        }
    }

    /// Below this many matched users a run says its personas rest on few users (text and JSON
    /// `warnings`): the seed system's goal pipeline (seed 002) warned under 500 users.
    public static let fewUsersThreshold = 500

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
        // Stages 1 and 2: intents, domain and filter conditions.
        progress("reading the goal")
        let planned = try GoalPlan(goal: options.goal, plugins: plugins.plugins, strict: options.strict)
        let reading = planned.reading
        let choice = planned.choice
        let domain = choice.plugin
        let plan = planned.filters
        clock.lap("intents")
        progress("selecting users")
        let filter: UserFilter
        let schema: UsersSchema
        do {
            schema = try store.schema()
            filter = try store.filter(plan.conditions)
        } catch let error as StorageError {
            throw error.exitStatus == .usage ? .data("filter: \(error)") : .storage(error)
        } catch {
            throw .storage(UnexpectedError.wrap(error, "building the filter"))
        }
        let columns = try ColumnPlan(domain: choice.spec, plugin: domain.name, schema: schema)
        let fetched: UserColumns
        let fingerprint: UsersFingerprint
        var changedWhileReading = false
        do {
            // The fingerprint of the table the rows come from: its change counter is read again
            // after the fetch, so a write in between is said, not hidden.
            fingerprint = try store.fingerprint()
            fetched = try store.fetchColumns(matching: filter, columns: columns.fetch)
            changedWhileReading = try fingerprint.version == nil || store.changeCounter() != fingerprint.version
        } catch {
            throw .storage(UnexpectedError.wrap(error, "reading users"))
        }
        let understood = reading.detected.map { "\($0.category) (\($0.matches.map(\.term).joined(separator: ", ")))" }
        guard fetched.count > 0 else { throw .noMatches(filter: filter.description, understood: understood) }
        var table = ColumnTable(fetched)
        var notes = columns.standIn(&table)
        if changedWhileReading {
            notes.append(fingerprint.version == nil
                ? "the users table's change counter is missing (its triggers were removed): its fingerprint was computed, but a change while the run read it would go unnoticed"
                : "the users table changed while this run read it: its data fingerprint is of the table as it was just before")
        }
        clock.lap("filter")

        // Stage 3: features.
        progress("computing \(domain.name) features for \(table.count) users")
        let features: FeatureEngine.Features
        do {
            features = try FeatureEngine(loader: loader).compute(domain, domain: choice.spec, over: table, fields: columns.rowFields)
        } catch {
            throw .plugin(error)
        }
        for (name, reads) in choice.spec.features.compactMap({ f in f.reads.map { (f.name, $0) } }) where !reads.isComplete {
            notes.append("features.\(name) reads u beyond the fields it names (\(reads.openEndedBecause ?? "open-ended")): its columns were not checked before the run")
        }
        clock.lap("features")

        // Stage 4: clustering.
        progress("clustering")
        let clustering = ClusteringStage(plugin: domain.name, spec: choice.spec.clustering, options: options)
        let clustered = try clustering.run(features)
        clock.lap("clustering")

        // Stage 5: naming.
        progress("naming personas")
        let summaries = ClusterSummary.summarize(labels: clustered.labels, k: clustered.k, features: features, table: table,
                                                 profileColumns: columns.profile)
        let named = try PersonaNamer(plugin: domain, hook: choice.spec.persona, filter: plan).name(summaries)
        clock.lap("naming")

        var run = GoalRun(
            runID: nil, goal: options.goal, seed: options.seed,
            intents: reading.scores.map { .init(category: $0.category, confidence: $0.confidence, detected: $0.detected,
                                                threshold: $0.threshold, matches: $0.matches) },
            unrecognisedWords: reading.unrecognisedWords,
            filter: .init(conditions: plan.entries.map { .init(plugin: $0.plugin, condition: $0.condition.description, terms: $0.terms) },
                          sql: filter.whereSQL, parameters: filter.arguments.map(\.description)),
            notApplied: plan.notApplied,
            matchedRows: table.count,
            domain: .init(plugin: domain.name, version: domain.manifest.version, reason: choice.reason),
            features: clustering.describe(features),
            clustering: clustered.report,
            personas: named.personas,
            timingsMs: [:],
            plugins: plugins.plugins.map { .init(name: $0.name, version: $0.manifest.version, sourceHash: $0.source.contentHash()) },
            skippedPlugins: options.skippedPlugins,
            notes: notes,
            explanation: options.explain ? .init(consulted: plan.consulted, domainCandidates: choice.candidates, naming: named.calls) : nil,
            dataFingerprint: fingerprint, settings: options.settings)
        run.warnings = Self.warnings(matchedRows: table.count)
        // One pass over the rows, bucketing user ids by persona (in user_id order, as fetched).
        var members = [[Int64]](repeating: [], count: clustered.k)
        for (c, size) in named.personas.map(\.size).enumerated() { members[c].reserveCapacity(size) }
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

    /// What the run should say before its personas are trusted: too few users under
    /// ``fewUsersThreshold``.
    public static func warnings(matchedRows: Int) -> [String] {
        guard matchedRows < fewUsersThreshold else { return [] }
        return ["only \(NumberFormat.count(matchedRows)) users matched (fewer than \(NumberFormat.count(fewUsersThreshold))): "
                + "personas from so few users may not hold up on other data; widen the goal or add users"]
    }

    /// Saves `run` (its personas and members) in one transaction and returns its id.
    public func save(_ run: GoalRun) throws(GoalError) -> Int64 {
        do {
            let now = Date()
            var saved = run
            saved.createdAt = now.formatted(.iso8601)
            saved.dataNow = nil
            let record = RunRecord(createdAt: now, pipeline: "goal", goal: run.goal, seed: run.seed, matchedRows: run.matchedRows,
                                   parameters: try JSONDocument(encoding: ["algorithm": run.clustering.algorithm]),
                                   summary: try JSONDocument(encoding: saved),
                                   pluginVersions: Dictionary(uniqueKeysWithValues: run.plugins.map { ($0.name, $0.version) }),
                                   data: run.dataFingerprint)
            let personas = try run.personas.map { p in
                PersonaRecord(index: p.index, name: p.name, size: p.size, share: p.share,
                              centroid: p.centroid.sorted { $0.key < $1.key }.map { FeatureValue(feature: $0.key, value: $0.value) },
                              zScores: p.zScores.sorted { $0.key < $1.key }.map { FeatureValue(feature: $0.key, value: $0.value) },
                              traits: p.distinguishing, profile: try JSONDocument(encoding: p.traits))
            }
            return try runs.save(record, personas: personas, members: run.memberIDs)
        } catch {
            throw .storage(UnexpectedError.wrap(error, "saving the run"))
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
