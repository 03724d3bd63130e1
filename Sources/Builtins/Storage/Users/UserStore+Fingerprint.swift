import GRDB

extension UserStore {
    /// The `users` table's fingerprint now (see ``UsersFingerprint``).
    ///
    /// Usually one row read (microseconds): the hash cached against the change counter. After a
    /// change no bulk writer hashed (rows edited with the sqlite3 shell, an `ALTER TABLE`), the
    /// table is hashed by one scan in a read snapshot (about a second per million rows) and the
    /// result is cached for the next call — a write that does not wait for another writer and is
    /// skipped when it cannot be made (the answer is the same, only not cached).
    ///
    /// - Throws: ``StorageError`` naming the database (damaged, unreadable).
    public func fingerprint() throws -> UsersFingerprint {
        let read = try database.read("fingerprinting the users table") { db -> FingerprintRead in
            let state = try UsersFingerprintTable.State.read(db)
            if let cached = state.cached { return .cached(cached) }
            let (rows, hash) = try UsersContentHash.compute(db, schema: UsersSchema.read(db))
            return .computed(state, rows: rows, hash: hash)
        }
        switch read {
        case let .cached(fingerprint):
            return fingerprint
        case let .computed(state, rows, hash):
            if let version = state.version {
                do {
                    try database.writeTransaction("caching the users fingerprint", wait: .notAtAll) { db in
                        try UsersFingerprintTable.store(db, version: version, rows: rows, hash: hash, schemaSQL: state.schemaSQL)
                    }
                } catch StorageError.busy, StorageError.database {
                    // Not cached (another process is writing, a read-only file): the next call hashes again.
                }
            }
            return UsersFingerprint(rows: rows, hash: hash, version: state.version)
        }
    }

    /// What the read transaction found: the cached fingerprint, or a hash it computed.
    private enum FingerprintRead {
        case cached(UsersFingerprint)
        case computed(UsersFingerprintTable.State, rows: Int, hash: UInt64)
    }

    /// The `users` table's change counter now (one row read); nil when it cannot be trusted
    /// (its triggers were removed). A run compares it with its fingerprint's after reading the
    /// rows, to know the table did not change in between.
    public func changeCounter() throws -> Int64? {
        try database.read("reading the users change counter") { try UsersFingerprintTable.State.read($0).version }
    }
}
