import GRDB

/// `users_fingerprint`: the `users` table's change counter and its content hash, cached against
/// the counter (migration `v4.users-fingerprint`). One row.
///
/// - `version` is raised by the triggers ``triggerNames`` on every row inserted, updated or
///   deleted in `users`, in the same transaction, whoever writes (persona-host, or a person with
///   the sqlite3 shell). Bulk writers (``UsersColumnCache/bulkWrite(_:_:)``) drop the triggers for
///   their transaction, as they do the column cache's, and raise it once (``recordBulkWrite(_:snapshot:)``).
/// - `hashed_version`, `row_count`, `content_hash` and `schema_sql` are the last computed
///   ``UsersContentHash``, valid while `hashed_version` = `version` and the table's definition in
///   `sqlite_master` is still `schema_sql` (an `ALTER TABLE` changes the definition but fires no
///   trigger). Bulk writers compute it from the values they hold (milliseconds); after any other
///   change it is computed by one scan on first use (``UserStore/fingerprint()``) and stored.
///
/// Why a counter and a cached hash: a goal run must record the data it read without scanning a
/// million rows each time; reading this row takes microseconds.
enum UsersFingerprintTable {
    static let triggerNames = ["users_fingerprint_insert", "users_fingerprint_update", "users_fingerprint_delete"]

    /// The migration: the table, its row, and the triggers.
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users_fingerprint (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL,
                hashed_version INTEGER,
                row_count INTEGER,
                content_hash INTEGER,
                schema_sql TEXT
            ) STRICT;
            INSERT INTO users_fingerprint (id, version) VALUES (1, 1);
            """)
        try createTriggers(db)
    }

    static func createTriggers(_ db: Database) throws {
        for (name, event) in zip(triggerNames, ["INSERT", "UPDATE", "DELETE"]) {
            try db.execute(sql: """
                CREATE TRIGGER IF NOT EXISTS \(name) AFTER \(event) ON users
                BEGIN UPDATE users_fingerprint SET version = version + 1 WHERE id = 1; END
                """)
        }
    }

    static func dropTriggers(_ db: Database) throws {
        for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    }

    /// After a bulk write (its triggers dropped): raises the counter once, stores the content
    /// hash (from `snapshot`, the whole table as the writer holds it, plus a scan of any column
    /// it lacks; a full scan without one) and restores the triggers.
    static func recordBulkWrite(_ db: Database, snapshot: CachedTable?) throws {
        try db.execute(sql: "UPDATE users_fingerprint SET version = version + 1 WHERE id = 1")
        let schema = try UsersSchema.read(db)
        let known = snapshot.map { UsersContentHash.digests(from: $0, schema: schema) } ?? [:]
        let (rows, hash) = try UsersContentHash.compute(db, schema: schema, known: known, knownRows: snapshot?.rowCount)
        try createTriggers(db)  // before reading the state: without them the counter is not trusted
        let state = try State.read(db)
        if let version = state.version {
            try store(db, version: version, rows: rows, hash: hash, schemaSQL: state.schemaSQL)
        }
    }

    /// Stores a computed hash for `version`, unless the counter has moved on since.
    static func store(_ db: Database, version: Int64, rows: Int, hash: UInt64, schemaSQL: String) throws {
        try db.execute(sql: """
            UPDATE users_fingerprint SET hashed_version = ?1, row_count = ?2, content_hash = ?3, schema_sql = ?4
            WHERE id = 1 AND version = ?1
            """, arguments: [version, rows, hash.storedChecksum, schemaSQL])
    }

    /// The counter and the cached hash, as they are in a transaction.
    struct State {
        /// The counter; nil when it cannot be trusted (the row or a trigger is missing).
        var version: Int64?
        /// The cached fingerprint, when it is of the table as it is now.
        var cached: UsersFingerprint?
        /// The `users` definition in `sqlite_master` now.
        var schemaSQL: String

        static func read(_ db: Database) throws -> State {
            let schemaSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'") ?? ""
            let triggers = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'users' AND name IN (?, ?, ?)
                """, arguments: StatementArguments(triggerNames)) ?? 0
            guard let row = try Row.fetchOne(db, sql: """
                SELECT version, hashed_version, row_count, content_hash, schema_sql FROM users_fingerprint WHERE id = 1
                """), triggers == triggerNames.count else {
                return State(version: nil, cached: nil, schemaSQL: schemaSQL)
            }
            let version: Int64 = try row.decode(forColumn: "version")
            let hashedVersion: Int64? = try row.decode(forColumn: "hashed_version")
            let storedSchema: String? = try row.decode(forColumn: "schema_sql")
            let rows: Int? = try row.decode(forColumn: "row_count")
            let hash: Int64? = try row.decode(forColumn: "content_hash")
            guard hashedVersion == version, storedSchema == schemaSQL, let rows, let hash else {
                return State(version: version, cached: nil, schemaSQL: schemaSQL)
            }
            return State(version: version, cached: UsersFingerprint(rows: rows, hash: UInt64(bitPattern: hash), version: version),
                         schemaSQL: schemaSQL)
        }
    }
}
