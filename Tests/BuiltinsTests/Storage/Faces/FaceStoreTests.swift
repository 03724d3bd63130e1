import Foundation
import GRDB
import Testing
@testable import Builtins

/// The face tables: case-insensitive trigger words, cascading deletes, checked statuses, JSON columns.
@Suite struct FaceStoreTests {
    func persona(_ id: String, _ word: String) -> FacePersonaRecord {
        FacePersonaRecord(id: id, triggerWord: word, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z")
    }

    func photo(_ id: String, persona: String, position: Int) -> FacePhotoRecord {
        FacePhotoRecord(id: id, personaID: persona, position: position, fileName: "a.jpg", storedPath: "\(persona)/photos/0\(position)-abc.jpg",
                        format: "jpeg", bytes: 10, width: 100, height: 80, sha256: "abc", overall: 0.5, scores: ["s": 0.25],
                        accepted: position == 1, reasons: ["blur"], measures: .object(["faces": .array([])]))
    }

    func fill(_ store: FaceStore, _ id: String, _ word: String) throws {
        try store.write("test") { tx in
            try tx.insertPersona(persona(id, word))
            try tx.insertConsent(FaceConsentRecord(personaID: id, record: .object(["user_id": .string("u")]), signedAt: "s", storedAt: "t"))
            try tx.insertPhoto(photo(id + "-1", persona: id, position: 1))
            try tx.insertPhoto(photo(id + "-2", persona: id, position: 2))
            try tx.insertVersion(FaceVersionRecord(personaID: id, version: 1, status: .validating, config: .object(["steps": .number(1)]),
                                                   modelRef: "m.bin", createdAt: "t", updatedAt: "t"))
            try tx.insertJob(FaceJobRecord(id: id + "-job", personaID: id, version: 1, trainer: "sh t.sh", status: .succeeded, progress: 100,
                                           hostPID: 1, startedAt: "t", completedAt: "t"))
        }
    }

    @Test func recordsReadBackAsWritten() throws {
        try withTemporaryDatabase { temporary in
            let store = FaceStore(database: temporary.database)
            try fill(store, "p1", "maya")
            try store.read("test") { tx in
                #expect(try tx.persona(triggerWord: "MAYA") == persona("p1", "maya"))
                #expect(try tx.photos(of: "p1") == [photo("p1-1", persona: "p1", position: 1), photo("p1-2", persona: "p1", position: 2)])
                let counts = try tx.photoCounts()["p1"]
                #expect(counts?.accepted == 1 && counts?.total == 2)
                #expect(try tx.latestVersion(of: "p1")?.modelRef == "m.bin")
                #expect(try tx.jobs(of: "p1", status: .succeeded).map(\.id) == ["p1-job"])
                #expect(try tx.consent(of: "p1")?.record == .object(["user_id": .string("u")]))
            }
        }
    }

    @Test func triggerWordsAreUniqueRegardlessOfCase() throws {
        try withTemporaryDatabase { temporary in
            let store = FaceStore(database: temporary.database)
            try fill(store, "p1", "maya")
            #expect(throws: (any Error).self) { try store.write("test") { try $0.insertPersona(persona("p2", "MaYa")) } }
        }
    }

    @Test func deletingAPersonaCascadesToEveryTable() throws {
        try withTemporaryDatabase { temporary in
            let store = FaceStore(database: temporary.database)
            try fill(store, "p1", "maya")
            try fill(store, "p2", "noor")
            #expect(try store.read("test") { try $0.rowCounts(personaID: "p1") }.values.allSatisfy { $0 > 0 })
            #expect(try store.write("test") { try $0.deletePersona(id: "p1") })
            #expect(try store.read("test") { try $0.rowCounts(personaID: "p1") }.values.allSatisfy { $0 == 0 })
            #expect(try store.read("test") { try $0.rowCounts(personaID: "p2") }.values.allSatisfy { $0 > 0 })
            // Every face_* table is in personaTables (a new table must be added there, or deletion tests miss it).
            let tables = try temporary.database.tableNames().filter { $0.hasPrefix("face_") }
            #expect(Set(tables) == Set(FaceStore.personaTables.keys))
        }
    }

    @Test func statusesAreChecked() throws {
        try withTemporaryDatabase { temporary in
            let store = FaceStore(database: temporary.database)
            try fill(store, "p1", "maya")
            #expect(throws: (any Error).self) {
                try temporary.database.execute("UPDATE face_versions SET status = 'done'")
            }
            try temporary.database.execute("PRAGMA ignore_check_constraints = ON")
            try temporary.database.execute("UPDATE face_versions SET status = 'done'")
            #expect(throws: FaceDataError.self) { try store.read("test") { try $0.versions(of: "p1") } }
        }
    }

    @Test func theAuditLogAndPendingRemovals() throws {
        try withTemporaryDatabase { temporary in
            let store = FaceStore(database: temporary.database)
            let id = try store.write("test") { try $0.addAudit(action: "face_persona.created", subject: "p1", details: .object(["photos": .number(2)]), at: "t") }
            #expect(try store.read("test") { try $0.audit() } == [AuditEntry(id: id, at: "t", action: "face_persona.created", subject: "p1",
                                                                             details: .object(["photos": .number(2)]))])
            try store.write("test") { try $0.addPendingRemoval(PendingRemovalRecord(path: "/x", reason: "r", since: "t")) }
            #expect(try store.read("test") { try $0.pendingRemovals() }.map(\.path) == ["/x"])
            try store.write("test") { try $0.removePendingRemoval(path: "/x") }
            #expect(try store.read("test") { try $0.pendingRemovals() }.isEmpty)
        }
    }
}
