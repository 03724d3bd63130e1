import Foundation
import GRDB

/// Typed reads and writes inside one ``FaceStore/write(_:_:)`` or ``FaceStore/read(_:_:)``.
///
/// Trigger words are looked up regardless of case (the column is `COLLATE NOCASE`). Stored
/// values that do not read back (a status, a JSON column) throw ``FaceDataError`` naming the row.
public struct FaceTransaction {
    let db: Database
    /// The database file, for errors.
    let database: String

    init(db: Database, database: String) {
        self.db = db
        self.database = database
    }

    // MARK: personas

    public func persona(triggerWord: String) throws -> FacePersonaRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM face_personas WHERE trigger_word = ?", arguments: [triggerWord]).map(persona)
    }

    public func persona(id: String) throws -> FacePersonaRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM face_personas WHERE id = ?", arguments: [id]).map(persona)
    }

    /// Every persona, by trigger word (case-insensitive order).
    public func personas() throws -> [FacePersonaRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM face_personas ORDER BY trigger_word").map(persona)
    }

    public func insertPersona(_ record: FacePersonaRecord) throws {
        try db.execute(sql: "INSERT INTO face_personas (id, trigger_word, created_at, updated_at) VALUES (?, ?, ?, ?)",
                       arguments: [record.id, record.triggerWord, record.createdAt, record.updatedAt])
    }

    public func touchPersona(id: String, at time: String) throws {
        try db.execute(sql: "UPDATE face_personas SET updated_at = ? WHERE id = ?", arguments: [time, id])
    }

    /// Deletes the persona and (by cascade) its consent, photos, versions and jobs; returns
    /// whether it existed.
    @discardableResult
    public func deletePersona(id: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM face_personas WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }

    /// How many rows each persona table (``FaceStore/personaTables``) holds for `personaID`.
    public func rowCounts(personaID: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (table, column) in FaceStore.personaTables {
            counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(column) = ?", arguments: [personaID]) ?? 0
        }
        return counts
    }

    private func persona(_ row: Row) -> FacePersonaRecord {
        FacePersonaRecord(id: row["id"], triggerWord: row["trigger_word"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    // MARK: consent

    public func insertConsent(_ record: FaceConsentRecord) throws {
        try db.execute(sql: "INSERT INTO face_consents (persona_id, record, signed_at, stored_at) VALUES (?, ?, ?, ?)",
                       arguments: [record.personaID, try JSONDocument.encode(record.record), record.signedAt, record.storedAt])
    }

    public func consent(of personaID: String) throws -> FaceConsentRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM face_consents WHERE persona_id = ?", arguments: [personaID]) else { return nil }
        return FaceConsentRecord(personaID: personaID, record: try json(row["record"], JSONValue.self, "face_consents, persona \(personaID)", "record"),
                                 signedAt: row["signed_at"], storedAt: row["stored_at"])
    }

    // MARK: photos

    public func insertPhoto(_ photo: FacePhotoRecord) throws {
        try db.execute(sql: """
            INSERT INTO face_photos (id, persona_id, position, file_name, stored_path, format, bytes, width, height, sha256,
                                     overall, scores, accepted, reasons, measures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [photo.id, photo.personaID, photo.position, photo.fileName, photo.storedPath, photo.format, photo.bytes,
                             photo.width, photo.height, photo.sha256, photo.overall, try JSONDocument.encode(photo.scores),
                             photo.accepted, try JSONDocument.encode(photo.reasons), try JSONDocument.encode(photo.measures)])
    }

    /// Replaces a stored photo's verdict (the rules judged it again); false when there is no such photo.
    @discardableResult
    public func updateVerdict(photoID: String, overall: Double, scores: [String: Double], accepted: Bool, reasons: [String]) throws -> Bool {
        try db.execute(sql: "UPDATE face_photos SET overall = ?, scores = ?, accepted = ?, reasons = ? WHERE id = ?",
                       arguments: [overall, try JSONDocument.encode(scores), accepted, try JSONDocument.encode(reasons), photoID])
        return db.changesCount == 1
    }

    /// The persona's photos in position order.
    public func photos(of personaID: String) throws -> [FacePhotoRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM face_photos WHERE persona_id = ? ORDER BY position", arguments: [personaID]).map { row in
            let record = "face_photos, id \(row["id"] as String)"
            return FacePhotoRecord(id: row["id"], personaID: row["persona_id"], position: row["position"], fileName: row["file_name"],
                                   storedPath: row["stored_path"], format: row["format"], bytes: row["bytes"], width: row["width"],
                                   height: row["height"], sha256: row["sha256"], overall: row["overall"],
                                   scores: try json(row["scores"], [String: Double].self, record, "scores"), accepted: row["accepted"],
                                   reasons: try json(row["reasons"], [String].self, record, "reasons"),
                                   measures: try json(row["measures"], JSONValue.self, record, "measures"))
        }
    }

    /// Accepted and total photo counts of every persona, by persona id.
    public func photoCounts() throws -> [String: (accepted: Int, total: Int)] {
        var counts: [String: (accepted: Int, total: Int)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT persona_id, SUM(accepted) AS accepted, COUNT(*) AS total FROM face_photos GROUP BY persona_id") {
            counts[row["persona_id"]] = (row["accepted"], row["total"])
        }
        return counts
    }

    // MARK: versions

    public func insertVersion(_ version: FaceVersionRecord) throws {
        try db.execute(sql: """
            INSERT INTO face_versions (persona_id, version, status, config, model_ref, validation, error, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [version.personaID, version.version, version.status.rawValue, try JSONDocument.encode(version.config),
                             version.modelRef, try version.validation.map { try JSONDocument.encode($0) }, version.error,
                             version.createdAt, version.updatedAt])
    }

    /// Writes the version's status, model, validation and error (the rest never changes).
    public func updateVersion(_ version: FaceVersionRecord) throws {
        try db.execute(sql: """
            UPDATE face_versions SET status = ?, model_ref = ?, validation = ?, error = ?, updated_at = ?
            WHERE persona_id = ? AND version = ?
            """, arguments: [version.status.rawValue, version.modelRef, try version.validation.map { try JSONDocument.encode($0) },
                             version.error, version.updatedAt, version.personaID, version.version])
    }

    /// The persona's versions, oldest first.
    public func versions(of personaID: String) throws -> [FaceVersionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM face_versions WHERE persona_id = ? ORDER BY version", arguments: [personaID]).map(version)
    }

    public func version(of personaID: String, number: Int) throws -> FaceVersionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM face_versions WHERE persona_id = ? AND version = ?", arguments: [personaID, number]).map(version)
    }

    public func latestVersion(of personaID: String) throws -> FaceVersionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM face_versions WHERE persona_id = ? ORDER BY version DESC LIMIT 1", arguments: [personaID]).map(version)
    }

    private func version(_ row: Row) throws -> FaceVersionRecord {
        let personaID: String = row["persona_id"]
        let number: Int = row["version"]
        let record = "face_versions, persona \(personaID), version \(number)"
        let statusText: String = row["status"]
        guard let status = FaceVersionStatus(rawValue: statusText) else {
            throw FaceDataError(database: database, record: record, field: "status", problem: "'\(statusText)' is not a version status")
        }
        let validation: String? = row["validation"]
        return FaceVersionRecord(personaID: personaID, version: number, status: status,
                                 config: try json(row["config"], JSONValue.self, record, "config"), modelRef: row["model_ref"],
                                 validation: try validation.map { try json($0, JSONValue.self, record, "validation") },
                                 error: row["error"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    // MARK: jobs

    public func insertJob(_ job: FaceJobRecord) throws {
        try db.execute(sql: """
            INSERT INTO face_jobs (id, persona_id, version, trainer, status, progress, error, external_id, host_pid, started_at, completed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [job.id, job.personaID, job.version, job.trainer, job.status.rawValue, job.progress, job.error,
                             job.externalID, job.hostPID, job.startedAt, job.completedAt])
    }

    /// Writes the job's status, progress, error, external id and completion time.
    public func updateJob(_ job: FaceJobRecord) throws {
        try db.execute(sql: """
            UPDATE face_jobs SET status = ?, progress = ?, error = ?, external_id = ?, completed_at = ? WHERE id = ?
            """, arguments: [job.status.rawValue, job.progress, job.error, job.externalID, job.completedAt, job.id])
    }

    /// The persona's jobs, oldest first (only those with `status`, when given).
    public func jobs(of personaID: String, status: FaceJobStatus? = nil) throws -> [FaceJobRecord] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM face_jobs WHERE persona_id = ? AND (? IS NULL OR status = ?) ORDER BY started_at, rowid
            """, arguments: [personaID, status?.rawValue, status?.rawValue]).map { row in
            let id: String = row["id"]
            let statusText: String = row["status"]
            guard let status = FaceJobStatus(rawValue: statusText) else {
                throw FaceDataError(database: database, record: "face_jobs, id \(id)", field: "status", problem: "'\(statusText)' is not a job status")
            }
            return FaceJobRecord(id: id, personaID: row["persona_id"], version: row["version"], trainer: row["trainer"], status: status,
                                 progress: row["progress"], error: row["error"], externalID: row["external_id"], hostPID: row["host_pid"],
                                 startedAt: row["started_at"], completedAt: row["completed_at"])
        }
    }

    // MARK: audit

    /// Appends an audit entry and returns its id. `details` must hold counts and states only.
    @discardableResult
    public func addAudit(action: String, subject: String, details: JSONValue, at time: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO audit_log (at, action, subject, details) VALUES (?, ?, ?, ?)",
                       arguments: [time, action, subject, try JSONDocument.encode(details)])
        return db.lastInsertedRowID
    }

    /// The whole audit log, oldest first.
    public func audit() throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id").map { row in
            let id: Int64 = row["id"]
            return AuditEntry(id: id, at: row["at"], action: row["action"], subject: row["subject"],
                              details: try json(row["details"], JSONValue.self, "audit_log, id \(id)", "details"))
        }
    }

    // MARK: pending removals

    public func addPendingRemoval(_ removal: PendingRemovalRecord) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO pending_removals (path, reason, since) VALUES (?, ?, ?)",
                       arguments: [removal.path, removal.reason, removal.since])
    }

    public func removePendingRemoval(path: String) throws {
        try db.execute(sql: "DELETE FROM pending_removals WHERE path = ?", arguments: [path])
    }

    public func pendingRemovals() throws -> [PendingRemovalRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM pending_removals ORDER BY since, path").map {
            PendingRemovalRecord(path: $0["path"], reason: $0["reason"], since: $0["since"])
        }
    }

    // MARK: JSON columns

    private func json<T: Decodable>(_ text: String, _ type: T.Type, _ record: String, _ field: String) throws(FaceDataError) -> T {
        do {
            return try JSONDocument(trusted: text).decode(type)
        } catch {
            throw FaceDataError(database: database, record: record, field: field, problem: "not the expected JSON (\(error))")
        }
    }
}
