import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct PersonaDatabaseTests {
    @Test func migrationsCreateTheSchema() throws {
        try withTemporaryDatabase { temporary in
            let database = temporary.database
            #expect(try database.appliedMigrations() == ["v1.users", "v1.runs", "v1.column-cache", "v2.learning", "v3.checksums",
                                                         "v4.users-fingerprint", "v4.runs-data", "v5.face-personas"])
            #expect(try database.tableNames() == ["audit_log", "face_consents", "face_jobs", "face_personas", "face_photos", "face_versions",
                                                  "feedback", "interactions", "learner_states", "pending_removals", "persona_members",
                                                  "persona_versions", "personas", "runs", "signals", "users", "users_column_cache",
                                                  "users_fingerprint"])

            let schema = try temporary.users.schema()
            #expect(schema.names == SeedColumn.all.map(\.name))
            for seed in SeedColumn.all {
                #expect(schema.column(named: seed.name)?.type == seed.type, "\(seed.name)")
                #expect(schema.column(named: seed.name)?.isSeed == true)
            }
            let (journal, foreignKeys) = try database.pool.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
            }
            #expect(journal == "wal")
            #expect(foreignKeys == true)
        }
    }

    @Test func reopeningKeepsDataAndDoesNotMigrateTwice() throws {
        try withTemporaryDatabase { temporary in
            try temporary.database.execute("INSERT INTO users (user_id, age) VALUES (1, 30)")
            let reopened = try PersonaDatabase(path: temporary.database.path)
            #expect(try reopened.appliedMigrations() == ["v1.users", "v1.runs", "v1.column-cache", "v2.learning", "v3.checksums",
                                                         "v4.users-fingerprint", "v4.runs-data", "v5.face-personas"])
            #expect(try UserStore(database: reopened).count() == 1)
        }
    }

    /// A file written before checksums existed (v2): opening adds the columns, empties the
    /// column cache (it is rebuilt, with checksums, on first use), and keeps runs readable.
    @Test func aVersion2FileIsMigratedAndItsCacheRebuilt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try PersonaDatabase.migrator.migrate(pool, upTo: "v2.learning")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO users (user_id, age) VALUES (1, 30), (2, 40);
                    INSERT INTO users_column_cache (name, position, type, encoding, row_count, null_count, data)
                        VALUES ('age', 1, 'INTEGER', 'i8', 2, 0, x'0102');
                    INSERT INTO runs (created_at, pipeline, goal, seed, matched_rows) VALUES ('2025-01-01 00:00:00.000', 'goal', 'old', 1, 2);
                    INSERT INTO personas (run_id, idx, name, size, share) VALUES (1, 0, 'A', 2, 1);
                    INSERT INTO persona_members (run_id, persona_idx, member_count, user_ids)
                        VALUES (1, 0, 2, x'01000000000000000200000000000000');
                    """)
            }
        }
        let database = try PersonaDatabase(path: path, mode: .mustExist)
        #expect(try database.appliedMigrations().last == "v5.face-personas")
        let stats = try UserStore(database: database).stats()
        let age = stats.column("age")?.numeric
        #expect(stats.rowCount == 2 && age?.min == 30 && age?.max == 40 && age?.mean == 35)
        let checksums = try database.pool.read { try Int64?.fetchAll($0, sql: "SELECT checksum FROM users_column_cache") }
        #expect(!checksums.isEmpty && checksums.allSatisfy { $0 != nil })
        // The member list saved without a checksum is still read (checked by its length).
        #expect(try RunStore(database: database).members(runID: 1, persona: 0) == [1, 2])
    }

    /// A file written before fingerprints existed (v3): opening adds the counter, its triggers
    /// and the runs' fingerprint columns; the old run says it has none; the table's hash is
    /// computed on first use, and from then on every change is counted.
    @Test func aVersion3FileGetsAUsersFingerprint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try PersonaDatabase.migrator.migrate(pool, upTo: "v3.checksums")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO users (user_id, age) VALUES (1, 30), (2, 40);
                    INSERT INTO runs (created_at, pipeline, goal, seed, matched_rows) VALUES ('2025-01-01 00:00:00.000', 'goal', 'old', 1, 2);
                    """)
            }
        }
        let database = try PersonaDatabase(path: path, mode: .mustExist)
        #expect(try database.appliedMigrations().suffix(3) == ["v4.users-fingerprint", "v4.runs-data", "v5.face-personas"])
        #expect(try RunStore(database: database).load(id: 1).run.data == nil)
        let users = UserStore(database: database)
        let first = try users.fingerprint()
        #expect(first.rows == 2 && first.version != nil)
        try database.execute("INSERT INTO users (user_id, age) VALUES (3, 50)")
        let second = try users.fingerprint()
        #expect(second.rows == 3 && second.version == first.version.map { $0 + 1 } && second.hash != first.hash)
        // A run saved now keeps the fingerprint it is given.
        let id = try RunStore(database: database).save(RunRecord(pipeline: "goal", goal: "new", seed: 1, matchedRows: 3, data: second),
                                                      personas: [], members: [])
        #expect(try RunStore(database: database).load(id: id).run.data == second)
    }

    @Test func theUsersTableEnforcesTypesAndSeedRanges() throws {
        try withTemporaryDatabase { temporary in
            let database = temporary.database
            #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO users (user_id, age) VALUES (1, 'abc')") }
            #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO users (user_id, age) VALUES (1, 121)") }
            #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO users (user_id, emi_flag) VALUES (1, 2)") }
            #expect(throws: DatabaseError.self) {
                try database.execute("INSERT INTO users (user_id, privacy_pref) VALUES (1, 1.5)")
            }
            try database.execute("INSERT INTO users (user_id) VALUES (1)")  // every other column may be NULL
            #expect(try temporary.users.count() == 1)
        }
    }

    @Test func anUnreadableFileIsACannotOpenError() throws {
        try withTemporaryDatabase { temporary in
            let path = try temporary.write("this is not a database, just text that is long enough to have a header\n", to: "junk.sqlite")
            #expect {
                _ = try PersonaDatabase(path: path)
            } throws: { error in
                guard case let .cannotOpen(errorPath, _)? = error as? StorageError else { return false }
                return errorPath == path && "\(error)".contains("cannot open database '\(path)': it is not a SQLite database")
            }
        }
    }
}
