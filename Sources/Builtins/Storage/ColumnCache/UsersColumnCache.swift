import Foundation
import GRDB
#if SWIFT_PACKAGE
import GRDBSQLite
#else
import SQLite3
#endif

/// A columnar copy of `users`, one BLOB per column, so a goal run reads the columns it needs
/// as arrays (a memory copy each) and filters them in Swift, instead of having SQLite decode
/// a million records.
///
/// Why: a full SQLite scan that extracts 7 columns from 570,000 of 1,000,000 rows costs
/// ~0.3–0.5 s on this machine's class of CPU, and a scan that only finds 12,000 rows still
/// ~0.1 s — more than the whole goal run's budget. From the cache the same reads take a few
/// milliseconds per column.
///
/// Layout (`users_column_cache`, one row per column): `data` holds `row_count` little-endian
/// values in `user_id` order, in the narrowest `encoding` that holds them exactly (see
/// ``Encoding``): `user_id` as Int64; REAL columns as Float64 (NaN for NULL); INTEGER columns
/// as Int8, Int16 or Int32 (the type's minimum for NULL), or Float64 when wider; TEXT columns
/// as Int8/Int16/Int32 dictionary codes (-1 for NULL) with the distinct strings in
/// `dictionary` (see ``encodeDictionary(_:)``). `position` and `type` record the column as it
/// was when cached; a row that no longer matches the schema is ignored. Loading widens the
/// values back to `[Double]` and `[Int32]`.
///
/// Consistency: triggers on `users` empty the cache in the same transaction as any INSERT,
/// UPDATE or DELETE, whoever makes it (this code, or a person with the sqlite3 shell). Bulk
/// writers drop the triggers for the duration of their transaction (``bulkWrite(_:_:)``) and
/// write the cache from the values they inserted (generate; import into an empty table), or
/// leave it empty (an append) to be built on first use. INTEGER columns with a value beyond
/// ±2^53 are not cached (a Double would round them): an entry with an empty `data` and
/// `null_count` = ``uncacheableMark`` sends requests for them straight to SQL.
///
/// Cost: about 45 bytes per user for the seed's columns (the table itself takes ~110).
enum UsersColumnCache {
    static let triggerNames = ["users_column_cache_insert", "users_column_cache_update", "users_column_cache_delete"]

    static func createTriggers(_ db: Database) throws {
        for (name, event) in zip(triggerNames, ["INSERT", "UPDATE", "DELETE"]) {
            try db.execute(sql: "CREATE TRIGGER \(name) AFTER \(event) ON users BEGIN DELETE FROM users_column_cache; END")
        }
    }

    /// Runs a bulk change of `users` (`body`) without per-row triggers, then stores the
    /// whole-table columns `body` returns (if it can: a generator or an import into an empty
    /// table has every value in hand) and restores the triggers. Without a snapshot the cache
    /// stays empty and is built on first use. Must run inside the writer's transaction: on
    /// error the transaction rolls back, triggers and cache included.
    static func bulkWrite<T>(_ db: Database, _ body: () throws -> (result: T, snapshot: CachedTable?)) throws -> T {
        for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try db.execute(sql: "DELETE FROM users_column_cache")
        let (result, snapshot) = try body()
        if let snapshot {
            try store(db, snapshot, schema: UsersSchema.read(db))
        }
        try createTriggers(db)
        return result
    }

    /// Bulk writers keep their rows in memory for the cache only up to this many rows (about
    /// 1 GB); beyond, the cache is built column by column on first use.
    static let maximumSnapshotRows = 10_000_000

    /// What the cache holds for a request.
    enum Lookup {
        /// Every requested column, loaded.
        case hit(CachedTable)
        /// A column is not cached (or its entry is stale): build it.
        case miss
        /// A column was found not to be cacheable (an INTEGER beyond ±2^53): ask SQLite.
        case uncacheable
    }

    /// The cached `columns` (plus `user_id`).
    static func load(_ db: Database, columns: [UserColumnInfo], schema: UsersSchema) throws -> Lookup {
        let wanted = Set(columns.map(\.name) + ["user_id"])
        let marks = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, name, position, type, encoding, row_count, null_count, dictionary
            FROM users_column_cache WHERE name IN (\(marks))
            """, arguments: StatementArguments(Array(wanted)))
        guard rows.count == wanted.count, let rowCount = rows.first?["row_count"] as Int? else { return .miss }
        var infos: [UserColumnInfo] = []
        for row in rows {
            guard let position = schema.columns.firstIndex(where: { $0.name == row["name"] }),
                  row["position"] == position, row["type"] == schema.columns[position].type.rawValue,
                  row["row_count"] == rowCount else { return .miss }
            infos.append(schema.columns[position])
        }
        if rows.contains(where: { $0["null_count"] == uncacheableMark }) { return .uncacheable }

        var userIDs: [Int64] = []
        var loaded: [String: CachedColumn] = [:]
        for (row, info) in zip(rows, infos) {
            let id: Int64 = row["id"]
            guard let encoding = Encoding(rawValue: row["encoding"]) else { return .miss }
            if info.name == "user_id" {
                guard encoding == .int64, let ids: [Int64] = try readBlob(db, id: id, count: rowCount) else { return .miss }
                userIDs = ids
                if columns.contains(where: { $0.name == "user_id" }) {
                    loaded["user_id"] = CachedColumn(info: info, values: .numeric(ids.map(Double.init)), nullCount: 0)
                }
            } else if info.type.isNumeric {
                guard let values = try readNumbers(db, id: id, count: rowCount, encoding: encoding) else { return .miss }
                loaded[info.name] = CachedColumn(info: info, values: .numeric(values), nullCount: row["null_count"])
            } else {
                guard let codes = try readCodes(db, id: id, count: rowCount, encoding: encoding),
                      let dictionary = decodeDictionary(row["dictionary"]) else { return .miss }
                loaded[info.name] = CachedColumn(info: info, values: .text(codes: codes, dictionary: dictionary),
                                                 nullCount: row["null_count"])
            }
        }
        return .hit(CachedTable(userIDs: userIDs, columns: loaded))
    }

    /// `null_count` of the entry of a column that cannot be cached (its `data` is empty).
    static let uncacheableMark = -1

    /// Reads `columns` (plus `user_id`) from `users` with one scan, stores them, and returns
    /// them; nil if one cannot be cached (an INTEGER beyond ±2^53). Call inside a write transaction.
    static func build(_ db: Database, columns: [UserColumnInfo], schema: UsersSchema) throws -> CachedTable? {
        let scanned = try UserStore.scanColumns(db, filter: .all, columns: columns)
        var cached: [String: CachedColumn] = [:]
        for (info, column) in zip(columns, scanned.columns) {
            switch column {
            case let .numeric(numeric):
                cached[info.name] = CachedColumn(info: info, values: .numeric(numeric.values), nullCount: numeric.nullCount)
            case let .text(text):
                cached[info.name] = CachedColumn(info: info, values: .text(codes: text.codes, dictionary: text.dictionary),
                                                 nullCount: text.nullCount)
            }
        }
        let table = CachedTable(userIDs: scanned.userIDs, columns: cached)
        return try store(db, table, schema: schema) ? table : nil
    }

    /// Writes `table`'s columns (and `user_id`) to the cache. Columns that cannot be cached
    /// exactly (an INTEGER beyond ±2^53) are skipped; returns false if there was one.
    @discardableResult
    static func store(_ db: Database, _ table: CachedTable, schema: UsersSchema) throws -> Bool {
        let insert = try RawStatement(db, sql: """
            INSERT OR REPLACE INTO users_column_cache (name, position, type, encoding, row_count, null_count, data, dictionary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { insert.reset() }
        func write(_ name: String, _ encoding: Encoding, nullCount: Int, data: UnsafeRawBufferPointer, dictionary: [UInt8]?) throws {
            guard let position = schema.columns.firstIndex(where: { $0.name == name }) else { return }
            insert.bindText(1, name)
            insert.bind(2, Int64(position))
            insert.bindText(3, schema.columns[position].type.rawValue)
            insert.bindText(4, encoding.rawValue)
            insert.bind(5, Int64(table.rowCount))
            insert.bind(6, Int64(nullCount))
            insert.bindBlob(7, data)
            guard let dictionary else {
                insert.bindNull(8)
                return try insert.execute("caching column \(name)")
            }
            try dictionary.withUnsafeBytes { bytes in
                insert.bindBlob(8, bytes)
                try insert.execute("caching column \(name)")
            }
        }
        try littleEndianBytes(table.userIDs) { try write("user_id", .int64, nullCount: 0, data: $0, dictionary: nil) }
        var complete = true
        for column in table.columns.values where column.info.name != "user_id" {
            func put<T: LittleEndianStorable>(_ values: [T], _ encoding: Encoding, _ dictionary: [UInt8]? = nil) throws {
                try littleEndianBytes(values) {
                    try write(column.info.name, encoding, nullCount: column.nullCount, data: $0, dictionary: dictionary)
                }
            }
            switch column.values {
            case let .numeric(values):
                switch Encoding.forNumbers(values, type: column.info.type) {
                case .int8: try put(narrow(values, to: Int8.self), .int8)
                case .int16: try put(narrow(values, to: Int16.self), .int16)
                case .int32: try put(narrow(values, to: Int32.self), .int32)
                case .float64, .int64: try put(values, .float64)
                case nil:
                    // Remember it, so later requests go straight to SQLite instead of rebuilding.
                    complete = false
                    try write(column.info.name, .float64, nullCount: uncacheableMark,
                              data: UnsafeRawBufferPointer(start: nil, count: 0), dictionary: nil)
                }
            case let .text(codes, dictionary):
                let strings = encodeDictionary(dictionary)
                switch Encoding.forCodes(count: dictionary.count) {
                case .int8: try put(codes.map { Int8(truncatingIfNeeded: $0) }, .int8, strings)
                case .int16: try put(codes.map { Int16(truncatingIfNeeded: $0) }, .int16, strings)
                default: try put(codes, .int32, strings)
                }
            }
        }
        return complete
    }

    // MARK: Encoding

    /// How a column's values are stored in `data`.
    enum Encoding: String {
        case float64 = "f64", int64 = "i64", int32 = "i32", int16 = "i16", int8 = "i8"

        /// The narrowest encoding that holds `values` exactly (NULL = the integer type's
        /// minimum); nil for an INTEGER column a Double cannot hold exactly (beyond ±2^53).
        static func forNumbers(_ values: [Double], type: ColumnType) -> Encoding? {
            guard type == .integer else { return .float64 }
            var low = 0.0, high = 0.0
            for value in values where !value.isNaN {
                low = min(low, value)
                high = max(high, value)
            }
            if low > -0x1p7 && high < 0x1p7 { return .int8 }
            if low > -0x1p15 && high < 0x1p15 { return .int16 }
            if low > -0x1p31 && high < 0x1p31 { return .int32 }
            return low > -0x1p53 && high < 0x1p53 ? .float64 : nil
        }

        /// The narrowest encoding for dictionary codes 0..<count and -1.
        static func forCodes(count: Int) -> Encoding {
            count <= Int(Int8.max) ? .int8 : count <= Int(Int16.max) ? .int16 : .int32
        }
    }

    /// Integral doubles as `T`, NaN (NULL) as `T.min`.
    private static func narrow<T: FixedWidthInteger>(_ values: [Double], to: T.Type) -> [T] {
        values.map { $0.isNaN ? T.min : T($0) }
    }

    private static func readNumbers(_ db: Database, id: Int64, count: Int, encoding: Encoding) throws -> [Double]? {
        func widen<T: FixedWidthInteger & LittleEndianStorable>(_: T.Type) throws -> [Double]? {
            try (readBlob(db, id: id, count: count) as [T]?).map { $0.map { $0 == T.min ? .nan : Double($0) } }
        }
        switch encoding {
        case .float64: return try readBlob(db, id: id, count: count)
        case .int8: return try widen(Int8.self)
        case .int16: return try widen(Int16.self)
        case .int32: return try widen(Int32.self)
        case .int64: return nil
        }
    }

    private static func readCodes(_ db: Database, id: Int64, count: Int, encoding: Encoding) throws -> [Int32]? {
        switch encoding {
        case .int8: return try (readBlob(db, id: id, count: count) as [Int8]?).map { $0.map(Int32.init) }
        case .int16: return try (readBlob(db, id: id, count: count) as [Int16]?).map { $0.map(Int32.init) }
        case .int32: return try readBlob(db, id: id, count: count)
        case .float64, .int64: return nil
        }
    }

    /// `[count: Int32][end offset of each string: Int32 × count][UTF-8 bytes]`, little-endian.
    static func encodeDictionary(_ strings: [String]) -> [UInt8] {
        var offsets: [Int32] = [Int32(strings.count)]
        var bytes: [UInt8] = []
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(Int32(bytes.count))
        }
        var result: [UInt8] = []
        for offset in offsets { withUnsafeBytes(of: offset.littleEndian) { result.append(contentsOf: $0) } }
        return result + bytes
    }

    static func decodeDictionary(_ blob: Data?) -> [String]? {
        guard let blob, blob.count >= 4 else { return nil }
        return blob.withUnsafeBytes { raw -> [String]? in
            let count = Int(Int32(littleEndian: raw.loadUnaligned(as: Int32.self)))
            let base = 4 * (count + 1)
            guard count >= 0, raw.count >= base else { return nil }
            var strings: [String] = []
            strings.reserveCapacity(count)
            var start = 0
            for index in 0..<count {
                let end = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * (index + 1), as: Int32.self)))
                guard end >= start, base + end <= raw.count else { return nil }
                strings.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[(base + start)..<(base + end)]), as: UTF8.self))
                start = end
            }
            return strings
        }
    }

    private static func littleEndianBytes<T: LittleEndianStorable>(
        _ values: [T], _ body: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        if 1.littleEndian == 1 {
            try values.withUnsafeBytes(body)
        } else {
            try values.map(\.byteSwapped).withUnsafeBytes(body)
        }
    }

    /// Reads `count` fixed-width values from the `data` BLOB of cache row `id` straight into a
    /// new array (incremental BLOB I/O: one copy); nil if the BLOB has another size.
    private static func readBlob<T: LittleEndianStorable>(_ db: Database, id: Int64, count: Int) throws -> [T]? {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", "users_column_cache", "data", id, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK, let blob else {
            throw StorageError.database(operation: "reading the column cache",
                                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        let byteCount = count * MemoryLayout<T>.stride
        guard Int(sqlite3_blob_bytes(blob)) == byteCount, byteCount <= Int32.max else { return nil }
        var status = SQLITE_OK
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if byteCount > 0 { status = sqlite3_blob_read(blob, buffer.baseAddress, Int32(byteCount), 0) }
            initialized = count
        }
        guard status == SQLITE_OK else {
            throw StorageError.database(operation: "reading the column cache",
                                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return 1.littleEndian == 1 ? values : values.map(\.byteSwapped)
    }
}

/// A fixed-width value stored in the cache by its little-endian bytes.
protocol LittleEndianStorable {
    /// The value with its bytes reversed (only used on big-endian machines).
    var byteSwapped: Self { get }
}

extension Int64: LittleEndianStorable {}
extension Int32: LittleEndianStorable {}
extension Int16: LittleEndianStorable {}
extension Int8: LittleEndianStorable {}
extension Double: LittleEndianStorable {
    var byteSwapped: Double { Double(bitPattern: bitPattern.byteSwapped) }
}
