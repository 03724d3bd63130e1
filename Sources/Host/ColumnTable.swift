/// The matched users as columns: what feature formulas read and what cluster summaries describe.
///
/// Numbers (INTEGER and REAL columns) are Doubles, with NaN for NULL; text columns are
/// dictionary-encoded (one code per row, -1 for NULL), so 500,000 rows of `gender` cost 2 MB,
/// not 500,000 strings.
public struct ColumnTable: Sendable {
    /// A dictionary-encoded text column.
    public struct TextColumn: Sendable, Equatable {
        public var codes: [Int32]
        public var dictionary: [String]

        public init(codes: [Int32], dictionary: [String]) {
            self.codes = codes
            self.dictionary = dictionary
        }

        /// Encodes plain strings (nil for NULL).
        public init(_ values: [String?]) {
            var index: [String: Int32] = [:]
            var dictionary: [String] = []
            codes = values.map { value in
                guard let value else { return -1 }
                if let code = index[value] { return code }
                let code = Int32(dictionary.count)
                index[value] = code
                dictionary.append(value)
                return code
            }
            self.dictionary = dictionary
        }

        /// The value of row `i`, or nil for NULL.
        public subscript(i: Int) -> String? { codes[i] < 0 ? nil : dictionary[Int(codes[i])] }
    }

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

    /// Number of rows.
    public var count: Int { userIDs.count }

    /// Every column name, sorted.
    public var columnNames: [String] { (Array(numeric.keys) + Array(text.keys)).sorted() }
}
