import Foundation

/// Where one version of a face persona's model stands (`face_versions.status`).
public enum FaceVersionStatus: String, Sendable, Codable, CaseIterable {
    /// A trainer is running (or was, when its job was interrupted and not yet noticed).
    case training
    /// The trainer reported a model; the validation plugin has not judged it yet.
    case validating
    /// The model passed validation.
    case ready
    /// Training or validation failed (the version's `error` or `validation` says why).
    case failed
    /// The photos and request were exported for an outside trainer; no model exists here.
    case exported
}

/// One version of a face persona (`face_versions`): the config it was trained with, the model
/// the trainer reported, and the validation verdict. Versions are never changed by a retrain:
/// a retrain adds the next version.
public struct FaceVersionRecord: Sendable, Codable, Equatable {
    public var personaID: String
    /// 1, 2, …
    public var version: Int
    public var status: FaceVersionStatus
    /// The trainer config as given.
    public var config: JSONValue
    /// What the trainer reported as the model: a path relative to the version's model folder,
    /// an absolute path, or a URI. Nil until trained, and always nil for an export.
    public var modelRef: String?
    /// The validation scores and reasons (`{"passed":…, "scores":{…}, "reasons":[…]}`).
    public var validation: JSONValue?
    /// Why training failed.
    public var error: String?
    public var createdAt: String
    public var updatedAt: String

    public init(personaID: String, version: Int, status: FaceVersionStatus, config: JSONValue, modelRef: String? = nil,
                validation: JSONValue? = nil, error: String? = nil, createdAt: String, updatedAt: String) {
        self.personaID = personaID
        self.version = version
        self.status = status
        self.config = config
        self.modelRef = modelRef
        self.validation = validation
        self.error = error
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// How a trainer job stands (`face_jobs.status`).
public enum FaceJobStatus: String, Sendable, Codable, CaseIterable {
    case running, succeeded, failed
}

/// One run of a trainer for a version (`face_jobs`), with the host process that runs it: a job
/// left `running` by a host process that no longer exists was interrupted.
public struct FaceJobRecord: Sendable, Codable, Equatable {
    /// A UUID, sent to the trainer as `job`.
    public var id: String
    public var personaID: String
    public var version: Int
    /// The trainer command, or `export`.
    public var trainer: String
    public var status: FaceJobStatus
    /// 0–100, as the trainer last reported.
    public var progress: Int
    public var error: String?
    /// An id the trainer reported for its own bookkeeping; for an export, the folder written
    /// (it holds copies of the photos, so a deletion lists it).
    public var externalID: String?
    /// The persona-host process that runs the trainer.
    public var hostPID: Int
    public var startedAt: String
    public var completedAt: String?

    public init(id: String, personaID: String, version: Int, trainer: String, status: FaceJobStatus, progress: Int = 0,
                error: String? = nil, externalID: String? = nil, hostPID: Int, startedAt: String, completedAt: String? = nil) {
        self.id = id
        self.personaID = personaID
        self.version = version
        self.trainer = trainer
        self.status = status
        self.progress = progress
        self.error = error
        self.externalID = externalID
        self.hostPID = hostPID
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}
