extension UserStore {
    /// Row count and per-column summaries (from the column cache; see ``fetchColumns(matching:columns:)``):
    /// NULL counts everywhere; range, exact quartiles, mean and standard deviation of numbers
    /// (``NumericSummary``, one column per core at a time); the most frequent values of text.
    ///
    /// - Parameter topValues: how many of the most frequent values to list per text column
    ///   (the others are counted in ``TextSummary/omittedCount``).
    public func stats(topValues: Int = 5) throws -> UsersStats {
        let schema = try schema()
        let table = try fetchColumns(matching: .all, columns: schema.names)
        let numeric = table.columns.compactMap { column -> NumericColumn? in
            if case let .numeric(numeric) = column { return numeric }
            return nil
        }
        // Each column's summary depends on that column alone: the same on any number of cores.
        var summaries = [NumericSummary?](repeating: nil, count: numeric.count)
        summaries.withUnsafeMutableBufferPointer { out in
            ParallelChunks.forEachIndex(numeric.count) { i in out[i] = NumericSummary(values: numeric[i].values) }
        }
        var next = 0
        let columns = table.columns.map { column -> ColumnStats in
            switch column {
            case let .numeric(numeric):
                defer { next += 1 }
                return ColumnStats(name: numeric.name, type: numeric.type, nonNullCount: numeric.values.count - numeric.nullCount,
                                   nullCount: numeric.nullCount, numeric: summaries[next], text: nil)
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
