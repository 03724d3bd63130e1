import Builtins
import Foundation

extension FacePersonaService {
    /// Deletes the persona named `triggerWord` completely: every row (consent, photos, versions,
    /// jobs) and its store folder (photos and models), with a `face_persona.deleted` audit entry
    /// that holds counts only. The trigger word is free again afterwards.
    ///
    /// The folder is first renamed to `.deleting-<id>` (renamed back if the database write
    /// fails); the rows, the audit entry and a `pending_removals` row for that folder are one
    /// transaction; then the folder is removed (with retries) and its pending row dropped. A
    /// folder that will not go stays pending: the report says so, and every
    /// ``init(database:storeRoot:)`` tries again.
    ///
    /// - Throws: ``FacePersonaError/jobRunning(job:pid:)`` while a trainer runs for it (an
    ///   interrupted job does not count); ``FacePersonaError/noPersona(_:)``.
    public func delete(triggerWord: String) throws -> FaceDeletionReport {
        let persona = try resolve(triggerWord)
        let (versions, jobs) = try store.read("reading a face persona") { tx in (try tx.versions(of: persona.id), try tx.jobs(of: persona.id)) }
        if let job = jobs.first(where: { $0.status == .running }) { throw FacePersonaError.jobRunning(job: job.id, pid: job.hostPID) }
        let folder = folders.persona(persona.id), deleting = folders.deleting(persona.id)
        let usage = FaceFolders.usage(of: folder)
        let moved = FaceFolders.exists(folder)
        if moved { try FaceFolders.rename(folder, to: deleting) }
        let auditID: Int64
        let counts: [String: Int]
        do {
            (auditID, counts) = try store.write("deleting a face persona") { tx in
                if let job = try tx.jobs(of: persona.id, status: .running).first {
                    throw FacePersonaError.jobRunning(job: job.id, pid: job.hostPID)
                }
                let counts = try tx.rowCounts(personaID: persona.id)
                let time = Self.now()
                try tx.deletePersona(id: persona.id)
                if moved { try tx.addPendingRemoval(PendingRemovalRecord(path: deleting, reason: "face persona deleted", since: time)) }
                let details: [String: JSONValue] = [
                    "persona_id": .string(persona.id), "photos": .number(Double(counts["face_photos"] ?? 0)),
                    "versions": .number(Double(counts["face_versions"] ?? 0)), "jobs": .number(Double(counts["face_jobs"] ?? 0)),
                    "files": .number(Double(usage.files)), "bytes": .number(Double(usage.bytes)),
                ]
                return (try tx.addAudit(action: "face_persona.deleted", subject: persona.id, details: .object(details), at: time), counts)
            }
        } catch {
            if moved { try? FaceFolders.rename(deleting, to: folder) }  // best effort: the error being thrown is what matters
            throw error
        }
        var pending: String?
        if moved {
            if let problem = removeFolder(deleting) {
                pending = "\(deleting) (\(problem)); it is removed the next time the face store is opened"
            } else {
                try store.write("finishing a removal") { try $0.removePendingRemoval(path: deleting) }
            }
        }
        return FaceDeletionReport(personaID: persona.id, triggerWord: persona.triggerWord, photos: counts["face_photos"] ?? 0,
                                  versions: counts["face_versions"] ?? 0, jobs: counts["face_jobs"] ?? 0, files: usage.files,
                                  bytes: usage.bytes, externalModels: versions.compactMap { externalModel($0, persona: persona.id) },
                                  exportFolders: jobs.filter { $0.trainer == "export" }.compactMap(\.externalID),
                                  pendingRemoval: pending, auditID: auditID)
    }

    /// Retries the removals earlier deletions left pending; returns those still pending.
    @discardableResult
    public func finishPendingRemovals() throws -> [PendingRemovalRecord] {
        var left: [PendingRemovalRecord] = []
        for removal in try pendingRemovals() {
            if removeFolder(removal.path) == nil {
                try store.write("finishing a removal") { try $0.removePendingRemoval(path: removal.path) }
            } else {
                left.append(removal)
            }
        }
        return left
    }

    /// The model `version` names when it lies outside the persona's store folder.
    private func externalModel(_ version: FaceVersionRecord, persona id: String) -> String? {
        guard let model = version.modelRef else { return nil }
        if model.contains("://") { return model }
        // A relative path is relative to the version's model folder (and may still climb out of it).
        let path = model.hasPrefix("/") ? model : folders.models(id, version: version.version) + "/" + model
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardized.hasPrefix(folders.persona(id) + "/") ? nil : model
    }
}
