import Foundation
import GRDB

/// The persona-host SQLite file: the `users` table, and the runs with their personas and members.
///
/// Opening creates the file if needed and brings its schema up to date with the named migrations
/// of ``PersonaDatabase/migrator``. The connection pool runs in WAL mode, so readers (a fetch for
/// a goal run) never wait on a writer, and every write goes through one serialized writer
/// connection in a transaction.
///
/// Pragmas are chosen for bulk work on a laptop-sized table (a million users, ~110 MB):
/// `synchronous = NORMAL` (durable at each checkpoint; safe with WAL), a 64 MiB page cache per
/// connection, temporary tables in memory, memory-mapped reads (up to 1 GiB) so a full scan
/// does not copy every page through the cache, and foreign keys enforced (GRDB's default).
///
/// Use ``UserStore`` for the `users` table and ``RunStore`` for runs.
public final class PersonaDatabase: Sendable {
    /// The path the database was opened at (`:memory:` is not supported: WAL needs a file).
    public let path: String
    /// GRDB's pool: one writer, several readers.
    let pool: DatabasePool

    /// Opens (creating if missing) the database at `path` and runs pending migrations.
    ///
    /// - Throws: ``StorageError/cannotOpen(path:reason:)`` when the file cannot be opened,
    ///   is not a SQLite database, or was written by a newer persona-host (unknown migrations).
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process writing (a run being saved, a column being cached) is waited for, not failed on.
        config.busyMode = .timeout(10)
        config.label = "persona-host"
        config.prepareDatabase { db in
            try db.execute(sql: """
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                PRAGMA mmap_size = 1073741824;
                """)
        }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: path, configuration: config)
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let migrator = Self.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StorageError.cannotOpen(
                    path: path, reason: "the database was written by a newer persona-host (unknown migrations)")
            }
            try migrator.migrate(pool)
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            throw StorageError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw StorageError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The ids of the migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try withStorageContext("reading migrations") {
            try pool.read { try Self.migrator.appliedIdentifiers($0) }.sorted {
                (Self.migrator.migrations.firstIndex(of: $0) ?? .max) < (Self.migrator.migrations.firstIndex(of: $1) ?? .max)
            }
        }
    }

    /// The names of the tables in the file (without SQLite's and GRDB's own).
    public func tableNames() throws -> [String] {
        try withStorageContext("listing tables") {
            try pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    ORDER BY name
                    """)
            }
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction on the writer: committed if it returns,
    /// rolled back if it throws. Every storage write goes through here.
    func writeTransaction<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        try withStorageContext(operation) {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StorageError.database(operation: operation, message: "the transaction did not run") }
                return result
            }
        }
    }

    /// Copies the WAL into the database file and truncates it, after a bulk write.
    ///
    /// A bulk write leaves its pages in the WAL (about the size of the table); until the WAL is
    /// reset, every reader reads those pages from it with `pread` instead of the memory map, and
    /// the next process to open the file rebuilds the WAL index by scanning it. Truncating once,
    /// right after the write, keeps later fetches on the fast path. Best effort: a busy reader
    /// only delays it to SQLite's next automatic checkpoint.
    func checkpointAfterBulkWrite() {
        _ = try? pool.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }

    /// Runs `body` on a reader connection, in a read transaction (a consistent snapshot).
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        try withStorageContext(operation) {
            try pool.read(body)
        }
    }
}
