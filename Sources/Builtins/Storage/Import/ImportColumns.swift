/// The values an import into an empty table inserted, column by column: the column cache's
/// content, collected while parsing so the table need not be read back (see ``UsersColumnCache``).
struct ImportColumns {
    private(set) var ids: [Int64] = []
    private var numbers: [[Double]]
    private var codes: [[Int32]]
    private var encoders: [TextDictionaryEncoder]
    private var nullCounts: [Int]

    init(columnCount: Int) {
        numbers = Array(repeating: [], count: columnCount)
        codes = Array(repeating: [], count: columnCount)
        encoders = Array(repeating: TextDictionaryEncoder(), count: columnCount)
        nullCounts = Array(repeating: 0, count: columnCount)
    }

    @inline(__always) mutating func appendID(_ id: Int64) {
        ids.append(id)
    }

    @inline(__always) mutating func appendNull(_ column: Int, type: ColumnType) {
        if type == .text { codes[column].append(-1) } else { numbers[column].append(.nan) }
        nullCounts[column] += 1
    }

    @inline(__always) mutating func append(_ column: Int, number: Double) {
        numbers[column].append(number)
    }

    @inline(__always) mutating func append(_ column: Int, text bytes: UnsafeRawBufferPointer) {
        codes[column].append(encoders[column].code(for: bytes))
    }

    /// The whole table as cached columns, in user_id order: the file's columns, and all-NULL
    /// columns for the table's columns the file does not have. `ascending` says the file's ids
    /// were already in order (else the rows are sorted here).
    func table(plan: ImportPlan, schema: UsersSchema, ascending: Bool) -> CachedTable {
        let order: [Int]? = ascending ? nil : ids.indices.sorted { ids[$0] < ids[$1] }
        func reordered<T>(_ values: [T]) -> [T] {
            order.map { $0.map { values[$0] } } ?? values
        }
        var columns: [String: CachedColumn] = [:]
        for (index, column) in plan.columns.enumerated() where column.name != "user_id" {
            guard let info = schema.column(named: column.name) else { continue }
            let values: CachedColumn.Values = column.type == .text
                ? .text(codes: reordered(codes[index]), dictionary: encoders[index].strings())
                : .numeric(reordered(numbers[index]))
            columns[column.name] = CachedColumn(info: info, values: values, nullCount: nullCounts[index])
        }
        for info in schema.columns where columns[info.name] == nil && info.name != "user_id" {
            let values: CachedColumn.Values = info.type == .text
                ? .text(codes: Array(repeating: -1, count: ids.count), dictionary: [])
                : .numeric(Array(repeating: .nan, count: ids.count))
            columns[info.name] = CachedColumn(info: info, values: values, nullCount: ids.count)
        }
        return CachedTable(userIDs: reordered(ids), columns: columns)
    }
}
