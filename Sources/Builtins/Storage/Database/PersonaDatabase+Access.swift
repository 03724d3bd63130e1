import Foundation
import GRDB
#if SWIFT_PACKAGE
import GRDBSQLite
#else
import SQLite3
#endif

extension PersonaDatabase {
    /// Whether a write waits for another connection's write lock.
    enum LockWait {
        /// Up to ``PersonaDatabase/writerTimeout``: the write must happen.
        case patiently
        /// Not at all: the write is an optimisation (building the column cache) that the caller
        /// skips when another process is writing, so a read never waits for a writer.
        case notAtAll
    }

    /// Runs `body` on a reader connection, in a read transaction (a consistent snapshot).
    /// Failures are reported naming the file (see ``failure(_:operation:waited:)``).
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw failure(error, operation: operation)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction on the writer: committed if it returns,
    /// rolled back if it throws. Every storage write goes through here.
    ///
    /// While the transaction holds the write lock (from ``WriterNote/delay`` on), a
    /// ``WriterNote`` saying `operation` is left next to the file; it is removed before the commit
    /// or rollback (still under the lock, so the note removed is always this transaction's own).
    func writeTransaction<T>(_ operation: String, wait: LockWait = .patiently, _ body: (Database) throws -> T) throws -> T {
        let started = Date()
        do {
            return try pool.writeWithoutTransaction { db in
                if wait == .notAtAll { setBusyTimeout(db, seconds: 0) }
                defer { if wait == .notAtAll { setBusyTimeout(db, seconds: writerTimeout) } }
                var result: T?
                try db.inTransaction(.immediate) {
                    let note = PendingWriterNote(operation: operation, databasePath: path)
                    defer { note.finish() }
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StorageError.database(path: path, operation: operation, message: "the transaction did not run") }
                return result
            }
        } catch {
            throw failure(error, operation: operation, waited: Date().timeIntervalSince(started))
        }
    }

    /// Copies the WAL into the database file after a bulk write, so later readers read the file
    /// (through the memory map) instead of looking every page up in a WAL the size of the table.
    ///
    /// `RESTART`, not `TRUNCATE`: the WAL keeps its size until the last connection closes (SQLite
    /// then deletes it), because GRDB makes an empty WAL non-empty with a small write when it
    /// opens the file — a write that would have to wait for any long writer.
    ///
    /// Waits at most two seconds for readers still on an older snapshot. When they do not finish
    /// in time the checkpoint is left to SQLite's automatic one: the data is committed and safe
    /// either way, only later reads are slower until then. Any other failure is reported.
    func checkpointAfterBulkWrite(_ operation: String) throws {
        do {
            try pool.writeWithoutTransaction { db in
                setBusyTimeout(db, seconds: 2)
                defer { setBusyTimeout(db, seconds: writerTimeout) }
                _ = try db.checkpoint(.restart)
            }
        } catch let error as DatabaseError where SQLiteFailure(code: error.extendedResultCode.rawValue) == .busy {
            return  // a reader kept its snapshot: SQLite's automatic checkpoint will finish the job
        } catch {
            throw failure(error, operation: "checkpointing after \(operation) (the data is committed)")
        }
    }

    /// Sets the connection's busy timeout (the writer's is ``writerTimeout`` between calls).
    private func setBusyTimeout(_ db: Database, seconds: TimeInterval) {
        sqlite3_busy_timeout(db.sqliteConnection, Int32(min(seconds * 1000, Double(Int32.max))))
    }

    /// `error`, thrown while doing `operation`, as an error naming this database:
    ///
    /// - SQLite's `SQLITE_CORRUPT` / `SQLITE_NOTADB`, a stored value of a type its column
    ///   forbids, and damage storage found itself (``DamageFound``) → ``StorageError/corrupt(path:detail:)``;
    /// - `SQLITE_BUSY` / `SQLITE_LOCKED` → ``StorageError/busy(path:operation:holder:waited:)``
    ///   with the holder's ``WriterNote``;
    /// - any other SQLite failure, or a stored value that cannot be decoded →
    ///   ``StorageError/database(path:operation:message:)``.
    ///
    /// ``StorageError``, ``ImportError`` and the caller's own errors pass through unchanged.
    func failure(_ error: any Error, operation: String, waited: TimeInterval = 0) -> any Error {
        switch error {
        case is StorageError, is ImportError:
            return error
        case let damage as DamageFound:
            return StorageError.corrupt(path: path, detail: damage.detail)
        case let error as DatabaseError:
            return sqliteFailure(code: error.extendedResultCode.rawValue, message: error.message ?? "\(error.resultCode)",
                                 operation: operation, waited: waited)
        case let error as StepError:
            return sqliteFailure(code: error.code, message: error.message, operation: error.operation ?? operation, waited: waited)
        case let error as RowDecodingError:
            // Storage writes every column with its declared type (STRICT tables): a value of
            // another type can only come from a damaged page.
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return StorageError.corrupt(path: path, detail: "\(operation): a stored value has the wrong type: \(first)")
        case is DecodingError, is EncodingError:
            return StorageError.database(path: path, operation: operation, message: "\(error)")
        default:
            // The caller's own error, thrown from inside its transaction: it keeps its type.
            return error
        }
    }

    private func sqliteFailure(code: Int32, message: String, operation: String, waited: TimeInterval) -> StorageError {
        switch SQLiteFailure(code: code) {
        case .corrupt:
            return .corrupt(path: path, detail: "\(operation): SQLite: \(message)")
        case .busy:
            return .busy(path: path, operation: operation, holder: WriterNote.read(for: path), waited: waited)
        case .cannotOpen, .other:
            return .database(path: path, operation: operation, message: message)
        }
    }
}
