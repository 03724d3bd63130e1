import Foundation

/// A face persona as stored in `face_personas`: a trained-face identity named by its trigger
/// word (the word a prompt uses to call it). The id is a UUID and is the only thing the audit
/// log ever names, so the log holds no personal data.
public struct FacePersonaRecord: Sendable, Codable, Equatable {
    /// A UUID (lowercase).
    public var id: String
    /// The persona's name and trigger word; unique regardless of case.
    public var triggerWord: String
    /// ISO 8601 (``LearningDates``).
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, triggerWord: String, createdAt: String, updatedAt: String) {
        self.id = id
        self.triggerWord = triggerWord
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The consent a person gave for their face persona (`face_consents`), kept as given (normalised
/// JSON) with when it was signed and when the host stored it.
public struct FaceConsentRecord: Sendable, Codable, Equatable {
    public var personaID: String
    /// The consent document itself.
    public var record: JSONValue
    public var signedAt: String
    public var storedAt: String

    public init(personaID: String, record: JSONValue, signedAt: String, storedAt: String) {
        self.personaID = personaID
        self.record = record
        self.signedAt = signedAt
        self.storedAt = storedAt
    }
}

/// One photo of a face persona (`face_photos`): the copy the host keeps, where it came from
/// (its original file name only), and how the plugin rules scored it. Rejected photos are kept
/// too, so a later version can be trained on different rules without asking for them again.
public struct FacePhotoRecord: Sendable, Codable, Equatable {
    /// A UUID.
    public var id: String
    public var personaID: String
    /// 1-based order of the photos as given.
    public var position: Int
    /// The original file name (no folder).
    public var fileName: String
    /// The copy's path relative to the face store root (`<persona>/photos/01-ab12cd34.jpg`).
    public var storedPath: String
    /// `jpeg` or `png`.
    public var format: String
    public var bytes: Int
    public var width: Int
    public var height: Int
    /// The copy's SHA-256, lowercase hex.
    public var sha256: String
    /// The rules' overall score.
    public var overall: Double
    public var scores: [String: Double]
    /// Whether the rules accepted it for training.
    public var accepted: Bool
    /// Why the rules rejected it (or flagged it).
    public var reasons: [String]
    /// The photo measures the rules saw (size, sharpness, faces…).
    public var measures: JSONValue

    public init(id: String, personaID: String, position: Int, fileName: String, storedPath: String, format: String, bytes: Int,
                width: Int, height: Int, sha256: String, overall: Double, scores: [String: Double], accepted: Bool,
                reasons: [String], measures: JSONValue) {
        self.id = id
        self.personaID = personaID
        self.position = position
        self.fileName = fileName
        self.storedPath = storedPath
        self.format = format
        self.bytes = bytes
        self.width = width
        self.height = height
        self.sha256 = sha256
        self.overall = overall
        self.scores = scores
        self.accepted = accepted
        self.reasons = reasons
        self.measures = measures
    }
}

/// A line of `audit_log`: what happened to which persona, when. The subject is the persona's
/// UUID and the details are counts and states: never a name, trigger word or photo.
public struct AuditEntry: Sendable, Codable, Equatable {
    public var id: Int64
    public var at: String
    /// `face_persona.created`, `face_persona.deleted`…
    public var action: String
    /// The persona's UUID.
    public var subject: String
    public var details: JSONValue

    public init(id: Int64, at: String, action: String, subject: String, details: JSONValue) {
        self.id = id
        self.at = at
        self.action = action
        self.subject = subject
        self.details = details
    }
}

/// A store folder whose removal did not finish (`pending_removals`); the host retries it each
/// time it opens the face store, so a deletion is completed even after a failure.
public struct PendingRemovalRecord: Sendable, Codable, Equatable {
    /// Absolute path of the folder.
    public var path: String
    public var reason: String
    public var since: String

    public init(path: String, reason: String, since: String) {
        self.path = path
        self.reason = reason
        self.since = since
    }
}

/// Stored face data that does not read back as what it must be (a status, a JSON column): a
/// damaged or hand-edited database. Names the row and column; nothing is guessed.
public struct FaceDataError: UserFacingError, Sendable, Equatable {
    public var database: String
    /// `face_versions, persona 1b2c…, version 2`.
    public var record: String
    public var field: String
    public var problem: String

    public init(database: String, record: String, field: String, problem: String) {
        self.database = database
        self.record = record
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(database): \(record), \(field): \(problem)" }
    public var exitStatus: ExitStatus { .failure }
}
