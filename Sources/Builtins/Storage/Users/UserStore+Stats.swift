extension UserStore {
    /// Row count and per-column summaries (from the column cache; see ``fetchColumns(matching:columns:)``).
    ///
    /// - Parameter topValues: how many of the most frequent values to list per text column.
    public func stats(topValues: Int = 5) throws -> UsersStats {
        let schema = try schema()
        let table = try fetchColumns(matching: .all, columns: schema.names)
        let columns = table.columns.map { column -> ColumnStats in
            switch column {
            case let .numeric(numeric):
                var minimum = Double.infinity, maximum = -Double.infinity, sum = 0.0
                for value in numeric.values where !value.isNaN {
                    minimum = Swift.min(minimum, value)
                    maximum = Swift.max(maximum, value)
                    sum += value
                }
                let nonNull = numeric.values.count - numeric.nullCount
                let summary = nonNull == 0 ? nil : NumericSummary(min: minimum, max: maximum, mean: sum / Double(nonNull))
                return ColumnStats(name: numeric.name, type: numeric.type, nonNullCount: nonNull, numeric: summary, text: nil)
            case let .text(text):
                var frequencies = [Int](repeating: 0, count: text.dictionary.count)
                for code in text.codes where code >= 0 { frequencies[Int(code)] += 1 }
                let top = zip(text.dictionary, frequencies)
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                    .prefix(Swift.max(0, topValues))
                    .map { TextSummary.ValueCount(value: $0.0, count: $0.1) }
                return ColumnStats(name: text.name, type: .text, nonNullCount: text.codes.count - text.nullCount, numeric: nil,
                                   text: TextSummary(distinctCount: text.dictionary.count, topValues: top))
            }
        }
        return UsersStats(rowCount: table.count, columns: columns)
    }
}
