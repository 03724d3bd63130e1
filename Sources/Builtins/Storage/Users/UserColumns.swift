/// A numeric `users` column fetched as doubles: INTEGER and REAL alike, NULL as NaN.
public struct NumericColumn: Sendable, Hashable {
    /// The column name.
    public let name: String
    /// The column's storage type (INTEGER values are exact in a Double up to 2^53).
    public let type: ColumnType
    /// One value per fetched row, in user_id order; NaN where the column is NULL.
    public var values: [Double]
    /// How many values are NULL (NaN).
    public let nullCount: Int
}

/// A TEXT `users` column fetched dictionary-encoded: one small integer code per row and each
/// distinct string once.
///
/// A million rows of `city_tier` are then 4 MB of codes plus three strings, instead of a
/// million `String`s; grouping and counting by category work on the codes directly.
public struct TextColumn: Sendable, Hashable {
    /// The column name.
    public let name: String
    /// One code per fetched row, in user_id order: an index into `dictionary`, or -1 for NULL.
    public var codes: [Int32]
    /// The distinct values, in order of first appearance.
    public let dictionary: [String]
    /// How many rows are NULL (code -1).
    public let nullCount: Int

    /// The string of row `row`, or nil when NULL.
    public subscript(row: Int) -> String? {
        let code = codes[row]
        return code < 0 ? nil : dictionary[Int(code)]
    }

    /// The decoded strings (NULL as nil): convenient, but one String per row.
    public var strings: [String?] { codes.map { $0 < 0 ? nil : dictionary[Int($0)] } }
}

/// One fetched column, numeric or text.
public enum FetchedColumn: Sendable, Hashable {
    case numeric(NumericColumn)
    case text(TextColumn)

    /// The column name.
    public var name: String {
        switch self {
        case let .numeric(column): return column.name
        case let .text(column): return column.name
        }
    }

    /// How many rows are NULL.
    public var nullCount: Int {
        switch self {
        case let .numeric(column): return column.nullCount
        case let .text(column): return column.nullCount
        }
    }
}

/// The matched users' requested columns, column by column (structure of arrays), ordered by
/// `user_id`: what feature engineering and clustering consume without per-row objects.
public struct UserColumns: Sendable, Hashable {
    /// The matched user ids, ascending.
    public let userIDs: [Int64]
    /// The requested columns, in the order they were requested.
    public let columns: [FetchedColumn]

    /// The number of matched rows.
    public var count: Int { userIDs.count }

    /// The column named `name`, if it was requested.
    public func column(_ name: String) -> FetchedColumn? {
        columns.first { $0.name == name }
    }

    /// The numeric column named `name`, if it was requested and is INTEGER or REAL.
    public func numeric(_ name: String) -> NumericColumn? {
        guard case let .numeric(column)? = column(name) else { return nil }
        return column
    }

    /// The text column named `name`, if it was requested and is TEXT.
    public func text(_ name: String) -> TextColumn? {
        guard case let .text(column)? = column(name) else { return nil }
        return column
    }

    /// NULL counts by column name, only for columns with at least one NULL.
    public var nullCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for column in columns where column.nullCount > 0 {
            counts[column.name] = column.nullCount
        }
        return counts
    }
}
