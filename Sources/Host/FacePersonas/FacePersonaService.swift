import Builtins
import Foundation

/// Face personas: a trained face model made from a person's photos, with their consent. The
/// command line's `face-persona` commands call this; it owns the face store (the database's
/// `face_*` tables and the folder of photos and models), the lifecycle
/// (``FaceLifecycle``), the trainers (``TrainerChoice``) and complete deletion.
///
/// Every database write is one transaction; every folder is written under a temporary name and
/// renamed into place. Before acting on a persona, a training job left `running` by a host
/// process that no longer exists is marked failed (interrupted), so a crash never leaves a
/// persona stuck in `training`. The audit log names personas by their UUID only.
public final class FacePersonaService: Sendable {
    public let store: FaceStore
    /// The face store folder (absolute).
    public let storeRoot: String
    let folders: FaceFolders
    /// Removes a folder (with retries); nil when it is gone, else why not. Tests replace it to
    /// simulate a folder that will not go.
    let removeFolder: @Sendable (String) -> String?

    /// Opens the face store of `database` at `storeRoot` (created when first needed) and finishes
    /// the removals earlier deletions left pending.
    public convenience init(database: PersonaDatabase, storeRoot: String) throws {
        try self.init(database: database, storeRoot: storeRoot, removeFolder: { FaceFolders.remove($0) })
    }

    init(database: PersonaDatabase, storeRoot: String, removeFolder: @escaping @Sendable (String) -> String?) throws {
        self.removeFolder = removeFolder
        store = FaceStore(database: database)
        let absolute = URL(fileURLWithPath: storeRoot).standardizedFileURL.path
        self.storeRoot = absolute
        folders = FaceFolders(root: absolute)
        try finishPendingRemovals()
        try recoverLeftovers()
    }

    /// The face store next to a database file: `<database path>.faces`.
    public static func defaultStoreRoot(database path: String) -> String {
        path + ".faces"
    }

    static func now() -> String { LearningDates.text(Date()) }

    // MARK: reading

    public func list() throws -> [FacePersonaSummary] {
        for persona in try store.read("listing face personas", { try $0.personas() }) { try recoverInterrupted(persona) }
        return try store.read("listing face personas") { tx in
            let counts = try tx.photoCounts()
            return try tx.personas().map { persona in
                let latest = try tx.latestVersion(of: persona.id)
                let count = counts[persona.id] ?? (0, 0)
                return FacePersonaSummary(id: persona.id, triggerWord: persona.triggerWord, status: FacePersonaStatus(latest: latest?.status),
                                          latestVersion: latest?.version, acceptedPhotos: count.accepted, totalPhotos: count.total,
                                          createdAt: persona.createdAt)
            }
        }
    }

    public func show(triggerWord: String) throws -> FacePersonaDetail {
        let persona = try resolve(triggerWord)
        return try detail(persona)
    }

    /// The persona's versions, oldest first.
    public func versions(triggerWord: String) throws -> [FaceVersionRecord] {
        let persona = try resolve(triggerWord)
        return try store.read("reading face persona versions") { try $0.versions(of: persona.id) }
    }

    /// The whole audit log, oldest first.
    public func audit() throws -> [AuditEntry] {
        try store.read("reading the audit log") { try $0.audit() }
    }

    /// Store folders whose removal is still pending.
    public func pendingRemovals() throws -> [PendingRemovalRecord] {
        try store.read("reading pending removals") { try $0.pendingRemovals() }
    }

    func detail(_ persona: FacePersonaRecord) throws -> FacePersonaDetail {
        try store.read("reading a face persona") { tx in
            let versions = try tx.versions(of: persona.id)
            return FacePersonaDetail(persona: persona, status: FacePersonaStatus(latest: versions.last?.status),
                                     consent: try tx.consent(of: persona.id), photos: try tx.photos(of: persona.id), versions: versions,
                                     jobs: try tx.jobs(of: persona.id), folder: folders.persona(persona.id))
        }
    }

    // MARK: creating

    /// Creates a persona named `triggerWord` from `photos` (all kept; the accepted ones train),
    /// with `consent`. Its status is `pending` until a training or export.
    ///
    /// - Throws: ``FacePersonaError`` (exit 2) for a bad or taken trigger word, bad consent, no
    ///   photos or a photo that cannot be read; nothing is left behind.
    public func create(triggerWord: String, consent: ConsentRecord, photos: [FacePhotoInput]) throws -> FacePersonaDetail {
        try TriggerWord.validate(triggerWord)
        try consent.validate(file: "consent")
        guard !photos.isEmpty else { throw FacePersonaError.noPhotos }
        if let existing = try store.read("checking the trigger word", { try $0.persona(triggerWord: triggerWord) }) {
            throw FacePersonaError.triggerWordTaken(triggerWord, by: existing.triggerWord)
        }
        let id = UUID().uuidString.lowercased()
        let staging = folders.staging(id)
        let stored: [FacePhotoRecord]
        do {
            try FaceFolders.createDirectory(staging + "/photos")
            stored = try photos.enumerated().map { try copy($0.element, position: $0.offset + 1, persona: id, into: staging) }
            try FaceFolders.rename(staging, to: folders.persona(id))
        } catch {
            _ = FaceFolders.remove(staging, attempts: 1)
            throw error
        }
        let time = Self.now()
        let record = FacePersonaRecord(id: id, triggerWord: triggerWord, createdAt: time, updatedAt: time)
        do {
            let consentJSON = try consent.json
            try store.write("creating a face persona") { tx in
                if let existing = try tx.persona(triggerWord: triggerWord) {
                    throw FacePersonaError.triggerWordTaken(triggerWord, by: existing.triggerWord)
                }
                try tx.insertPersona(record)
                try tx.insertConsent(FaceConsentRecord(personaID: id, record: consentJSON, signedAt: consent.signedAt, storedAt: time))
                for photo in stored { try tx.insertPhoto(photo) }
                try tx.addAudit(action: "face_persona.created", subject: id,
                                details: .object(["persona_id": .string(id), "photos": .number(Double(stored.count)),
                                                  "accepted": .number(Double(stored.filter(\.accepted).count))]), at: time)
            }
        } catch {
            _ = FaceFolders.remove(folders.persona(id))
            throw error
        }
        return try detail(record)
    }

    /// Copies one photo into the staging folder as `photos/NN-<sha8>.<ext>`.
    private func copy(_ photo: FacePhotoInput, position: Int, persona id: String, into staging: String) throws -> FacePhotoRecord {
        let ext: String
        switch photo.format.lowercased() {
        case "jpeg", "jpg": ext = "jpg"
        case "png": ext = "png"
        default: throw FacePersonaError.badPhoto(path: photo.sourcePath, problem: "format \"\(photo.format)\" is not jpeg or png")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: photo.sourcePath)) } catch {
            throw FacePersonaError.badPhoto(path: photo.sourcePath, problem: "cannot be read (\(error.localizedDescription))")
        }
        var hash = SHA256()
        hash.update(data)
        let sha = SHA256.hex(hash.finalize())
        let name = String(format: "%02d-", position) + sha.prefix(8) + "." + ext
        try FaceFolders.write(data, to: staging + "/photos/" + name)
        return FacePhotoRecord(id: UUID().uuidString.lowercased(), personaID: id, position: position, fileName: photo.fileName,
                               storedPath: id + "/photos/" + name, format: photo.format, bytes: data.count, width: photo.width,
                               height: photo.height, sha256: sha, overall: photo.overall, scores: photo.scores,
                               accepted: photo.accepted, reasons: photo.reasons, measures: photo.measures)
    }

    // MARK: helpers

    /// The persona named `triggerWord` (any case), after its interrupted jobs are marked failed.
    func resolve(_ triggerWord: String) throws -> FacePersonaRecord {
        guard let persona = try store.read("finding a face persona", { try $0.persona(triggerWord: triggerWord) }) else {
            throw FacePersonaError.noPersona(triggerWord)
        }
        try recoverInterrupted(persona)
        return persona
    }

    /// Marks failed every job of `persona` left `running` by a host process that has ended, and
    /// its version (when still training), with an audit entry each.
    func recoverInterrupted(_ persona: FacePersonaRecord) throws {
        let running = try store.read("reading training jobs") { try $0.jobs(of: persona.id, status: .running) }
        for job in running where !FaceFolders.isAlive(job.hostPID) {
            try store.write("marking an interrupted training failed") { tx in
                guard var current = try tx.jobs(of: persona.id, status: .running).first(where: { $0.id == job.id }) else { return }
                let time = Self.now()
                let message = "interrupted: the host process \(job.hostPID) ended"
                current.status = .failed
                current.error = message
                current.completedAt = time
                try tx.updateJob(current)
                if var version = try tx.version(of: persona.id, number: job.version), version.status == .training {
                    version.status = try FaceLifecycle.check(persona.triggerWord, from: .training, .trainerFailed)
                    version.error = message
                    version.updatedAt = time
                    try tx.updateVersion(version)
                }
                try tx.addAudit(action: "face_persona.training_interrupted", subject: persona.id,
                                details: .object(["persona_id": .string(persona.id), "version": .number(Double(job.version)),
                                                  "job": .string(job.id), "status": .string("failed")]), at: time)
            }
        }
    }
}
