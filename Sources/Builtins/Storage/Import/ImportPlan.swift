/// How the CSV's header maps onto `users`, and how each field is checked and bound.
///
/// Header names are trimmed and matched to table columns ignoring case; a name may not be
/// empty, repeat another, be `rowid`/`oid`/`_rowid_`, or contain control characters or `"`. A name not in the
/// table becomes a new column, whose type is inferred from all its non-empty values: INTEGER if
/// every one is an integer, else REAL if every one is a number, else TEXT (TEXT too when the
/// column is entirely empty).
struct ImportPlan {
    struct Column {
        let header: String
        let name: String
        var type: ColumnType
        let origin: ImportedColumnOrigin
        let constraint: SeedConstraint?
    }

    let file: String
    private(set) var columns: [Column]
    /// The field index of `user_id`.
    let userIDIndex: Int
    /// `columns`' types and constraints as plain arrays, for the per-field hot path (no
    /// copy of a `Column` and its strings per field).
    private(set) var types: [ColumnType]
    private let constraints: [SeedConstraint?]

    /// Maps `header` (from line `line`) onto `schema`. In replace mode pass only the seed
    /// columns as `schema`: the others are about to be dropped.
    init(file: String, header: [String], line: Int, schema: UsersSchema) throws(ImportError) {
        self.file = file
        var seen: [String: Int] = [:]
        var columns: [Column] = []
        for (index, name) in header.enumerated() {
            let position = index + 1
            if name.isEmpty {
                throw .badHeader(file: file, line: line, column: position, name: name, reason: "the name is empty")
            }
            let key = name.lowercased()
            if let first = seen[key] {
                throw .badHeader(file: file, line: line, column: position, name: name,
                                 reason: "repeats column \(first) ('\(header[first - 1])')")
            }
            seen[key] = position
            if ["rowid", "oid", "_rowid_"].contains(key) {
                throw .badHeader(file: file, line: line, column: position, name: name, reason: "the name is reserved by SQLite")
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw .badHeader(file: file, line: line, column: position, name: name, reason: "the name has control characters")
            }
            if name.contains("\"") {
                // SQLite 3.40 cannot add such a column to a STRICT table (it misreads the quoted name).
                throw .badHeader(file: file, line: line, column: position, name: name, reason: "the name contains a double quote")
            }
            if let existing = schema.column(caseInsensitive: name) {
                let seed = SeedColumn.named(existing.name)
                columns.append(Column(header: name, name: existing.name, type: existing.type,
                                      origin: seed == nil ? .existing : .seed, constraint: seed?.constraint))
            } else {
                columns.append(Column(header: name, name: name, type: .text, origin: .added, constraint: nil))
            }
        }
        guard let userIDIndex = columns.firstIndex(where: { $0.name == "user_id" }) else {
            throw .missingUserID(file: file, header: header)
        }
        self.columns = columns
        self.userIDIndex = userIDIndex
        types = columns.map(\.type)
        constraints = columns.map(\.constraint)
    }

    /// Indexes of the columns whose type must be inferred.
    var addedIndexes: [Int] { columns.indices.filter { columns[$0].origin == .added } }

    /// Sets the type of added columns from a pass over the file (see ``TypeInference``).
    mutating func setInferredTypes(_ inference: [Int: TypeInference]) {
        for (index, state) in inference { columns[index].type = state.type }
        types = columns.map(\.type)
    }

    /// Checks field `index` of the record on `line`, stores its value in `batch`, and adds it
    /// to `collected` when the import keeps the values for the column cache. Returns false when
    /// the field is empty (NULL).
    @inline(__always)
    func parse(_ bytes: UnsafeRawBufferPointer, column index: Int, line: Int, into batch: inout ImportBatch,
               collecting collected: inout ImportColumns?) throws(ImportError) -> Bool {
        let type = types[index]
        if bytes.isEmpty {
            if index == userIDIndex { throw invalid(bytes, index, line, "is empty; every row needs a user_id") }
            batch.setNull(index)
            collected?.appendNull(index, type: type)
            return false
        }
        switch type {
        case .integer:
            guard let value = FieldParser.integer(bytes) else { throw invalid(bytes, index, line, "is not an integer") }
            if let constraint = constraints[index], let reason = constraint.violation(Double(value)) {
                throw invalid(bytes, index, line, reason)
            }
            batch.set(index, integer: value)
            collected?.append(index, number: Double(value))
        case .real:
            guard let value = FieldParser.number(bytes) else { throw invalid(bytes, index, line, "is not a number") }
            if let constraint = constraints[index], let reason = constraint.violation(value) {
                throw invalid(bytes, index, line, reason)
            }
            batch.set(index, real: value)
            collected?.append(index, number: value)
        case .text:
            guard FieldParser.isValidUTF8(bytes) else { throw invalid(bytes, index, line, "is not valid UTF-8") }
            batch.set(index, text: bytes)
            collected?.append(index, text: bytes)
        }
        return true
    }

    func invalid(_ bytes: UnsafeRawBufferPointer, _ index: Int, _ line: Int, _ reason: String) -> ImportError {
        .invalidValue(file: file, line: line, column: columns[index].header, value: ImportError.display(bytes), reason: reason)
    }
}

/// The running type guess for a new column: narrowed by each non-empty value.
struct TypeInference {
    private var allIntegers = true
    private var allNumbers = true
    private var sawValue = false

    mutating func observe(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty, allNumbers else { return }
        sawValue = true
        if allIntegers, FieldParser.integer(bytes) != nil { return }
        allIntegers = false
        if FieldParser.number(bytes) == nil { allNumbers = false }
    }

    var type: ColumnType {
        guard sawValue else { return .text }
        return allIntegers ? .integer : allNumbers ? .real : .text
    }
}

extension SeedConstraint {
    /// Why `value` breaks the rule (completing "'<value>' …"), or nil if it is fine.
    func violation(_ value: Double) -> String? {
        switch self {
        case let .integerRange(range):
            return value >= Double(range.lowerBound) && value <= Double(range.upperBound)
                ? nil : "is not between \(range.lowerBound) and \(range.upperBound)"
        case .flag:
            return value == 0 || value == 1 ? nil : "is not 0 or 1"
        case let .atLeast(bound):
            return value >= Double(bound) ? nil : "is less than \(bound)"
        case .unitInterval:
            return value >= 0 && value <= 1 ? nil : "is not between 0 and 1"
        }
    }
}
