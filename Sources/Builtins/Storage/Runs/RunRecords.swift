import Foundation

/// A run of a pipeline, as saved in `runs`: what was asked, with which settings, and what came
/// out in summary. Personas and members are saved with it (``RunStore/save(_:personas:members:)``).
public struct RunRecord: Sendable, Hashable {
    /// Assigned by the database on save; nil before.
    public var id: Int64?
    /// When the run happened (stored with millisecond precision, UTC).
    public var createdAt: Date
    /// The pipeline's name (`goal`, …).
    public var pipeline: String
    /// The goal text as the user typed it.
    public var goal: String
    /// The seed the run used (clustering restarts, samples).
    public var seed: UInt64
    /// How many users the filters matched.
    public var matchedRows: Int
    /// The run's settings (filters, algorithm, k range, weights…), as the pipeline encodes them.
    public var parameters: JSONDocument
    /// The run's results in summary (chosen k, silhouette scores, timings…).
    public var summary: JSONDocument
    /// Plugin name → version of every plugin that took part.
    public var pluginVersions: [String: String]
    /// The `users` table the run read (nil for runs saved before fingerprints were recorded).
    public var data: UsersFingerprint?

    public init(id: Int64? = nil, createdAt: Date = Date(), pipeline: String, goal: String, seed: UInt64,
                matchedRows: Int, parameters: JSONDocument = .emptyObject, summary: JSONDocument = .emptyObject,
                pluginVersions: [String: String] = [:], data: UsersFingerprint? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.pipeline = pipeline
        self.goal = goal
        self.seed = seed
        self.matchedRows = matchedRows
        self.parameters = parameters
        self.summary = summary
        self.pluginVersions = pluginVersions
        self.data = data
    }
}

/// One persona of a run, without its member list (members are stored compactly beside it and
/// loaded on demand: ``RunStore/members(runID:persona:)``).
public struct PersonaRecord: Sendable, Hashable {
    /// The persona's number in the run (the goal pipeline numbers them 1, 2, … by size, largest
    /// first: `run:RUN/N` in the CLI).
    public var index: Int
    /// The display name ("Priya Sharma — Tech-Savvy Mom").
    public var name: String
    /// Members count.
    public var size: Int
    /// Members / matched rows.
    public var share: Double
    /// Raw feature means of the members, in feature order.
    public var centroid: [FeatureValue]
    /// (member mean − matched mean) / matched sd per feature, in feature order.
    public var zScores: [FeatureValue]
    /// Human-readable traits, strongest first ("high parental_concern_score").
    public var traits: [String]
    /// Anything else the pipeline wants to keep (mean age, top city tier, …).
    public var profile: JSONDocument

    public init(index: Int, name: String, size: Int, share: Double, centroid: [FeatureValue] = [],
                zScores: [FeatureValue] = [], traits: [String] = [], profile: JSONDocument = .emptyObject) {
        self.index = index
        self.name = name
        self.size = size
        self.share = share
        self.centroid = centroid
        self.zScores = zScores
        self.traits = traits
        self.profile = profile
    }
}

/// A line of `runs list`.
public struct RunSummary: Sendable, Hashable {
    public let id: Int64
    public let createdAt: Date
    public let pipeline: String
    public let goal: String
    public let matchedRows: Int
    public let personaCount: Int
}

/// A run loaded back: the record, its personas in index order, and each persona's stored
/// member count.
public struct StoredRun: Sendable, Hashable {
    public let run: RunRecord
    public let personas: [PersonaRecord]
    /// Member counts by position in `personas`.
    public let memberCounts: [Int]
}

/// Which persona each member of a run belongs to, ordered by user id: what
/// `--members FILE.csv` writes (`user_id,persona`).
public struct RunMemberships: Sendable, Hashable {
    /// Member user ids, ascending.
    public let userIDs: [Int64]
    /// The persona index of each user in `userIDs`.
    public let personaIndexes: [Int32]

    public var count: Int { userIDs.count }

    /// `userIDs` ascending, each with its persona index.
    public init(userIDs: [Int64], personaIndexes: [Int32]) {
        self.userIDs = userIDs
        self.personaIndexes = personaIndexes
    }
}
