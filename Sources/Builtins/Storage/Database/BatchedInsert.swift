import GRDB

/// An INSERT into `users` that writes up to ``rowsPerStatement`` rows per statement.
///
/// SQLite's fixed cost per statement execution (VM start and halt, cursor open and close)
/// is about a quarter of a 16-column single-row insert; sharing it among 64 rows makes bulk
/// loads about 25 % cheaper. A failing multi-row statement inserts none of its rows.
struct BatchedInsert {
    /// Rows per full statement (64 × 16 columns = 1,024 parameters, far under SQLite's limit).
    static let rowsPerStatement = 64

    /// A prepared statement inserting `rows` rows; row `r`'s column `c` is parameter `r × columns + c + 1`.
    struct Statement {
        let raw: RawStatement
        let rows: Int

        @inline(__always) func bindNull(_ index: Int32) { raw.bindNull(index) }
        @inline(__always) func bind(_ index: Int32, _ value: Int64) { raw.bind(index, value) }
        @inline(__always) func bind(_ index: Int32, _ value: Double) { raw.bind(index, value) }
        @inline(__always) func bindText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) { raw.bindText(index, bytes) }
        @inline(__always) func bindStatic(_ index: Int32, _ text: StaticString) { raw.bindStatic(index, text) }

        func execute() throws(StepError) { try raw.execute() }
        func execute(_ operation: @autoclosure () -> String) throws { try raw.execute(operation()) }
    }

    let columnCount: Int
    private let full: Statement
    private let single: Statement

    init(_ db: Database, columns: [String]) throws {
        columnCount = columns.count
        let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", ")
        full = Statement(raw: try RawStatement(db, sql: "INSERT INTO users (\(list)) VALUES \(values)"), rows: Self.rowsPerStatement)
        single = Statement(raw: try RawStatement(db, sql: "INSERT INTO users (\(list)) VALUES \(row)"), rows: 1)
    }

    /// The full statement while at least ``rowsPerStatement`` rows remain, else the single-row one.
    func statement(forRemaining remaining: Int) -> Statement {
        remaining >= Self.rowsPerStatement ? full : single
    }

    func reset() {
        full.raw.reset()
        single.raw.reset()
    }
}
