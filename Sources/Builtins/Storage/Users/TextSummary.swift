/// Distinct values of a text column and the most frequent ones, up to a limit.
public struct TextSummary: Sendable, Hashable {
    /// One value and how many rows have it.
    public struct ValueCount: Sendable, Hashable {
        public let value: String
        public let count: Int
    }

    /// The number of distinct non-NULL values.
    public let distinctCount: Int
    /// The most frequent values, most frequent first (ties in byte order of the value), at
    /// most as many as asked for.
    public let topValues: [ValueCount]

    /// The distinct values not in ``topValues``.
    public var omittedCount: Int { distinctCount - topValues.count }
}
