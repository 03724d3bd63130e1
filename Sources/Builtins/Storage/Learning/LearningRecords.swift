import Foundation

/// One version of a persona's learned traits (`persona_versions`). Versions are never edited
/// except for their status, so every past state can be shown and restored exactly.
public struct PersonaVersionRecord: Sendable, Hashable {
    /// `active` (the one in use), `superseded` (an earlier active one) or `rejected` (failed validation).
    public enum Status: String, Sendable, Hashable, Codable { case active, superseded, rejected }

    public var persona: String
    public var major: Int
    public var minor: Int
    public var status: Status
    /// Trait name → value.
    public var traits: [String: Double]
    /// The learner's per-trait state (smoothing, rate windows), as JSON.
    public var states: JSONDocument
    /// The version this one was derived from.
    public var parent: String?
    /// Why it exists: `initial`, `feedback 12`, `batch of 100 (feedback 1–100)`, `rollback to v1.2`;
    /// for a rejected version, also why it was rejected.
    public var reason: String
    public var createdAt: Date

    /// `v1.3`.
    public var name: String { "v\(major).\(minor)" }

    public init(persona: String, major: Int, minor: Int, status: Status, traits: [String: Double], states: JSONDocument = .emptyObject,
                parent: String?, reason: String, createdAt: Date) {
        self.persona = persona
        self.major = major
        self.minor = minor
        self.status = status
        self.traits = traits
        self.states = states
        self.parent = parent
        self.reason = reason
        self.createdAt = createdAt
    }

    /// Parses `v1.3` (or `1.3`) into its numbers.
    public static func parse(_ name: String) -> (major: Int, minor: Int)? {
        let body = name.hasPrefix("v") ? name.dropFirst() : Substring(name)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else { return nil }
        return (major, minor)
    }
}

/// One logged interaction: what a persona was asked and answered (`interactions`).
public struct InteractionRecord: Sendable, Hashable {
    public var id: Int64
    public var persona: String
    public var createdAt: Date
    public var input: String
    public var output: String
    public var context: JSONDocument
}

/// One feedback instance and what became of it (`feedback`).
public struct FeedbackRecord: Sendable, Hashable {
    /// `applied` (its signals moved traits), `pending` (waiting for a batch) or `rejected`
    /// (its batch failed validation).
    public enum Status: String, Sendable, Hashable, Codable { case applied, pending, rejected }

    public var id: Int64
    /// The feedback as it was given.
    public var feedback: NewFeedback
    public var status: Status
    /// The version it produced (or, when pending, nil).
    public var version: String?
    public var signals: [SignalRecord]
}

/// One signal a feedback produced: move `trait` by `adjustment`, with a confidence and a weight.
public struct SignalRecord: Sendable, Hashable, Codable {
    public var trait: String
    public var adjustment: Double
    public var confidence: Double
    public var weight: Double

    public init(trait: String, adjustment: Double, confidence: Double, weight: Double) {
        self.trait = trait
        self.adjustment = adjustment
        self.confidence = confidence
        self.weight = weight
    }
}

/// A feedback instance as given: what is stored (the store assigns its id) and read back.
public struct NewFeedback: Sendable, Hashable {
    public var persona: String
    public var interactionID: Int64?
    public var type: String
    public var target: String?
    public var value: JSONDocument
    public var createdAt: Date
    public var source: String
    public var fingerprint: String

    public init(persona: String, interactionID: Int64?, type: String, target: String?, value: JSONDocument,
                createdAt: Date, source: String, fingerprint: String) {
        self.persona = persona
        self.interactionID = interactionID
        self.type = type
        self.target = target
        self.value = value
        self.createdAt = createdAt
        self.source = source
        self.fingerprint = fingerprint
    }
}

/// Stored learning data that cannot be read back as what it must be: a date that does not
/// parse, a status no version can have, learner states or a context that do not decode.
///
/// The database was damaged or edited by hand. Reading never guesses (a date as 1970, a state
/// reset to nothing): it stops, naming the database, the row and the field.
public struct LearningDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file.
    public var database: String
    /// The table and row: `learner_states, persona 'echo'`, `feedback 12`.
    public var record: String
    /// The column.
    public var field: String
    /// What is wrong with its value.
    public var problem: String

    public init(database: String, record: String, field: String, problem: String) {
        self.database = database
        self.record = record
        self.field = field
        self.problem = problem
    }

    public var description: String {
        "\(database): \(record), \(field): \(problem); the stored learning data is damaged (edited by hand or by another program?)"
    }
}

/// What a computation read the learning tables at: the highest feedback and version ids ever
/// assigned. Every learning write (a feedback, a version, a rollback) raises one of them, so an
/// unchanged token means no learning data changed in between.
public struct LearningStateToken: Sendable, Hashable, CustomStringConvertible {
    /// The highest feedback id ever assigned (SQLite's AUTOINCREMENT sequence), 0 before any.
    public var lastFeedbackID: Int64
    /// The highest version id ever assigned, 0 before any.
    public var lastVersionID: Int64

    public init(lastFeedbackID: Int64, lastVersionID: Int64) {
        self.lastFeedbackID = lastFeedbackID
        self.lastVersionID = lastVersionID
    }

    public var description: String { "feedback \(lastFeedbackID), version \(lastVersionID)" }
}
