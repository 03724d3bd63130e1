import GRDB
#if SWIFT_PACKAGE
import GRDBSQLite
#else
import SQLite3
#endif

/// The content hash of the whole `users` table: its row count, every column's name and type in
/// table order, and each column's ``ColumnDigest`` (every value, in `user_id` order).
///
/// Two ways to compute it, with the same result (checked by a differential test): from the
/// columns a bulk writer has in memory (``digests(from:schema:)``, milliseconds for a million
/// rows), and by one scan of the table (``scan(_:columns:)``, about a second for a million
/// rows of the seed's 16 columns), for the columns the writer did not have or any other change.
enum UsersContentHash {
    /// The table's hash from its row count and each column's digest (in schema order).
    static func combine(rows: Int, schema: UsersSchema, digests: [String: UInt64]) -> UInt64 {
        var text = "users\u{0}\(rows)"
        for column in schema.columns {
            text += "\u{0}\(column.name)\u{0}\(column.type.rawValue)\u{0}\(digests[column.name] ?? 0)"
        }
        return BlobChecksum.hash(text)
    }

    /// The hash of the table as it is in `db`: the digests of `known` (computed from a writer's
    /// values) and a scan for the other columns. Returns the row count and the hash.
    static func compute(_ db: Database, schema: UsersSchema, known: [String: UInt64] = [:],
                        knownRows: Int? = nil) throws -> (rows: Int, hash: UInt64) {
        var digests = known
        let missing = schema.columns.filter { known[$0.name] == nil }
        var rows = knownRows ?? 0
        if knownRows == nil || !missing.isEmpty {
            let scanned = try scan(db, columns: missing)
            digests.merge(scanned.digests) { $1 }
            rows = scanned.rows
        }
        return (rows, combine(rows: rows, schema: schema, digests: digests))
    }

    /// The digests of the columns a bulk writer holds (``CachedTable``: every row, in `user_id`
    /// order). A column it does not hold, or cannot vouch for exactly (an INTEGER beyond ±2^53
    /// held as a Double), is left out: ``compute(_:schema:known:knownRows:)`` scans it.
    static func digests(from table: CachedTable, schema: UsersSchema) -> [String: UInt64] {
        var digests: [String: UInt64] = [:]
        for info in schema.columns {
            if info.name == "user_id" {
                var digest = ColumnDigest()
                for id in table.userIDs { digest.append(ColumnDigest.integer(id)) }
                digests[info.name] = digest.finish()
            } else if let column = table.columns[info.name], let digest = digest(column, type: info.type) {
                digests[info.name] = digest
            }
        }
        return digests
    }

    private static func digest(_ column: CachedColumn, type: ColumnType) -> UInt64? {
        var digest = ColumnDigest()
        switch (column.values, type) {
        case let (.numeric(values), .integer):
            for value in values {
                if value.isNaN {
                    digest.appendNull()
                } else {
                    guard abs(value) < 0x1p53, let exact = Int64(exactly: value) else { return nil }
                    digest.append(ColumnDigest.integer(exact))
                }
            }
        case let (.numeric(values), .real):
            for value in values {
                if value.isNaN { digest.appendNull() } else { digest.append(ColumnDigest.real(value)) }
            }
        case let (.text(codes, dictionary), .text):
            let words = dictionary.map(ColumnDigest.text)
            for code in codes {
                if code < 0 { digest.appendNull() } else { digest.append(words[Int(code)]) }
            }
        default:
            return nil
        }
        return digest.finish()
    }

    /// One scan of `users` in `user_id` order: the row count and the digests of `columns`.
    static func scan(_ db: Database, columns: [UserColumnInfo]) throws -> (rows: Int, digests: [String: UInt64]) {
        let list = columns.isEmpty ? "user_id" : columns.map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
        let statement = try RawStatement(db, sql: "SELECT \(list) FROM users ORDER BY user_id")
        defer { statement.reset() }
        var digests = [ColumnDigest](repeating: ColumnDigest(), count: columns.count)
        let types = columns.map(\.type)
        var rows = 0
        do throws(StepError) {
            while try statement.step() {
                rows += 1
                for slot in digests.indices {
                    let column = Int32(slot)
                    switch (statement.type(column), types[slot]) {
                    case (SQLITE_NULL, _):
                        digests[slot].appendNull()
                    case (SQLITE_INTEGER, .integer):
                        digests[slot].append(ColumnDigest.integer(statement.int64(column)))
                    case (SQLITE_INTEGER, .real), (SQLITE_FLOAT, .real):
                        digests[slot].append(ColumnDigest.real(statement.double(column)))
                    case (SQLITE_TEXT, .text):
                        guard let bytes = statement.textBytes(column) else {
                            throw StepError(lastErrorOf: db, operation: "hashing the users table")
                        }
                        digests[slot].append(ColumnDigest.text(bytes))
                    case let (type, _):
                        digests[slot].append(ColumnDigest.other(type: type, bytes: statement.blobBytes(column)))
                    }
                }
            }
        } catch {
            throw error.during("hashing the users table")
        }
        var result: [String: UInt64] = [:]
        for (slot, info) in columns.enumerated() { result[info.name] = digests[slot].finish() }
        return (rows, result)
    }
}
