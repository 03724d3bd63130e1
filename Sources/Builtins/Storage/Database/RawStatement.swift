import GRDB
#if SWIFT_PACKAGE
import GRDBSQLite
#else
import SQLite3
#endif

/// A GRDB statement driven through the SQLite C API, for the bulk paths (generate, import,
/// columnar fetch) where per-row `DatabaseValue`s and `Row`s would cost more than the work.
///
/// GRDB prepares the statement and owns it (it is finalized with its `Statement`); this type
/// only binds, steps and reads columns. It is used inside one `Database` access closure and
/// never escapes it, so it needs no synchronization.
struct RawStatement {
    let db: Database
    let statement: Statement
    /// The `sqlite3_stmt *`.
    let handle: OpaquePointer

    /// Prepares `sql` (not cached: bulk statements run once per call).
    init(_ db: Database, sql: String) throws {
        self.db = db
        self.statement = try db.makeStatement(sql: sql)
        self.handle = statement.sqliteStatement
    }

    @inline(__always) func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    @inline(__always) func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    @inline(__always) func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds UTF-8 bytes without copying: the bytes must stay valid until the next `step`.
    @inline(__always) func bindText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        // A zero-length text must not be bound from a nil base address (that would be NULL).
        let base = bytes.baseAddress ?? UnsafeRawPointer(emptyText.utf8Start)
        sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Binds a static string (its bytes live for the whole program: no copy).
    @inline(__always) func bindStatic(_ index: Int32, _ text: StaticString) {
        bindText(index, UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Binds a Swift string (copied by SQLite).
    func bindText(_ index: Int32, _ string: String) {
        var string = string
        _ = string.withUTF8 { bytes in
            sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress ?? emptyText.utf8Start)
                .assumingMemoryBound(to: CChar.self), Int32(bytes.count), sqliteTransient)
        }
    }

    /// Binds bytes as a BLOB without copying: the bytes must stay valid until the next `step`.
    @inline(__always) func bindBlob(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        let base = bytes.baseAddress ?? UnsafeRawPointer(emptyText.utf8Start)
        sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(bytes.count), nil)
    }

    /// Binds the whole argument list through GRDB (used once per statement, not per row).
    func setArguments(_ arguments: StatementArguments) throws {
        try statement.setArguments(arguments)
    }

    /// Steps once: true when a row is available, false when done. Throws
    /// ``StepError`` with SQLite's message and extended code on failure.
    @inline(__always) func step() throws(StepError) -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        throw StepError(code: sqlite3_extended_errcode(db.sqliteConnection), message: message)
    }

    /// ``step()`` with failures carrying `operation` (``PersonaDatabase`` reports them naming the file).
    @inline(__always) func step(_ operation: @autoclosure () -> String) throws(StepError) -> Bool {
        do throws(StepError) {
            return try step()
        } catch {
            throw error.during(operation())
        }
    }

    /// Steps an INSERT/UPDATE that returns no row, then resets it for the next binding.
    @inline(__always) func execute() throws(StepError) {
        _ = try step()
        sqlite3_reset(handle)
    }

    /// ``execute()`` with failures carrying `operation` (``PersonaDatabase`` reports them naming the file).
    func execute(_ operation: @autoclosure () -> String) throws(StepError) {
        do throws(StepError) {
            try execute()
        } catch {
            throw error.during(operation())
        }
    }

    /// Resets the statement and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Reading the current row

    /// The value's SQLite type (`SQLITE_INTEGER`, `SQLITE_FLOAT`, `SQLITE_TEXT`, `SQLITE_BLOB`, `SQLITE_NULL`).
    @inline(__always) func type(_ column: Int32) -> Int32 {
        sqlite3_column_type(handle, column)
    }

    @inline(__always) func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    @inline(__always) func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    @inline(__always) func double(_ column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    /// The column's BLOB bytes, valid until the next step or reset (empty for NULL or a zero-length blob).
    @inline(__always) func blobBytes(_ column: Int32) -> UnsafeRawBufferPointer {
        // sqlite3_column_blob first, then sqlite3_column_bytes (SQLite's documented order).
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let pointer, count > 0 else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    /// The column's UTF-8 bytes, valid until the next step or reset; nil when NULL.
    @inline(__always) func textBytes(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }
}

/// A failed SQLite C call (`sqlite3_step`, BLOB I/O), with SQLite's own code so
/// ``PersonaDatabase`` can tell damage (`SQLITE_CORRUPT`) and a busy file from other failures.
struct StepError: Error {
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, …).
    let code: Int32
    let message: String
    /// What storage was doing, when the caller said.
    var operation: String?

    init(code: Int32, message: String, operation: String? = nil) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    /// The last error of connection `db` (after a failed C call).
    init(lastErrorOf db: Database, operation: String) {
        self.init(code: sqlite3_extended_errcode(db.sqliteConnection),
                  message: String(cString: sqlite3_errmsg(db.sqliteConnection)), operation: operation)
    }

    /// This error, saying it happened during `operation`.
    func during(_ operation: String) -> StepError {
        StepError(code: code, message: message, operation: operation)
    }

    /// `SQLITE_CONSTRAINT_PRIMARYKEY` (a C macro Swift does not import): `SQLITE_CONSTRAINT | (6 << 8)`.
    var isPrimaryKeyConflict: Bool { code == SQLITE_CONSTRAINT | (6 << 8) }

    /// True for damage (`SQLITE_CORRUPT`, `SQLITE_NOTADB`) and a busy file, which are reported
    /// as such whatever storage was doing.
    var isCorruptOrBusy: Bool {
        let failure = SQLiteFailure(code: code)
        return failure == .corrupt || failure == .busy
    }
}

/// SQLite's `SQLITE_TRANSIENT` destructor (a C macro Swift does not import): copy the bytes now.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A static empty C string to point at for an empty text (SQLite reads zero bytes from it).
private let emptyText: StaticString = ""
