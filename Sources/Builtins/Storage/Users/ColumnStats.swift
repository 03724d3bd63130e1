/// One column's summary: NULLs counted; numbers get range, quartiles, mean and standard
/// deviation; text gets its distinct values, most frequent first.
public struct ColumnStats: Sendable, Hashable {
    public let name: String
    public let type: ColumnType
    /// Rows where the column is not NULL.
    public let nonNullCount: Int
    /// Rows where the column is NULL.
    public let nullCount: Int
    /// For INTEGER and REAL columns with at least one value.
    public let numeric: NumericSummary?
    /// For TEXT columns.
    public let text: TextSummary?
}
