import Foundation
import GRDB

/// The persona-host SQLite file: the `users` table, and the runs with their personas and members.
///
/// Opening brings the schema up to date with the named migrations of
/// ``PersonaDatabase/migrator``; whether a missing file is created is the caller's choice
/// (``OpenMode``): commands that only read must not turn a mistyped path into a new database.
/// The connection pool runs in WAL mode, so readers (a fetch for a goal run, `data stats`)
/// never wait on a writer, and every write goes through one serialized writer connection in a
/// transaction.
///
/// Waiting: a writer that finds the write lock taken waits up to ``writerTimeout`` (60 s by
/// default: long enough for another command's ordinary write — a run save takes milliseconds,
/// a generate or import of a million users some seconds — yet short enough that a command stuck
/// behind a hung process fails with a message instead of hanging). While it holds the lock it
/// leaves a ``WriterNote`` next to the file, so a writer that gives up can say who holds it
/// (``StorageError/busy(path:operation:holder:waited:)``). Readers read their own WAL snapshot
/// and do not wait for writers (SQLite's rare transient locks — WAL recovery after a crash —
/// are waited out by GRDB's reader timeout); building the column cache for a read does not wait
/// for the lock either: when it is taken, the read is answered from the table instead.
///
/// Pragmas are chosen for bulk work on a laptop-sized table (a million users, ~110 MB):
/// `synchronous = NORMAL` (durable at each checkpoint; safe with WAL), a 64 MiB page cache per
/// connection, temporary tables in memory, memory-mapped reads (up to 1 GiB) so a full scan
/// does not copy every page through the cache, and foreign keys enforced (GRDB's default).
///
/// Errors name the file: every failure that comes from SQLite is reported as a ``StorageError``
/// carrying ``path``; a damaged file as ``StorageError/corrupt(path:detail:)``.
///
/// Use ``UserStore`` for the `users` table and ``RunStore`` for runs.
public final class PersonaDatabase: Sendable {
    /// How long a writer waits for another connection's write lock by default, in seconds.
    public static let defaultWriterTimeout: TimeInterval = 60

    /// The path the database was opened at (`:memory:` is not supported: WAL needs a file).
    public let path: String
    /// How long a write waits for another connection's write lock, in seconds.
    public let writerTimeout: TimeInterval
    /// GRDB's pool: one writer, several readers.
    let pool: DatabasePool

    /// Opens the database at `path` and runs pending migrations.
    ///
    /// - Parameters:
    ///   - mode: ``OpenMode/createIfMissing`` (the default) creates a missing file and its
    ///     folders; ``OpenMode/mustExist`` refuses a missing (or empty) file without creating
    ///     anything.
    ///   - writerTimeout: how long a write waits for another connection's write lock
    ///     (``defaultWriterTimeout``).
    /// - Throws: ``StorageError/noDatabase(path:)`` (`mustExist`, nothing there);
    ///   ``StorageError/cannotOpen(path:reason:)`` when the path is a directory, the file is not a
    ///   SQLite database, cannot be read, or was written by a newer persona-host (unknown
    ///   migrations); ``StorageError/corrupt(path:detail:)`` when SQLite finds it damaged;
    ///   ``StorageError/busy(path:operation:holder:waited:)`` when a migration waited in vain
    ///   for another writer.
    public init(path: String, mode: OpenMode = .createIfMissing,
                writerTimeout: TimeInterval = PersonaDatabase.defaultWriterTimeout) throws {
        self.path = path
        self.writerTimeout = writerTimeout
        try mode.check(path)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(writerTimeout)
        config.label = "persona-host"
        config.prepareDatabase { db in
            try db.execute(sql: """
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                PRAGMA mmap_size = 1073741824;
                """)
        }
        let started = Date()
        do {
            // Switching a brand-new file to WAL needs an exclusive lock and SQLite does not call
            // the busy handler for it: when another process is creating the same file at that
            // moment, try again (within the writer timeout) instead of failing at once.
            var opened: DatabasePool?
            while opened == nil {
                do {
                    opened = try DatabasePool(path: path, configuration: config)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date().timeIntervalSince(started) < writerTimeout {
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            pool = opened!
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let migrator = Self.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StorageError.cannotOpen(
                    path: path, reason: "the database was written by a newer persona-host (unknown migrations)")
            }
            try migrator.migrate(pool)
        } catch {
            throw Self.openFailure(error, path: path, waited: Date().timeIntervalSince(started))
        }
    }

    /// The ids of the migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try read("reading migrations") { db in
            try Self.migrator.appliedIdentifiers(db).sorted {
                (Self.migrator.migrations.firstIndex(of: $0) ?? .max) < (Self.migrator.migrations.firstIndex(of: $1) ?? .max)
            }
        }
    }

    /// The names of the tables in the file (without SQLite's and GRDB's own).
    public func tableNames() throws -> [String] {
        try read("listing tables") { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                ORDER BY name
                """)
        }
    }

    /// The process holding this database's write lock, as its ``WriterNote`` says; nil when no
    /// live persona-host process is writing.
    public func currentWriter() -> WriterNote? {
        WriterNote.read(for: path)
    }

    /// An error thrown while opening, as a ``StorageError`` naming the file.
    private static func openFailure(_ error: any Error, path: String, waited: TimeInterval) -> any Error {
        if let error = error as? StorageError { return error }
        if let error = error as? DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            switch SQLiteFailure(code: error.extendedResultCode.rawValue) {
            case .corrupt: return StorageError.corrupt(path: path, detail: "SQLite: \(message)")
            case .busy:
                return StorageError.busy(path: path, operation: "opening it", holder: WriterNote.read(for: path), waited: waited)
            case .cannotOpen, .other: return StorageError.cannotOpen(path: path, reason: message)
            }
        }
        return StorageError.cannotOpen(path: path, reason: "\(error)")
    }
}
