extension UserStore {
    /// Row count and per-column summaries (from the column cache; see ``fetchColumns(matching:columns:)``):
    /// NULL counts everywhere; range, exact quartiles, mean and standard deviation of numbers
    /// (``NumericSummary``); the most frequent values of text.
    ///
    /// - Parameter topValues: how many of the most frequent values to list per text column
    ///   (the others are counted in ``TextSummary/omittedCount``).
    public func stats(topValues: Int = 5) throws -> UsersStats {
        let schema = try schema()
        let table = try fetchColumns(matching: .all, columns: schema.names)
        let columns = table.columns.map { column -> ColumnStats in
            switch column {
            case let .numeric(numeric):
                return ColumnStats(name: numeric.name, type: numeric.type, nonNullCount: numeric.values.count - numeric.nullCount,
                                   nullCount: numeric.nullCount, numeric: NumericSummary(values: numeric.values), text: nil)
            case let .text(text):
                var frequencies = [Int](repeating: 0, count: text.dictionary.count)
                for code in text.codes where code >= 0 { frequencies[Int(code)] += 1 }
                let top = zip(text.dictionary, frequencies)
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                    .prefix(Swift.max(0, topValues))
                    .map { TextSummary.ValueCount(value: $0.0, count: $0.1) }
                return ColumnStats(name: text.name, type: .text, nonNullCount: text.codes.count - text.nullCount,
                                   nullCount: text.nullCount, numeric: nil,
                                   text: TextSummary(distinctCount: text.dictionary.count, topValues: top))
            }
        }
        return UsersStats(rowCount: table.count, columns: columns)
    }
}
