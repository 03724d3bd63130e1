/// Why a CSV import failed. Nothing was written: an import is all-or-nothing.
///
/// Every case names the file (as the caller gave it) and, where there is one, the 1-based
/// physical line, the column and the offending value, so ``description`` reads like a compiler
/// diagnostic: `users.csv:9002: column 'age': 'abc' is not an integer`.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(file: String, reason: String)
    /// The file has no header line.
    case emptyFile(file: String)
    /// The header has no `user_id` column (matched case-insensitively, trimmed).
    case missingUserID(file: String, header: [String])
    /// A header name is empty, repeated (case-insensitively) or reserved (`rowid`, `oid`, `_rowid_`).
    case badHeader(file: String, line: Int, column: Int, name: String, reason: String)
    /// The CSV syntax is broken (a stray or unterminated quote, text after a closing quote).
    case malformedCSV(file: String, line: Int, reason: String)
    /// A record has a different number of fields than the header.
    case fieldCount(file: String, line: Int, expected: Int, found: Int)
    /// A value does not fit its column: wrong type, outside the column's range, invalid UTF-8,
    /// or an empty `user_id`.
    case invalidValue(file: String, line: Int, column: String, value: String, reason: String)
    /// Two records of the file have the same `user_id`.
    case duplicateUserID(file: String, userID: Int64, firstLine: Int, line: Int)
    /// A record's `user_id` is already in the `users` table (append mode).
    case userIDExists(file: String, line: Int, userID: Int64)
    /// SQLite refused a write (out of disk space, a constraint, …); `message` names the
    /// database file. A damaged or busy database is reported as ``StorageError/corrupt(path:detail:)``
    /// or ``StorageError/busy(path:operation:holder:waited:)`` instead.
    case database(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .emptyFile(file):
            return "\(file): the file is empty (expected a header line naming the columns)"
        case let .missingUserID(file, header):
            return "\(file):1: no 'user_id' column (the header has: \(header.joined(separator: ", ")))"
        case let .badHeader(file, line, column, name, reason):
            return "\(file):\(line): header column \(column) '\(name)': \(reason)"
        case let .malformedCSV(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .fieldCount(file, line, expected, found):
            return "\(file):\(line): \(found) fields, but the header has \(expected)"
        case let .invalidValue(file, line, column, value, reason):
            return "\(file):\(line): column '\(column)': '\(value)' \(reason)"
        case let .duplicateUserID(file, userID, firstLine, line):
            return "\(file):\(line): user_id \(userID) repeats the one on line \(firstLine)"
        case let .userIDExists(file, line, userID):
            return "\(file):\(line): user_id \(userID) is already in the users table (import appends; use replace to start over)"
        case let .database(file, line, message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): database error: \(message)"
        }
    }

    /// A value shown in a message: at most 60 characters, control characters escaped.
    static func display(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        var shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
        shown = shown.unicodeScalars.map { $0.value < 0x20 ? $0.escaped(asASCII: true) : String($0) }.joined()
        return shown
    }
}
