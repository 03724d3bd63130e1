import GRDB

/// What `data generate` did.
public struct GenerateReport: Sendable, Hashable {
    /// Rows inserted.
    public let rows: Int
    /// The seed used.
    public let seed: UInt64
    /// Rows the table had before (removed: only possible with `replace`).
    public let replacedRows: Int
    /// Rows per planted segment, in ``UserGenerator/Segment`` order.
    public let segmentCounts: [Int]
}

extension UserStore {
    /// Reports `(done, total)` rows about every 1 % of the work; called on the calling thread.
    public typealias Progress = (_ done: Int, _ total: Int) -> Void

    /// Fills `users` with `rows` synthetic users from ``UserGenerator`` (ids 1…rows) plus the
    /// `true_segment` column, in one transaction with one prepared INSERT.
    ///
    /// A table that already has rows is **refused** (``StorageError/usersNotEmpty(rows:)``)
    /// unless `replace` is true, in which case its rows and its non-seed columns are removed
    /// first, in the same transaction: the table ends up exactly the generated sample, or —
    /// on any error — exactly as it was.
    @discardableResult
    public func generate(rows: Int, seed: UInt64, replace: Bool = false, progress: Progress? = nil) throws -> GenerateReport {
        guard (1...100_000_000).contains(rows) else {
            throw StorageError.invalidArgument("--rows must be between 1 and 100000000, got \(rows)")
        }
        let report = try database.writeTransaction("generating users") { db in
            let existing = try Self.count(in: db, filter: .all)
            if existing > 0 && !replace {
                throw StorageError.usersNotEmpty(rows: existing)
            }
            return try UsersColumnCache.bulkWrite(db) {
                try Self.insertGenerated(db, rows: rows, seed: seed, replacedRows: existing, progress: progress)
            }
        }
        try database.checkpointAfterBulkWrite("generating users")
        return report
    }

    /// If `users` is empty, generates the default sample (`rows` users from `seed`) and returns
    /// true; otherwise leaves the table alone and returns false. Check and fill are one
    /// transaction, so two processes cannot both fill it.
    @discardableResult
    public func defaultSampleIfEmpty(rows: Int = 20_000, seed: UInt64 = 42, progress: Progress? = nil) throws -> Bool {
        let generated = try database.writeTransaction("generating the default sample") { db in
            guard try Self.count(in: db, filter: .all) == 0 else { return false }
            _ = try UsersColumnCache.bulkWrite(db) {
                try Self.insertGenerated(db, rows: rows, seed: seed, replacedRows: 0, progress: progress)
            } as GenerateReport
            return true
        }
        if generated { try database.checkpointAfterBulkWrite("generating the default sample") }
        return generated
    }

    /// The columns the generator writes, in binding order.
    static let generatedColumns = [
        "user_id", "age", "gender", "city_tier", "privacy_pref", "price_sensitivity", "brand_awareness_bose",
        "emi_flag", "device_count", "has_children", "parenting_stage", "occupation", "education_level",
        "family_size", "income_source", "true_segment",
    ]

    /// Inserts the users and returns them column by column too, for the column cache.
    private static func insertGenerated(
        _ db: Database, rows: Int, seed: UInt64, replacedRows: Int, progress: Progress?
    ) throws -> (GenerateReport, CachedTable?) {
        // The table is empty or being replaced: drop columns a previous import added, so the
        // result is exactly the seed schema plus true_segment.
        try resetUsers(db)
        try addColumn(db, name: "true_segment", type: .text)

        let insert = try BatchedInsert(db, columns: generatedColumns)

        var generator = UserGenerator(seed: seed)
        var segmentCounts = [Int](repeating: 0, count: UserGenerator.Segment.allCases.count)
        // Kept for the column cache up to a size that fits comfortably in memory (~100 bytes a row).
        var columns: GeneratedColumns?
        if rows <= UsersColumnCache.maximumSnapshotRows { columns = GeneratedColumns(capacity: rows) }
        let step = max(1, rows / 100)
        progress?(0, rows)
        var done = 0
        while done < rows {
            let statement = insert.statement(forRemaining: rows - done)
            for row in 0..<statement.rows {
                let user = generator.next()
                segmentCounts[user.segmentCode] += 1
                columns?.append(user)
                let base = Int32(row * generatedColumns.count)
                statement.bind(base + 1, user.userID)
                statement.bind(base + 2, user.age)
                statement.bindStatic(base + 3, UserGenerator.genders[user.genderCode])
                statement.bindStatic(base + 4, UserGenerator.tiers[user.tierCode])
                statement.bind(base + 5, user.privacyPref)
                statement.bind(base + 6, user.priceSensitivity)
                statement.bind(base + 7, user.brandAwareness)
                statement.bind(base + 8, user.emiFlag)
                statement.bind(base + 9, user.deviceCount)
                statement.bind(base + 10, user.hasChildren)
                statement.bindStatic(base + 11, UserGenerator.stages[user.stageCode])
                statement.bindStatic(base + 12, UserGenerator.occupations[user.occupationCode])
                statement.bindStatic(base + 13, UserGenerator.educationLevels[user.educationCode])
                statement.bind(base + 14, user.familySize)
                statement.bindStatic(base + 15, UserGenerator.incomeSources[user.incomeCode])
                statement.bindStatic(base + 16, UserGenerator.segments[user.segmentCode])
            }
            try statement.execute("generating users (rows \(done + 1)…\(done + statement.rows))")
            let before = done
            done += statement.rows
            if done / step != before / step || done == rows { progress?(done, rows) }
        }
        insert.reset()
        let report = GenerateReport(rows: rows, seed: seed, replacedRows: replacedRows, segmentCounts: segmentCounts)
        return (report, try columns?.table(schema: UsersSchema.read(db)))
    }
}

/// The generated users column by column, in user_id order: the column cache's content,
/// collected while inserting so the table need not be read back.
private struct GeneratedColumns {
    static let numericNames = ["age", "privacy_pref", "price_sensitivity", "brand_awareness_bose", "emi_flag",
                               "device_count", "has_children", "family_size"]
    static let textNames = ["gender", "city_tier", "parenting_stage", "occupation", "education_level",
                            "income_source", "true_segment"]
    static let dictionaries = [UserGenerator.genders, UserGenerator.tiers, UserGenerator.stages, UserGenerator.occupations,
                               UserGenerator.educationLevels, UserGenerator.incomeSources, UserGenerator.segments]
        .map { $0.map(\.description) }

    var ids: [Int64] = []
    var numbers: [[Double]]
    var codes: [[Int32]]

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        numbers = Self.numericNames.map { _ in
            var values: [Double] = []
            values.reserveCapacity(capacity)
            return values
        }
        codes = Self.textNames.map { _ in
            var values: [Int32] = []
            values.reserveCapacity(capacity)
            return values
        }
    }

    mutating func append(_ user: GeneratedUser) {
        ids.append(user.userID)
        numbers[0].append(Double(user.age))
        numbers[1].append(user.privacyPref)
        numbers[2].append(user.priceSensitivity)
        numbers[3].append(user.brandAwareness)
        numbers[4].append(Double(user.emiFlag))
        numbers[5].append(Double(user.deviceCount))
        numbers[6].append(Double(user.hasChildren))
        numbers[7].append(Double(user.familySize))
        codes[0].append(Int32(user.genderCode))
        codes[1].append(Int32(user.tierCode))
        codes[2].append(Int32(user.stageCode))
        codes[3].append(Int32(user.occupationCode))
        codes[4].append(Int32(user.educationCode))
        codes[5].append(Int32(user.incomeCode))
        codes[6].append(Int32(user.segmentCode))
    }

    func table(schema: UsersSchema) throws -> CachedTable {
        var columns: [String: CachedColumn] = [:]
        for (name, values) in zip(Self.numericNames, numbers) {
            columns[name] = CachedColumn(info: try schema.require(name), values: .numeric(values), nullCount: 0)
        }
        for (index, name) in Self.textNames.enumerated() {
            columns[name] = CachedColumn(info: try schema.require(name),
                                         values: .text(codes: codes[index], dictionary: Self.dictionaries[index]), nullCount: 0)
        }
        return CachedTable(userIDs: ids, columns: columns)
    }
}
