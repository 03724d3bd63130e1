import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct PersonaDatabaseTests {
    @Test func migrationsCreateTheSchema() throws {
        try withTemporaryDatabase { temporary in
            let database = temporary.database
            #expect(try database.appliedMigrations() == ["v1.users", "v1.runs", "v1.column-cache", "v2.learning"])
            #expect(try database.tableNames() == ["feedback", "interactions", "learner_states", "persona_members", "persona_versions",
                                                  "personas", "runs", "signals", "users", "users_column_cache"])

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
            #expect(try reopened.appliedMigrations() == ["v1.users", "v1.runs", "v1.column-cache", "v2.learning"])
            #expect(try UserStore(database: reopened).count() == 1)
        }
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
                return errorPath == path && "\(error)".contains("cannot open database")
            }
        }
    }
}
