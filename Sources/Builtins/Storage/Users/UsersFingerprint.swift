/// What the `users` table held at a moment: its row count, a hash of its content, and its change
/// counter. A run stores the fingerprint of the table it read, so `runs show` can say whether
/// the table has changed since.
///
/// - `rows` and `hash` (``UsersContentHash``: every column's name, type and values, 16
///   hexadecimal digits) describe the content: two tables with the same rows and hash hold the
///   same data, whoever wrote them and when.
/// - `version` is the table's change counter (``UsersFingerprintTable``): SQLite triggers add 1
///   for every row inserted, updated or deleted, by persona-host or by anyone with the sqlite3
///   shell, and a bulk write (`data generate`, `data import`) adds 1. nil when the counter cannot
///   be trusted (its triggers were removed): the content is then compared by hash alone.
public struct UsersFingerprint: Sendable, Hashable, Codable {
    public var rows: Int
    /// XXH64 of the content, as 16 lowercase hexadecimal digits.
    public var hash: String
    public var version: Int64?

    public init(rows: Int, hash: String, version: Int64?) {
        self.rows = rows
        self.hash = hash
        self.version = version
    }

    init(rows: Int, hash: UInt64, version: Int64?) {
        self.init(rows: rows, hash: Self.hex(hash), version: version)
    }

    /// Same rows and same hash: the same data.
    public func sameContent(as other: UsersFingerprint) -> Bool {
        rows == other.rows && hash == other.hash
    }

    /// How the table now (`self`) compares with `then`, a run's fingerprint.
    public func comparison(since then: UsersFingerprint) -> Comparison {
        if let version, version == then.version, sameContent(as: then) { return .unchanged }
        return sameContent(as: then) ? .rewrittenSame : .changed
    }

    /// The outcome of ``comparison(since:)``.
    public enum Comparison: String, Sendable, Codable {
        /// Not written since.
        case unchanged
        /// Written since, but holding the same data (e.g. generated again with the same seed).
        case rewrittenSame = "rewritten_same_content"
        /// Different data.
        case changed
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash as stored in an INTEGER column (nil when `hash` is not 16 hexadecimal digits).
    var storedHash: Int64? {
        UInt64(hash, radix: 16).map { Int64(bitPattern: $0) }
    }
}
