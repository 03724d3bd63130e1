import GRDB

extension UserStore {
    /// Imports a CSV file into `users`, all-or-nothing.
    ///
    /// The header maps columns by name (trimmed, case-insensitive); `user_id` is required. Seed
    /// columns are checked by type and range (see ``SeedColumn``); columns the table does not
    /// have are **kept**: added with an inferred type (see ``ImportPlan``) and listed in the
    /// report. An empty field is NULL (except `user_id`). Duplicate ids in the file are an
    /// error naming both lines.
    ///
    /// Everything — the ALTER TABLEs, the optional removal of old rows, every insert — is one
    /// transaction: an error at line 900,000 leaves the table exactly as it was. When the file
    /// has new columns it is read twice (first to infer their types, then to insert), and
    /// `progress` counts bytes over both passes.
    ///
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - name: how errors name the file (default: `path`).
    ///   - mode: ``ImportMode/append`` (default) or ``ImportMode/replace``.
    ///   - progress: `(bytesDone, bytesTotal)` about every 1 %.
    /// - Throws: ``ImportError`` naming file, line, column and value; ``StorageError`` naming the
    ///   database when the database is damaged (``StorageError/corrupt(path:detail:)``), busy
    ///   (``StorageError/busy(path:operation:holder:waited:)``) or refuses the write.
    @discardableResult
    public func importCSV(at path: String, name: String? = nil, mode: ImportMode = .append,
                          progress: Progress? = nil) throws -> ImportReport {
        let file = name ?? path
        let report = try database.writeTransaction("importing \(file)") { db in
            try UsersColumnCache.bulkWrite(db) {
                try Self.importCSV(db, path: path, file: file, database: database.path, mode: mode, progress: progress)
            } as ImportReport
        }
        try database.checkpointAfterBulkWrite("importing \(file)")
        return report
    }

    /// The import proper; also returns the whole table column by column when the table was
    /// empty before (so the column cache is written without reading the table back).
    private static func importCSV(_ db: Database, path: String, file: String, database: String, mode: ImportMode,
                                  progress: Progress?) throws -> (ImportReport, CachedTable?) {
        var header = try CSVReader(path: path, file: file)
        guard try header.nextRecord() else { throw ImportError.emptyFile(file: file) }
        var names: [String] = []
        for index in 0..<header.fieldCount {
            names.append(trimmed(String(decoding: header.field(index), as: UTF8.self)))
        }
        let current = try UsersSchema.read(db)
        let schema = mode == .replace ? UsersSchema(columns: current.columns.filter(\.isSeed)) : current
        var plan = try ImportPlan(file: file, header: names, line: header.recordLine, schema: schema)

        let added = plan.addedIndexes
        let passes = added.isEmpty ? 1 : 2
        let total = header.totalBytes * passes
        var reporter = ProgressReporter(total: total, progress: progress)

        if !added.isEmpty {
            // Pass 1: infer the new columns' types (and fail early on malformed CSV).
            var inference = [TypeInference](repeating: TypeInference(), count: added.count)
            var reader = try CSVReader(path: path, file: file)
            _ = try reader.nextRecord()
            while try reader.nextRecord() {
                try checkFieldCount(reader, expected: names.count)
                for (slot, index) in added.enumerated() { inference[slot].observe(reader.field(index)) }
                reporter.report(reader.bytesConsumed)
            }
            plan.setInferredTypes(Dictionary(uniqueKeysWithValues: zip(added, inference)))
        }

        let existingRows = try count(in: db, filter: .all)
        var replacedRows = 0
        if mode == .replace {
            replacedRows = existingRows
            try resetUsers(db)
        }
        // Into an empty table the imported rows are the whole table: keep them for the cache.
        var collected: ImportColumns?
        if mode == .replace || existingRows == 0 { collected = ImportColumns(columnCount: plan.columns.count) }
        for index in added {
            try addColumn(db, name: plan.columns[index].name, type: plan.columns[index].type)
        }

        // Pass 2: check and convert every record, and insert them 64 to a statement.
        let insert = try BatchedInsert(db, columns: plan.columns.map(\.name))
        let offset = passes == 2 ? header.totalBytes : 0
        var nullCounts = [Int](repeating: 0, count: plan.columns.count)
        var ids = UserIDLines()
        var batch = ImportBatch(columnCount: plan.columns.count)
        var rows = 0
        var reader = header  // continue after the header
        while try reader.nextRecord() {
            let line = reader.recordLine
            try checkFieldCount(reader, expected: names.count)
            for index in plan.columns.indices {
                if try !plan.parse(reader.field(index), column: index, line: line, into: &batch, collecting: &collected) {
                    nullCounts[index] += 1
                }
            }
            let userID = FieldParser.integer(reader.field(plan.userIDIndex)) ?? 0
            if let firstLine = ids.insert(userID, line: line) {
                throw ImportError.duplicateUserID(file: file, userID: userID, firstLine: firstLine, line: line)
            }
            collected?.appendID(userID)
            if rows == UsersColumnCache.maximumSnapshotRows { collected = nil }  // too big to hold: cache on first use
            batch.finishRow(line: line, userID: userID)
            if batch.isFull {
                try flush(&batch, insert, db: db, file: file, database: database)
            }
            rows += 1
            reporter.report(offset + reader.bytesConsumed)
        }
        try flush(&batch, insert, db: db, file: file, database: database)
        insert.reset()
        reporter.finish()

        let imported = Set(plan.columns.map(\.name))
        let snapshot = try collected?.table(plan: plan, schema: UsersSchema.read(db), ascending: ids.isAscending)
        let report = ImportReport(
            file: file, rows: rows, mode: mode, replacedRows: replacedRows,
            columns: plan.columns.indices.map { index in
                let column = plan.columns[index]
                return ImportedColumn(header: column.header, name: column.name, type: column.type,
                                      origin: column.origin, nullCount: nullCounts[index])
            },
            missingSeedColumns: SeedColumn.all.map(\.name).filter { !imported.contains($0) })
        return (report, snapshot)
    }

    /// Inserts the batch's rows (one statement when full, else row by row) and empties it.
    /// A statement that fails inserts none of its rows; a primary-key conflict is traced to the
    /// first row whose id the table already has. Damage and a busy file are rethrown as SQLite
    /// reported them (``PersonaDatabase`` names the database); other refusals name the CSV line
    /// and the `database` file.
    private static func flush(_ batch: inout ImportBatch, _ insert: BatchedInsert, db: Database, file: String,
                              database: String) throws {
        var first = 0
        while first < batch.rowCount {
            let statement = insert.statement(forRemaining: batch.rowCount - first)
            do throws(StepError) {
                try batch.insert(rows: first, with: statement)
            } catch where error.isPrimaryKeyConflict {
                for row in first..<(first + statement.rows) {
                    let id = batch.userIDs[row]
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE user_id = ?)", arguments: [id]) == true {
                        throw ImportError.userIDExists(file: file, line: batch.lines[row], userID: id)
                    }
                }
                throw ImportError.database(file: file, line: batch.lines[first], message: "\(database): \(error.message)")
            } catch where error.isCorruptOrBusy {
                throw error.during("importing \(file), line \(batch.lines[first])")
            } catch {
                throw ImportError.database(file: file, line: batch.lines[first], message: "\(database): \(error.message)")
            }
            first += statement.rows
        }
        batch.clear()
    }

    private static func trimmed(_ text: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    private static func checkFieldCount(_ reader: borrowing CSVReader, expected: Int) throws(ImportError) {
        if reader.fieldCount != expected {
            throw .fieldCount(file: reader.file, line: reader.recordLine, expected: expected, found: reader.fieldCount)
        }
    }
}
