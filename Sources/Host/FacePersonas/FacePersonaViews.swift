import Builtins

/// One photo given to ``FacePersonaService/create(triggerWord:consent:photos:)``: the file, what
/// the photo measures found, and how the plugin rules scored it. Every photo given is kept,
/// accepted or not; only accepted ones go to a trainer.
public struct FacePhotoInput: Sendable {
    /// Where the photo is now; it is copied into the face store.
    public var sourcePath: String
    /// The name shown to the user (usually the source's last path component).
    public var fileName: String
    /// `jpeg` or `png` (``PhotoFile/Format``).
    public var format: String
    public var bytes: Int
    public var width: Int
    public var height: Int
    public var overall: Double
    public var scores: [String: Double]
    public var accepted: Bool
    public var reasons: [String]
    /// The photo measures (a face box in `faces[0]` is sent to trainers).
    public var measures: JSONValue

    public init(sourcePath: String, fileName: String, format: String, bytes: Int, width: Int, height: Int, overall: Double,
                scores: [String: Double], accepted: Bool, reasons: [String], measures: JSONValue) {
        self.sourcePath = sourcePath
        self.fileName = fileName
        self.format = format
        self.bytes = bytes
        self.width = width
        self.height = height
        self.overall = overall
        self.scores = scores
        self.accepted = accepted
        self.reasons = reasons
        self.measures = measures
    }
}

/// A line of `face-persona list`: a persona, where it stands and how many of its photos count.
public struct FacePersonaSummary: Sendable, Codable, Equatable {
    public var id: String
    public var triggerWord: String
    public var status: FacePersonaStatus
    /// The latest version's number; nil before the first training or export.
    public var latestVersion: Int?
    public var acceptedPhotos: Int
    public var totalPhotos: Int
    public var createdAt: String
}

/// Everything stored about one persona (`face-persona show`): its consent, every photo with its
/// scores and measures, every version and every trainer job.
public struct FacePersonaDetail: Sendable, Codable, Equatable {
    public var persona: FacePersonaRecord
    public var status: FacePersonaStatus
    public var consent: FaceConsentRecord?
    public var photos: [FacePhotoRecord]
    public var versions: [FaceVersionRecord]
    public var jobs: [FaceJobRecord]
    /// The persona's folder in the face store (photos and models).
    public var folder: String
}

/// What a deletion removed, and what it could not: the counts also written to the audit log,
/// and the models and exports that live outside the face store (the host lists them; removing
/// them is the user's job).
public struct FaceDeletionReport: Sendable, Codable, Equatable {
    public var personaID: String
    public var triggerWord: String
    public var photos: Int
    public var versions: Int
    public var jobs: Int
    /// Files removed from the face store, and their bytes.
    public var files: Int
    public var bytes: Int
    /// Model references outside the store (URIs, absolute paths elsewhere): not removed.
    public var externalModels: [String]
    /// Folders written by exports (copies of the accepted photos): not removed.
    public var exportFolders: [String]
    /// When the store folder could not be removed yet: it is recorded in `pending_removals` and
    /// removed the next time the face store is opened.
    public var pendingRemoval: String?
    /// The `face_persona.deleted` audit entry.
    public var auditID: Int64
}
