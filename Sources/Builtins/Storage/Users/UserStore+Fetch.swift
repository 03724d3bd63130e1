import GRDB
#if SWIFT_PACKAGE
import GRDBSQLite
#else
import SQLite3
#endif

extension UserStore {
    /// The matched users' `columns`, ordered by `user_id`, as column arrays (see ``UserColumns``):
    /// numeric columns (INTEGER and REAL) as `[Double]` with NULL as NaN, TEXT columns
    /// dictionary-encoded.
    ///
    /// Served from the column cache (``UsersColumnCache``): the needed columns are read as
    /// arrays, filtered and gathered in Swift. A column not cached yet is cached first (a
    /// write, which does not wait for another writer); when that is impossible (read-only file,
    /// another process writing, an INTEGER beyond ±2^53) the rows are read from the table with
    /// SQL instead: same result, slower. A cached column that fails its checksum, or a value
    /// whose type its STRICT column forbids, is reported as ``StorageError/corrupt(path:detail:)``.
    ///
    /// - Parameters:
    ///   - conditions: AND-ed conditions, validated against the current schema.
    ///   - columns: column names, matched exactly; `user_id` is always fetched into
    ///     ``UserColumns/userIDs`` and may also be requested as a numeric column.
    /// - Throws: ``StorageError/unknownColumn(name:known:)``, ``StorageError/typeMismatch(column:columnType:value:)``,
    ///   ``StorageError/invalidCondition(field:reason:)``, or ``StorageError/invalidArgument(_:)``
    ///   for a column requested twice.
    public func fetchColumns(matching conditions: [FilterCondition], columns: [String]) throws -> UserColumns {
        try fetchColumns(matching: filter(conditions), columns: columns)
    }

    /// ``fetchColumns(matching:columns:)`` for an already validated filter.
    public func fetchColumns(matching filter: UserFilter, columns: [String]) throws -> UserColumns {
        let cached = try fromCache("fetching user columns", filter: filter, columns: columns) { table, requested -> UserColumns? in
            guard case let .rows(rows) = table.select(filter) else { return nil }
            return table.gather(rows, columns: requested)
        }
        if let cached { return cached }
        return try database.read("fetching user columns") { db in
            try Self.scanColumns(db, filter: filter, columns: Self.requestedColumns(columns, schema: UsersSchema.read(db)))
        }
    }

    /// Answers `body` from the column cache, building missing columns if the database can be
    /// written; nil when the cache cannot answer (the caller then uses SQL).
    func fromCache<T>(_ operation: String, filter: UserFilter, columns: [String],
                      _ body: (CachedTable, [UserColumnInfo]) throws -> T?) throws -> T? {
        func attempt(_ db: Database, build: Bool) throws -> T?? {
            let schema = try UsersSchema.read(db)
            let requested = try Self.requestedColumns(columns, schema: schema)
            var needed = requested
            for field in filter.conditions.map(\.field) where !needed.contains(where: { $0.name == field }) {
                needed.append(try schema.require(field))
            }
            switch try UsersColumnCache.load(db, columns: needed, schema: schema) {
            case let .hit(table): return .some(try body(table, requested))
            case .uncacheable: return .some(nil)
            case .miss: break
            }
            guard build else { return .none }
            guard let table = try UsersColumnCache.build(db, columns: needed, schema: schema) else { return .some(nil) }
            return .some(try body(table, requested))
        }
        if let answer = try database.read(operation, { try attempt($0, build: false) }) {
            return answer
        }
        do {
            // Never waits for another writer: a read must not hang behind someone else's import.
            return try database.writeTransaction("\(operation) (building the column cache)", wait: .notAtAll) {
                try attempt($0, build: true)
            } ?? nil
        } catch StorageError.busy, StorageError.database {
            // The cache could not be written (another process is writing, a read-only file, a
            // full disk): the caller reads the same answer from the table, only slower. Damage
            // (StorageError.corrupt) is not caught: it must be reported.
            return nil
        }
    }

    /// `columns` resolved against `schema`, each at most once.
    static func requestedColumns(_ columns: [String], schema: UsersSchema) throws -> [UserColumnInfo] {
        var seen = Set<String>()
        return try columns.map { name -> UserColumnInfo in
            guard seen.insert(name).inserted else {
                throw StorageError.invalidArgument("column '\(name)' is requested twice")
            }
            return try schema.require(name)
        }
    }

    /// The SQL path: one prepared SELECT stepped through the C API, each value going straight
    /// from SQLite's record into the column arrays, with no `Row` or `DatabaseValue` in
    /// between. Used to build the column cache, and when the cache cannot answer.
    static func scanColumns(_ db: Database, filter: UserFilter, columns infos: [UserColumnInfo]) throws -> UserColumns {
        // Arrays grow as rows arrive: a COUNT first would be a second scan, dearer than regrowth.
        let expected = filter.conditions.isEmpty ? try count(in: db, filter: .all) : 1024

        let selectList = (["user_id"] + infos.map(\.name)).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let statement = try RawStatement(db, sql: "SELECT \(selectList) FROM users\(filter.whereClause) ORDER BY user_id")
        try statement.setArguments(filter.statementArguments)

        // Result slots by kind; `slot` maps a requested column to its numeric or text slot.
        let numericIndexes = infos.indices.filter { infos[$0].type.isNumeric }
        let textIndexes = infos.indices.filter { !infos[$0].type.isNumeric }
        let numericSQL = numericIndexes.map { Int32($0 + 1) }
        let textSQL = textIndexes.map { Int32($0 + 1) }

        var ids: [Int64] = []
        ids.reserveCapacity(expected)
        var numbers = [[Double]](repeating: [], count: numericIndexes.count)
        var numberNulls = [Int](repeating: 0, count: numericIndexes.count)
        for slot in numbers.indices { numbers[slot].reserveCapacity(expected) }
        var codes = [[Int32]](repeating: [], count: textIndexes.count)
        var encoders = [TextDictionaryEncoder](repeating: TextDictionaryEncoder(), count: textIndexes.count)
        var codeNulls = [Int](repeating: 0, count: textIndexes.count)
        for slot in codes.indices { codes[slot].reserveCapacity(expected) }

        // A STRICT table stores only its column's type (or NULL): any other type is damage.
        var wrongType: (row: Int64, column: Int32, type: Int32)?
        do throws(StepError) {
            rows: while try statement.step() {
                ids.append(statement.int64(0))
                for slot in numericSQL.indices {
                    let column = numericSQL[slot]
                    switch statement.type(column) {
                    case SQLITE_INTEGER, SQLITE_FLOAT:
                        numbers[slot].append(statement.double(column))
                    case SQLITE_NULL:
                        numbers[slot].append(.nan)
                        numberNulls[slot] += 1
                    case let other:
                        wrongType = (statement.int64(0), column, other)
                        break rows
                    }
                }
                for slot in textSQL.indices {
                    let column = textSQL[slot]
                    switch statement.type(column) {
                    case SQLITE_TEXT:
                        // nil only when SQLite runs out of memory converting the value.
                        guard let bytes = statement.textBytes(column) else {
                            throw StepError(lastErrorOf: statement.db, operation: "fetching user columns")
                        }
                        codes[slot].append(encoders[slot].code(for: bytes))
                    case SQLITE_NULL:
                        codes[slot].append(-1)
                        codeNulls[slot] += 1
                    case let other:
                        wrongType = (statement.int64(0), column, other)
                        break rows
                    }
                }
            }
        } catch {
            throw error.during("fetching user columns")
        }
        if let wrongType {
            statement.reset()
            let info = infos[Int(wrongType.column) - 1]
            let kind = [SQLITE_INTEGER: "INTEGER", SQLITE_FLOAT: "REAL", SQLITE_TEXT: "TEXT", SQLITE_BLOB: "BLOB"][wrongType.type] ?? "unknown"
            throw DamageFound(detail: "users row with user_id \(wrongType.row): column '\(info.name)' holds a \(kind) value, "
                              + "which its \(info.type.rawValue) type forbids")
        }
        statement.reset()

        var result = [FetchedColumn?](repeating: nil, count: infos.count)
        for (slot, index) in numericIndexes.enumerated() {
            result[index] = .numeric(NumericColumn(
                name: infos[index].name, type: infos[index].type, values: numbers[slot], nullCount: numberNulls[slot]))
        }
        for (slot, index) in textIndexes.enumerated() {
            result[index] = .text(TextColumn(
                name: infos[index].name, codes: codes[slot], dictionary: encoders[slot].strings(), nullCount: codeNulls[slot]))
        }
        return UserColumns(userIDs: ids, columns: result.compactMap { $0 })
    }
}
