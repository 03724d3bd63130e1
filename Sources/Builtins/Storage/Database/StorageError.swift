import Foundation
import GRDB

/// Everything the storage layer can fail with, except CSV import problems (``ImportError``).
///
/// Each case carries the context a person needs to fix the problem (the database file, the
/// column, the value, the known columns, the run id), and ``description`` says it in one
/// sentence. Storage never traps on user input or on a damaged file: a bad filter, a bad column
/// name, a damaged page or an unexpected database state becomes one of these cases.
///
/// Intended exit codes (see ``isUsageError``): the caller's input is wrong (`noDatabase`,
/// `unknownColumn`, `typeMismatch`, `invalidCondition`, `invalidArgument`, `usersNotEmpty`,
/// `runNotFound`) → 2; the file or the machine is the problem (`cannotOpen`, `corrupt`,
/// `busy`, `database`) → 1.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened, created or migrated: a directory, not a SQLite
    /// file, no permission, written by a newer persona-host.
    case cannotOpen(path: String, reason: String)
    /// ``PersonaDatabase/OpenMode/mustExist`` and there is no database at `path` (no file, or an
    /// empty one). Nothing was created.
    case noDatabase(path: String)
    /// The file is damaged: SQLite found a malformed page (`SQLITE_CORRUPT`, `SQLITE_NOTADB`),
    /// or a stored BLOB fails its checksum, or a stored value has a type its column forbids.
    /// `detail` says what was found where.
    case corrupt(path: String, detail: String)
    /// Another connection held the write lock for longer than this one would wait.
    /// `holder` is what it wrote in its ``WriterNote`` (nil when it left none: not
    /// persona-host, or a note that could not be read); `operation` is what this one was doing,
    /// `waited` how long it waited, in seconds.
    case busy(path: String, operation: String, holder: WriterNote?, waited: Double)
    /// A filter or a column request named a column the `users` table does not have.
    case unknownColumn(name: String, known: [String])
    /// A filter value's type cannot be compared with the column's type (text value for an
    /// INTEGER column, number for a TEXT column).
    case typeMismatch(column: String, columnType: ColumnType, value: FilterValue)
    /// A filter condition is malformed (wrong operand shape for its operator, empty `in` list,
    /// non-finite number, `between` bounds out of order).
    case invalidCondition(field: String, reason: String)
    /// A caller-supplied argument is out of range (row count, duplicate column request, …).
    case invalidArgument(String)
    /// `generate` was asked to fill a `users` table that already has rows, without `replace`.
    case usersNotEmpty(rows: Int)
    /// No run has this id.
    case runNotFound(id: Int64)
    /// SQLite refused an operation for another reason (disk full, read-only file, I/O error);
    /// `operation` says what storage was doing.
    case database(path: String, operation: String, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open database '\(path)': \(reason)"
        case let .noDatabase(path):
            return "no database at \(path); create one with `persona-host data init` (empty), `data generate` or `data import FILE`"
        case let .corrupt(path, detail):
            return "\(path) is damaged (\(detail)); restore it from a backup, "
                + "or recreate it with `persona-host data generate` or `persona-host data import FILE`"
        case let .busy(path, operation, holder, waited):
            let who = holder.map { "process \($0.pid) (\($0.summary)) has been writing for \($0.secondsHeld()) s" }
                ?? "another connection is writing to it (no persona-host writer note says which: a sqlite3 shell, another program, or short writes)"
            return "\(path) is busy: \(who); \(operation) waited \(Self.seconds(waited)) s for it; try again when it finishes"
        case let .unknownColumn(name, known):
            return "unknown column '\(name)'; the users table has: \(known.joined(separator: ", "))"
        case let .typeMismatch(column, columnType, value):
            return "column '\(column)' is \(columnType.rawValue) but the value \(value.sqlLiteral) is \(value.kindName)"
        case let .invalidCondition(field, reason):
            return "invalid condition on '\(field)': \(reason)"
        case let .invalidArgument(message):
            return message
        case let .usersNotEmpty(rows):
            return "the users table already has \(rows) rows; replace them explicitly (`persona-host data generate --replace`)"
        case let .runNotFound(id):
            return "no run with id \(id)"
        case let .database(path, operation, message):
            return "\(path): \(operation): \(message)"
        }
    }

    /// True for the cases caused by the caller's input (exit 2); false for the file, the disk
    /// or another process (exit 1).
    public var isUsageError: Bool {
        switch self {
        case .noDatabase, .unknownColumn, .typeMismatch, .invalidCondition, .invalidArgument, .usersNotEmpty, .runNotFound:
            return true
        case .cannotOpen, .corrupt, .busy, .database:
            return false
        }
    }

    private static func seconds(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}

/// What a failed SQLite call means for the person reading the error.
enum SQLiteFailure {
    case corrupt
    case busy
    case cannotOpen
    case other

    /// Classifies a primary or extended SQLite result code.
    init(code: Int32) {
        switch code & 0xFF {
        case 11, 26: self = .corrupt  // SQLITE_CORRUPT, SQLITE_NOTADB
        case 5, 6: self = .busy  // SQLITE_BUSY, SQLITE_LOCKED
        case 14: self = .cannotOpen  // SQLITE_CANTOPEN
        default: self = .other
        }
    }
}
