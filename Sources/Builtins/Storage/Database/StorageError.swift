import GRDB

/// Everything the storage layer can fail with, except CSV import problems (``ImportError``).
///
/// Each case carries the context a person needs to fix the problem (the column, the value, the
/// known columns, the run id), and ``description`` says it in one sentence. Storage never traps
/// on user input: a bad filter, a bad column name or an unexpected database state becomes one of
/// these cases.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened, created or migrated.
    case cannotOpen(path: String, reason: String)
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
    /// A stored member list is not a whole number of 8-byte user ids, or disagrees with its count.
    case corruptMembers(runID: Int64, persona: Int, byteCount: Int, expectedCount: Int)
    /// SQLite refused an operation; `operation` says what storage was doing.
    case database(operation: String, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open database '\(path)': \(reason)"
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
        case let .corruptMembers(runID, persona, byteCount, expectedCount):
            return "run \(runID), persona \(persona): member list has \(byteCount) bytes, "
                + "expected \(expectedCount) user ids of 8 bytes"
        case let .database(operation, message):
            return "\(operation): \(message)"
        }
    }

    /// Wraps an error thrown by GRDB (or by coding a stored value) with what storage was doing;
    /// storage errors and the caller's own errors pass through unchanged.
    static func wrap(_ error: any Error, _ operation: String) -> any Error {
        switch error {
        case is StorageError, is ImportError:
            return error
        case let error as DatabaseError:
            return StorageError.database(operation: operation, message: error.message ?? "\(error.resultCode)")
        case is DecodingError, is EncodingError:
            return StorageError.database(operation: operation, message: "\(error)")
        default:
            // The caller's own error, thrown from inside its transaction: it keeps its type.
            return error
        }
    }
}

/// Runs `body`, re-throwing database errors as ``StorageError/database(operation:message:)``.
@inline(__always)
func withStorageContext<T>(_ operation: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw StorageError.wrap(error, operation)
    }
}
