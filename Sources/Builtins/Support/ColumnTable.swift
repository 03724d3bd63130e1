/// The matched users as columns: what feature formulas read and what cluster summaries describe.
///
/// Numbers (INTEGER and REAL columns) are Doubles, with NaN for NULL; text columns are the
/// storage layer's dictionary-encoded ``TextColumn`` (one code per row, -1 for NULL), so
/// 500,000 rows of `gender` cost 2 MB, not 500,000 strings.
public struct ColumnTable: Sendable {
    /// Row identities (`user_id`), in row order.
    public var userIDs: [Int64]
    /// Numeric columns by name, each with one value per row.
    public var numeric: [String: [Double]]
    /// Text columns by name.
    public var text: [String: TextColumn]

    public init(userIDs: [Int64], numeric: [String: [Double]] = [:], text: [String: TextColumn] = [:]) {
        self.userIDs = userIDs
        self.numeric = numeric
        self.text = text
    }

    /// The columns a fetch returned, keyed by name.
    public init(_ columns: UserColumns) {
        var numeric: [String: [Double]] = [:]
        var text: [String: TextColumn] = [:]
        for column in columns.columns {
            switch column {
            case .numeric(let c): numeric[c.name] = c.values
            case .text(let c): text[c.name] = c
            }
        }
        self.init(userIDs: columns.userIDs, numeric: numeric, text: text)
    }

    /// Number of rows.
    public var count: Int { userIDs.count }

    /// Every column name, sorted.
    public var columnNames: [String] { (Array(numeric.keys) + Array(text.keys)).sorted() }
}

extension TextColumn {
    /// Encodes plain strings (nil for NULL), codes in order of first appearance.
    public init(name: String, _ values: [String?]) {
        var index: [String: Int32] = [:]
        var dictionary: [String] = []
        var nulls = 0
        let codes = values.map { value -> Int32 in
            guard let value else { nulls += 1; return -1 }
            if let code = index[value] { return code }
            let code = Int32(dictionary.count)
            index[value] = code
            dictionary.append(value)
            return code
        }
        self.init(name: name, codes: codes, dictionary: dictionary, nullCount: nulls)
    }
}

extension TextColumn {
    /// A column from its codes (-1 for NULL) and dictionary.
    public init(name: String, codes: [Int32], dictionary: [String]) {
        self.init(name: name, codes: codes, dictionary: dictionary, nullCount: codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) })
    }
}
