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
/// Integrity: `checksum` (``entryChecksum(name:position:type:encoding:rowCount:nullCount:dataHash:dictionary:)``)
/// covers an entry's metadata, `data` and `dictionary`, and is verified on every load (one
/// XXH64 pass: about half a millisecond for a million Float64s). SQLite does not notice bytes
/// damaged inside a BLOB, so without it a damaged column would give wrong figures silently;
/// with it, a mismatch is reported as damage naming the file, and the entry is not rebuilt
/// (the table it came from may be damaged too). The cache only vouches for what it copied:
/// the `users` table has no checksum, so a cache rebuilt from a table whose records were
/// damaged in place (well-formed but wrong values) copies the wrong values.
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
    /// table has every value in hand) and restores the triggers. The users fingerprint's
    /// triggers are dropped too; its counter moves once and its hash is recorded from the same
    /// columns (``UsersFingerprintTable/recordBulkWrite(_:snapshot:)``). Without a snapshot the cache
    /// stays empty and is built on first use. Must run inside the writer's transaction: on
    /// error the transaction rolls back, triggers and cache included.
    static func bulkWrite<T>(_ db: Database, _ body: () throws -> (result: T, snapshot: CachedTable?)) throws -> T {
        for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try UsersFingerprintTable.dropTriggers(db)
        try db.execute(sql: "DELETE FROM users_column_cache")
        let (result, snapshot) = try body()
        if let snapshot {
            try store(db, snapshot, schema: UsersSchema.read(db))
        }
        try createTriggers(db)
        // The change counter moves once, and the content hash comes from the same snapshot.
        try UsersFingerprintTable.recordBulkWrite(db, snapshot: snapshot)
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
    ///
    /// Every entry read is checked against its checksum (its metadata, `data` and `dictionary`)
    /// before anything in it is trusted: a mismatch throws ``DamageFound`` (reported as
    /// ``StorageError/corrupt(path:detail:)``), never a silent rebuild, since the `users` table
    /// the cache was copied from may be damaged too. Entries written before checksums existed
    /// (`checksum` NULL) are stale: a miss, rebuilt on use.
    static func load(_ db: Database, columns: [UserColumnInfo], schema: UsersSchema) throws -> Lookup {
        let wanted = Set(columns.map(\.name) + ["user_id"])
        let marks = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, name, position, type, encoding, row_count, null_count, dictionary, checksum
            FROM users_column_cache WHERE name IN (\(marks))
            """, arguments: StatementArguments(Array(wanted)))
        guard rows.count == wanted.count else { return .miss }
        let entries = try rows.map(Entry.init(row:))
        if entries.contains(where: { $0.checksum == nil }) { return .miss }

        var stored: [String: StoredValues] = [:]
        for entry in entries {
            stored[entry.name] = try entry.readVerified(db)
        }

        // Verified: now an entry that disagrees with the schema is stale, not damaged.
        let rowCount = entries[0].rowCount
        var infos: [String: UserColumnInfo] = [:]
        for entry in entries {
            guard let position = schema.columns.firstIndex(where: { $0.name == entry.name }),
                  entry.position == position, entry.type == schema.columns[position].type.rawValue,
                  entry.rowCount == rowCount else { return .miss }
            infos[entry.name] = schema.columns[position]
        }
        if entries.contains(where: { $0.nullCount == uncacheableMark }) { return .uncacheable }

        var userIDs: [Int64] = []
        var loaded: [String: CachedColumn] = [:]
        for entry in entries {
            guard let info = infos[entry.name], let values = stored[entry.name] else { continue }
            func unexpected() -> DamageFound {
                DamageFound(detail: "column cache: the stored '\(entry.name)' column has encoding \(entry.encoding.rawValue), "
                            + "which a \(info.type.rawValue) column never gets")
            }
            if info.name == "user_id" {
                guard case let .int64(ids) = values else { throw unexpected() }
                userIDs = ids
                if columns.contains(where: { $0.name == "user_id" }) {
                    loaded["user_id"] = CachedColumn(info: info, values: .numeric(ids.map(Double.init)), nullCount: 0)
                }
            } else if info.type.isNumeric {
                guard let numbers = values.numbers else { throw unexpected() }
                loaded[info.name] = CachedColumn(info: info, values: .numeric(numbers), nullCount: entry.nullCount)
            } else {
                guard let codes = values.codes else { throw unexpected() }
                // The checksum vouches for codes and dictionary alike: they are as the cache wrote them.
                guard let dictionary = decodeDictionary(entry.dictionary) else {
                    throw DamageFound(detail: "column cache: the stored '\(entry.name)' column's dictionary cannot be read")
                }
                loaded[info.name] = CachedColumn(info: info, values: .text(codes: codes, dictionary: dictionary),
                                                 nullCount: entry.nullCount)
            }
        }
        return .hit(CachedTable(userIDs: userIDs, columns: loaded))
    }

    /// One row of `users_column_cache`, without its `data`.
    private struct Entry {
        let id: Int64
        let name: String
        let position: Int
        let type: String
        let encoding: Encoding
        let rowCount: Int
        let nullCount: Int
        let dictionary: Data?
        let checksum: Int64?

        init(row: Row) throws {
            id = try row.decode(forColumn: "id")
            name = try row.decode(forColumn: "name")
            position = try row.decode(forColumn: "position")
            type = try row.decode(forColumn: "type")
            rowCount = try row.decode(forColumn: "row_count")
            nullCount = try row.decode(forColumn: "null_count")
            dictionary = try row.decode(forColumn: "dictionary")
            checksum = try row.decode(forColumn: "checksum")
            let encoding: String = try row.decode(forColumn: "encoding")
            guard let known = Encoding(rawValue: encoding) else {
                throw DamageFound(detail: "column cache: the stored '\(name)' column has an unknown encoding '\(encoding.prefix(20))'")
            }
            self.encoding = known
        }

        /// Reads `data` and checks the entry against its checksum.
        func readVerified(_ db: Database) throws -> StoredValues {
            let count = nullCount == uncacheableMark ? 0 : rowCount
            guard count >= 0 else { throw mismatch() }
            func read<T: LittleEndianStorable>(_: T.Type) throws -> ([T], UInt64) {
                guard let read: ([T], UInt64) = try readBlob(db, id: id, count: count) else { throw mismatch() }
                return read
            }
            let values: StoredValues
            let dataHash: UInt64
            switch encoding {
            case .int64:
                let (read, hash) = try read(Int64.self)
                (values, dataHash) = (.int64(read), hash)
            case .float64:
                let (read, hash) = try read(Double.self)
                (values, dataHash) = (.float64(read), hash)
            case .int32:
                let (read, hash) = try read(Int32.self)
                (values, dataHash) = (.int32(read), hash)
            case .int16:
                let (read, hash) = try read(Int16.self)
                (values, dataHash) = (.int16(read), hash)
            case .int8:
                let (read, hash) = try read(Int8.self)
                (values, dataHash) = (.int8(read), hash)
            }
            let expected = dictionary.withUnsafeOptionalBytes { dictionary in
                entryChecksum(name: name, position: position, type: type, encoding: encoding, rowCount: rowCount,
                              nullCount: nullCount, dataHash: dataHash, dictionary: dictionary)
            }
            guard expected.storedChecksum == checksum else { throw mismatch() }
            return values
        }

        private func mismatch() -> DamageFound {
            DamageFound(detail: "column cache: the stored '\(name)' column fails its checksum, "
                        + "so the users table it was copied from may be damaged too")
        }
    }

    /// A cache entry's `data`, as stored.
    enum StoredValues {
        case int64([Int64]), float64([Double]), int32([Int32]), int16([Int16]), int8([Int8])

        /// Numbers, NULL (the integer type's minimum) as NaN; nil for `int64` (only `user_id`).
        var numbers: [Double]? {
            func widen<T: FixedWidthInteger>(_ values: [T]) -> [Double] { values.map { $0 == T.min ? .nan : Double($0) } }
            switch self {
            case let .float64(values): return values
            case let .int32(values): return widen(values)
            case let .int16(values): return widen(values)
            case let .int8(values): return widen(values)
            case .int64: return nil
            }
        }

        /// Dictionary codes (-1 for NULL); nil for floating-point or 64-bit data.
        var codes: [Int32]? {
            switch self {
            case let .int32(values): return values
            case let .int16(values): return values.map(Int32.init)
            case let .int8(values): return values.map(Int32.init)
            case .int64, .float64: return nil
            }
        }
    }

    /// The checksum of a cache entry: its metadata, its `data` (by `dataHash`, the
    /// ``BlobChecksum`` of the bytes) and its `dictionary` bytes (nil: none).
    static func entryChecksum(name: String, position: Int, type: String, encoding: Encoding, rowCount: Int, nullCount: Int,
                              dataHash: UInt64, dictionary: UnsafeRawBufferPointer?) -> UInt64 {
        let dictionaryPart = dictionary.map { String(BlobChecksum.hash($0)) } ?? "none"
        return BlobChecksum.hash("\(name)\u{0}\(position)\u{0}\(type)\u{0}\(encoding.rawValue)\u{0}\(rowCount)\u{0}"
                                 + "\(nullCount)\u{0}\(dataHash)\u{0}\(dictionaryPart)")
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
            INSERT OR REPLACE INTO users_column_cache (name, position, type, encoding, row_count, null_count, data, dictionary, checksum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { insert.reset() }
        func write(_ name: String, _ encoding: Encoding, nullCount: Int, data: UnsafeRawBufferPointer, dictionary: [UInt8]?) throws {
            guard let position = schema.columns.firstIndex(where: { $0.name == name }) else { return }
            let type = schema.columns[position].type.rawValue
            let dataHash = BlobChecksum.hash(data)
            insert.bindText(1, name)
            insert.bind(2, Int64(position))
            insert.bindText(3, type)
            insert.bindText(4, encoding.rawValue)
            insert.bind(5, Int64(table.rowCount))
            insert.bind(6, Int64(nullCount))
            insert.bindBlob(7, data)
            guard let dictionary else {
                insert.bindNull(8)
                insert.bind(9, entryChecksum(name: name, position: position, type: type, encoding: encoding, rowCount: table.rowCount,
                                             nullCount: nullCount, dataHash: dataHash, dictionary: nil).storedChecksum)
                return try insert.execute("caching column \(name)")
            }
            try dictionary.withUnsafeBytes { bytes in
                insert.bindBlob(8, bytes)
                insert.bind(9, entryChecksum(name: name, position: position, type: type, encoding: encoding, rowCount: table.rowCount,
                                             nullCount: nullCount, dataHash: dataHash, dictionary: bytes).storedChecksum)
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
    /// new array (incremental BLOB I/O: one copy), with the ``BlobChecksum`` of the bytes as
    /// stored; nil if the BLOB has another size.
    private static func readBlob<T: LittleEndianStorable>(_ db: Database, id: Int64, count: Int) throws -> ([T], UInt64)? {
        var blob: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", "users_column_cache", "data", id, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard opened == SQLITE_OK, let blob else {
            throw StepError(lastErrorOf: db, operation: "reading the column cache")
        }
        let byteCount = count * MemoryLayout<T>.stride
        guard Int(sqlite3_blob_bytes(blob)) == byteCount, byteCount <= Int32.max else { return nil }
        var status = SQLITE_OK
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if byteCount > 0 { status = sqlite3_blob_read(blob, buffer.baseAddress, Int32(byteCount), 0) }
            initialized = count
        }
        guard status == SQLITE_OK else {
            throw StepError(lastErrorOf: db, operation: "reading the column cache")
        }
        let checksum = BlobChecksum.hash(values)
        return (1.littleEndian == 1 ? values : values.map(\.byteSwapped), checksum)
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

extension Optional where Wrapped == Data {
    /// Runs `body` with the bytes (nil when there is no data).
    func withUnsafeOptionalBytes<R>(_ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let data = self else { return try body(nil) }
        return try data.withUnsafeBytes { try body($0) }
    }
}
