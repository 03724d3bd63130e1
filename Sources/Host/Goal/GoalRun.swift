import Builtins
import Plugins

/// Everything a goal run found and how: what `--json` prints and what the runs table keeps.
///
/// Anything the run could not do as asked is in it: intents recognised but not applied
/// (`not_applied`), plugins skipped under `--skip-broken`, optional columns stood in for
/// (`notes`), the goal's words nothing recognised, and what makes the result less
/// trustworthy (`warnings`: too few users).
public struct GoalRun: Sendable, Codable {
    public struct Intent: Sendable, Codable {
        public var category: String
        public var confidence: Double
        public var detected: Bool
        public var threshold: Double
        public var matches: [IntentScorer.Match]
    }

    public struct Condition: Sendable, Codable {
        public var plugin: String
        public var condition: String
        /// The goal terms the condition applies.
        public var terms: [String]
    }

    public struct Filter: Sendable, Codable {
        public var conditions: [Condition]
        public var sql: String
        public var parameters: [String]
    }

    public struct Domain: Sendable, Codable {
        public var plugin: String
        public var version: String
        public var reason: String
    }

    public struct Feature: Sendable, Codable {
        public var name: String
        public var weight: Double
        public var evaluation: FeatureEngine.Mode
        /// Why a per-row formula could not be traced.
        public var whyPerRow: String?
        public var mean: Double
        public var sd: Double
    }

    public struct KScore: Sendable, Codable {
        public var k: Int
        public var silhouette: Double
    }

    public struct Clustering: Sendable, Codable {
        public var algorithm: String
        public var kRange: [Int]
        public var scores: [KScore]
        public var chosenK: Int
        public var silhouette: Double?
        public var silhouetteSampleSize: Int?
        public var wardSampleSize: Int?
        public var minShare: Double
        public var mergedClusters: Int
        public var note: String?
        /// The settings the domain left to their defaults.
        public var defaults: [String] = []
        /// The settings the command line overrode (`--algo`, `--k`).
        public var overridden: [String] = []
    }

    public struct Persona: Sendable, Codable {
        public var index: Int
        public var name: String
        public var size: Int
        public var share: Double
        public var centroid: [String: Double]
        public var zScores: [String: Double]
        public var distinguishing: [String]
        public var traits: JSONValue
        public var profile: [String: JSONValue]
    }

    public struct PluginVersion: Sendable, Codable {
        public var name: String
        public var version: String
        /// A hash of the plugin's files, to tell later whether its rules changed since.
        public var sourceHash: String?
    }

    /// A domain plugin the run considered (explain).
    public struct DomainCandidate: Sendable, Codable {
        public var plugin: String
        public var selectedBy: [String]
        public var isDefault: Bool
        /// The detected intent that spoke for it most, and its confidence.
        public var intent: String?
        public var confidence: Double?
    }

    /// One call of the naming hook (explain).
    public struct NamingCall: Sendable, Codable {
        public var cluster: Int
        public var attempt: Int
        /// The distinguishing feature the hook was pointed at (`distinguishing[attempt]`).
        public var top: String?
        public var name: String
        /// The name the host gave instead, when the hook's was taken.
        public var suffixed: String?
    }

    /// How each stage decided, with the rule behind it (`run goal --explain`).
    public struct Explanation: Sendable, Codable {
        public var consulted: [FilterPlan.Consultation]
        public var domainCandidates: [DomainCandidate]
        public var naming: [NamingCall]
    }

    public var runID: Int64?
    public var goal: String
    public var seed: UInt64
    public var intents: [Intent]
    /// The goal's words no intent term matched (function words left out).
    public var unrecognisedWords: [String] = []
    public var filter: Filter
    /// Recognised goal words no condition applies.
    public var notApplied: [FilterPlan.NotApplied] = []
    public var matchedRows: Int
    public var domain: Domain
    public var features: [Feature]
    public var clustering: Clustering
    public var personas: [Persona]
    public var timingsMs: [String: Double]
    public var plugins: [PluginVersion]
    public var skippedPlugins: [SkippedPlugin] = []
    /// What the run did differently from the plugin's plain rules (stand-in columns, …).
    public var notes: [String] = []
    public var explanation: Explanation?
    /// Row memberships (user_id → persona index), not printed.
    public var memberIDs: [[Int64]] = []

    // MARK: Warnings (issue 10, the CLI) — kept apart from other additions for easy merging.
    /// What to know before trusting the result (a run on very few users, …): printed as
    /// "Warning: …" lines in the text report, `warnings` in the JSON; empty in runs saved
    /// before it existed.
    public var warnings: [String] = []
    // MARK: The run's record (issue 10: runs show/export/diff). Absent from runs saved before.
    /// When the run was saved (ISO 8601, UTC); set when it is saved and when it is read back.
    public var createdAt: String?
    /// The `users` table the run read: row count, content hash, change counter.
    public var dataFingerprint: UsersFingerprint?
    /// How the run was asked for: every setting the command line gave or left to its default.
    public var settings: Settings?
    /// Set by `runs show` only (never saved): how the users table compares with `dataFingerprint` now.
    public var dataNow: DataNow?

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", goal, seed, intents, unrecognisedWords = "unrecognised_words", filter, notApplied = "not_applied"
        case matchedRows = "matched_rows", domain, features, clustering, personas, timingsMs = "timings_ms", plugins
        case skippedPlugins = "skipped_plugins", notes, explanation
        // Issue 10, the CLI:
        case warnings
        // The run's record (issue 10).
        case createdAt = "created_at", dataFingerprint = "data_fingerprint", settings, dataNow = "data_now"
    }
}

/// Runs saved before a field existed still load: every field added since the first release is
/// read with a default.
extension GoalRun {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        runID = try c.decodeIfPresent(Int64.self, forKey: .runID)
        goal = try c.decode(String.self, forKey: .goal)
        seed = try c.decode(UInt64.self, forKey: .seed)
        intents = try c.decode([Intent].self, forKey: .intents)
        unrecognisedWords = try c.decodeIfPresent([String].self, forKey: .unrecognisedWords) ?? []
        filter = try c.decode(Filter.self, forKey: .filter)
        notApplied = try c.decodeIfPresent([FilterPlan.NotApplied].self, forKey: .notApplied) ?? []
        matchedRows = try c.decode(Int.self, forKey: .matchedRows)
        domain = try c.decode(Domain.self, forKey: .domain)
        features = try c.decode([Feature].self, forKey: .features)
        clustering = try c.decode(Clustering.self, forKey: .clustering)
        personas = try c.decode([Persona].self, forKey: .personas)
        timingsMs = try c.decode([String: Double].self, forKey: .timingsMs)
        plugins = try c.decode([PluginVersion].self, forKey: .plugins)
        skippedPlugins = try c.decodeIfPresent([SkippedPlugin].self, forKey: .skippedPlugins) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        explanation = try c.decodeIfPresent(Explanation.self, forKey: .explanation)
        // Issue 10, the CLI:
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        // The run's record (issue 10).
        createdAt = try c.decodeIfPresent(String.self, forKey: .createdAt)
        dataFingerprint = try c.decodeIfPresent(UsersFingerprint.self, forKey: .dataFingerprint)
        settings = try c.decodeIfPresent(Settings.self, forKey: .settings)
        dataNow = try c.decodeIfPresent(DataNow.self, forKey: .dataNow)
    }
}

extension GoalRun.Condition {
    enum CodingKeys: String, CodingKey { case plugin, condition, terms }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        plugin = try c.decode(String.self, forKey: .plugin)
        condition = try c.decode(String.self, forKey: .condition)
        terms = try c.decodeIfPresent([String].self, forKey: .terms) ?? []
    }
}

extension GoalRun.Clustering {
    enum CodingKeys: String, CodingKey {
        case algorithm, kRange, scores, chosenK, silhouette, silhouetteSampleSize, wardSampleSize, minShare, mergedClusters, note
        case defaults, overridden
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        algorithm = try c.decode(String.self, forKey: .algorithm)
        kRange = try c.decode([Int].self, forKey: .kRange)
        scores = try c.decode([GoalRun.KScore].self, forKey: .scores)
        chosenK = try c.decode(Int.self, forKey: .chosenK)
        silhouette = try c.decodeIfPresent(Double.self, forKey: .silhouette)
        silhouetteSampleSize = try c.decodeIfPresent(Int.self, forKey: .silhouetteSampleSize)
        wardSampleSize = try c.decodeIfPresent(Int.self, forKey: .wardSampleSize)
        minShare = try c.decode(Double.self, forKey: .minShare)
        mergedClusters = try c.decode(Int.self, forKey: .mergedClusters)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        defaults = try c.decodeIfPresent([String].self, forKey: .defaults) ?? []
        overridden = try c.decodeIfPresent([String].self, forKey: .overridden) ?? []
    }
}

// MARK: The run's record (issue 10: runs show/export/diff)

extension GoalRun {
    /// The settings of a run as the command line gave them (nil: left to the default, or to the
    /// domain plugin for `algorithm` and `k`). Runs saved before they were recorded have none.
    public struct Settings: Sendable, Codable, Equatable {
        public var seed: UInt64
        /// `--algo`; nil: the domain plugin's.
        public var algorithm: String?
        /// `--k` as [low, high]; nil: the domain plugin's range.
        public var k: [Int]?
        public var strict: Bool
        public var skipBroken: Bool
        public var explain: Bool
        /// The plugins folder (absolute) and how it was chosen (`--plugins`, `PERSONA_HOST_PLUGINS`, …).
        public var pluginsFolder: String?
        public var pluginsFolderFrom: String?
        /// `--members` (absolute, or `-` for stdout); nil: none.
        public var membersFile: String?

        public init(seed: UInt64, algorithm: String? = nil, k: [Int]? = nil, strict: Bool = false, skipBroken: Bool = false,
                    explain: Bool = false, pluginsFolder: String? = nil, pluginsFolderFrom: String? = nil, membersFile: String? = nil) {
            self.seed = seed
            self.algorithm = algorithm
            self.k = k
            self.strict = strict
            self.skipBroken = skipBroken
            self.explain = explain
            self.pluginsFolder = pluginsFolder
            self.pluginsFolderFrom = pluginsFolderFrom
            self.membersFile = membersFile
        }

        enum CodingKeys: String, CodingKey {
            case seed, algorithm, k, strict, skipBroken = "skip_broken", explain, pluginsFolder = "plugins_folder"
            case pluginsFolderFrom = "plugins_folder_from", membersFile = "members_file"
        }
    }

    /// How the users table compares now with the table a run read (`runs show`).
    public struct DataNow: Sendable, Codable {
        public var comparison: UsersFingerprint.Comparison
        public var now: UsersFingerprint

        public init(comparison: UsersFingerprint.Comparison, now: UsersFingerprint) {
            self.comparison = comparison
            self.now = now
        }
    }
}
