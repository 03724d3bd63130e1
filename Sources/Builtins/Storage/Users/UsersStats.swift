/// `data stats`: the `users` table at a glance.
public struct UsersStats: Sendable, Hashable {
    /// The number of rows.
    public let rowCount: Int
    /// Every column, in table order.
    public let columns: [ColumnStats]

    /// The stats of the column named `name`.
    public func column(_ name: String) -> ColumnStats? {
        columns.first { $0.name == name }
    }
}

/// One column's summary: numbers get min/max/mean, text gets distinct count and top values.
public struct ColumnStats: Sendable, Hashable {
    public let name: String
    public let type: ColumnType
    /// Rows where the column is not NULL.
    public let nonNullCount: Int
    /// For INTEGER and REAL columns with at least one value.
    public let numeric: NumericSummary?
    /// For TEXT columns.
    public let text: TextSummary?
}

/// Minimum, maximum and mean of a numeric column's non-NULL values.
public struct NumericSummary: Sendable, Hashable {
    public let min: Double
    public let max: Double
    public let mean: Double
}

/// Distinct values of a text column and the most frequent ones.
public struct TextSummary: Sendable, Hashable {
    /// One value and how many rows have it.
    public struct ValueCount: Sendable, Hashable {
        public let value: String
        public let count: Int
    }

    /// The number of distinct non-NULL values.
    public let distinctCount: Int
    /// The most frequent values, most frequent first (ties alphabetical).
    public let topValues: [ValueCount]
}
