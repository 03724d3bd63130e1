import Foundation
import GRDB
import Testing
@testable import Builtins

/// The users table's fingerprint: a change counter kept by triggers (so edits made with the
/// sqlite3 shell count) and a content hash cached against it.
@Suite struct UsersFingerprintTests {
    /// Forgets the cached hash, so the next `fingerprint()` hashes the table by a scan.
    func forgetCachedHash(_ database: PersonaDatabase) throws {
        try database.execute("UPDATE users_fingerprint SET hashed_version = NULL")
    }

    /// Whether the stored hash is of the table as it is (a bulk writer stored it; no scan is due).
    func hashIsCached(_ database: PersonaDatabase) throws -> Bool {
        try database.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT hashed_version = version FROM users_fingerprint") ?? false
        }
    }

    @Test func everyRawInsertUpdateAndDeleteMovesTheCounterAndTheHash() throws {
        try withTemporaryDatabase { temporary in
            let store = temporary.users
            let empty = try store.fingerprint()
            #expect(empty.rows == 0)

            try temporary.database.execute("INSERT INTO users (user_id, age, gender) VALUES (1, 30, 'female'), (2, 40, NULL)")
            let inserted = try store.fingerprint()
            #expect(inserted.rows == 2)
            #expect(inserted.version == empty.version.map { $0 + 2 })  // one per row
            #expect(inserted.hash != empty.hash)

            try temporary.database.execute("UPDATE users SET age = 31 WHERE user_id = 1")
            let updated = try store.fingerprint()
            #expect(updated.version == inserted.version.map { $0 + 1 })
            #expect(updated.rows == 2 && updated.hash != inserted.hash)
            #expect(updated.comparison(since: inserted) == .changed)

            // Back to the same values: written since, same content.
            try temporary.database.execute("UPDATE users SET age = 30 WHERE user_id = 1")
            let restored = try store.fingerprint()
            #expect(restored.hash == inserted.hash && restored.version != inserted.version)
            #expect(restored.comparison(since: inserted) == .rewrittenSame)
            #expect(restored.comparison(since: restored) == .unchanged)

            // A NULL and a value are not the same content, nor is a value moved to another row.
            try temporary.database.execute("UPDATE users SET gender = 'female' WHERE user_id = 2")
            #expect(try store.fingerprint().hash != restored.hash)
            try temporary.database.execute("UPDATE users SET gender = NULL WHERE user_id = 1")
            #expect(try store.fingerprint().hash != restored.hash)

            try temporary.database.execute("DELETE FROM users WHERE user_id = 2")
            let deleted = try store.fingerprint()
            #expect(deleted.rows == 1 && deleted.hash != restored.hash)
            #expect(try store.changeCounter() == deleted.version)
        }
    }

    @Test func aColumnAddedWithoutTouchingARowChangesTheHash() throws {
        try withTemporaryDatabase { temporary in
            try temporary.database.execute("INSERT INTO users (user_id, age) VALUES (1, 30)")
            let before = try temporary.users.fingerprint()
            try temporary.database.execute("ALTER TABLE users ADD COLUMN note TEXT")
            let after = try temporary.users.fingerprint()
            #expect(after.version == before.version)  // no trigger fires on ALTER TABLE…
            #expect(after.hash != before.hash)  // …but the cached hash is of another definition
            #expect(after.comparison(since: before) == .changed)
        }
    }

    @Test func theHashIsCachedAgainstTheCounter() throws {
        try withTemporaryDatabase { temporary in
            try temporary.database.execute("INSERT INTO users (user_id, age) VALUES (1, 30)")
            let first = try temporary.users.fingerprint()
            let cached = try temporary.database.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT version, hashed_version, row_count, content_hash FROM users_fingerprint")
            }
            #expect(cached?["hashed_version"] as Int64? == first.version)
            #expect((cached?["content_hash"] as Int64?).map { UsersFingerprint.hex(UInt64(bitPattern: $0)) } == first.hash)
            #expect(try temporary.users.fingerprint() == first)
        }
    }

    @Test func withoutItsTriggersTheCounterIsNotTrustedButTheHashStillTells() throws {
        try withTemporaryDatabase { temporary in
            try temporary.database.execute("INSERT INTO users (user_id, age) VALUES (1, 30)")
            let before = try temporary.users.fingerprint()
            try temporary.database.execute("DROP TRIGGER users_fingerprint_update")
            try temporary.database.execute("UPDATE users SET age = 31")
            let after = try temporary.users.fingerprint()
            #expect(after.version == nil)
            #expect(try temporary.users.changeCounter() == nil)
            #expect(after.hash != before.hash)
            #expect(after.comparison(since: before) == .changed)
        }
    }

    /// Bulk writers hash from the values they hold; a scan of the table must give the same hash.
    @Test func generateHashesFromItsValuesExactlyAsAScanWould() throws {
        try withTemporaryDatabase { temporary in
            let store = temporary.users
            let start = try store.fingerprint()
            try store.generate(rows: 3_000, seed: 5)
            #expect(try hashIsCached(temporary.database))
            let generated = try store.fingerprint()
            #expect(generated.rows == 3_000)
            #expect(generated.version == start.version.map { $0 + 1 })  // one step for the whole bulk write
            try forgetCachedHash(temporary.database)
            #expect(try store.fingerprint() == generated)

            // The same seed again: the same content; another seed: another.
            try store.generate(rows: 3_000, seed: 5, replace: true)
            let again = try store.fingerprint()
            #expect(again.version == generated.version.map { $0 + 1 })
            #expect(again.comparison(since: generated) == .rewrittenSame)
            try store.generate(rows: 3_000, seed: 6, replace: true)
            #expect(try store.fingerprint().comparison(since: generated) == .changed)
        }
    }

    @Test func importHashesFromItsValuesExactlyAsAScanWould() throws {
        try withTemporaryDatabase { temporary in
            let store = temporary.users
            // NULLs, quoted text, reals and integers, and columns the seed schema lacks.
            try store.importCSV(at: StorageFixtures.csv("quoted_crlf_bom.csv"))
            #expect(try hashIsCached(temporary.database))
            let imported = try store.fingerprint()
            try forgetCachedHash(temporary.database)
            #expect(try store.fingerprint() == imported)

            // An append (no snapshot: the table had rows) is hashed by a scan in the same transaction.
            let extra = try temporary.write("user_id,age\n100,50\n", to: "more.csv")
            try store.importCSV(at: extra)
            #expect(try hashIsCached(temporary.database))
            let appended = try store.fingerprint()
            #expect(appended.rows == imported.rows + 1 && appended.hash != imported.hash)
            #expect(appended.version == imported.version.map { $0 + 1 })
            try forgetCachedHash(temporary.database)
            #expect(try store.fingerprint() == appended)
        }
    }

    @Test func aFailedBulkWriteLeavesCounterAndHashAsTheyWere() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 500, seed: 1)
            let before = try temporary.users.fingerprint()
            #expect(throws: ImportError.self) { try temporary.users.importCSV(at: StorageFixtures.csv("bad_age.csv"), mode: .replace) }
            #expect(try temporary.users.fingerprint() == before)
            // The triggers are back: a raw edit still counts.
            try temporary.database.execute("DELETE FROM users WHERE user_id = 1")
            #expect(try temporary.users.fingerprint().version == before.version.map { $0 + 1 })
        }
    }

    @Test func digestsTellNullFromZeroAndIgnoreTheSignOfZero() {
        var null = ColumnDigest(), zero = ColumnDigest(), negativeZero = ColumnDigest(), positiveZero = ColumnDigest()
        null.appendNull()
        zero.append(ColumnDigest.integer(0))
        negativeZero.append(ColumnDigest.real(-0.0))
        positiveZero.append(ColumnDigest.real(0.0))
        #expect(null.finish() != zero.finish())
        #expect(negativeZero.finish() == positiveZero.finish())
        // Past one chunk, order matters.
        var ascending = ColumnDigest(), descending = ColumnDigest()
        for i in 0..<(ColumnDigest.chunkRows + 10) {
            ascending.append(ColumnDigest.integer(Int64(i)))
            descending.append(ColumnDigest.integer(Int64(ColumnDigest.chunkRows + 9 - i)))
        }
        #expect(ascending.finish() != descending.finish())
    }
}
