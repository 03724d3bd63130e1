/// One column loaded from ``UsersColumnCache``: every row of `users`, in `user_id` order.
struct CachedColumn {
    enum Values {
        /// INTEGER and REAL columns; NaN for NULL.
        case numeric([Double])
        /// TEXT columns: codes into `dictionary`, -1 for NULL.
        case text(codes: [Int32], dictionary: [String])
    }

    let info: UserColumnInfo
    let values: Values
    let nullCount: Int
}

/// Cached columns of the whole `users` table, filtered and gathered in Swift with exactly the
/// semantics of the SQL the ``FilterBuilder`` writes, so the cache and the SQL path return
/// identical ``UserColumns`` (checked by a differential test).
///
/// SQL semantics kept: NULL (NaN, code -1) matches no condition, `!=` included; numbers compare
/// numerically (INTEGER and REAL alike); text compares by UTF-8 bytes (SQLite's BINARY
/// collation: no Unicode normalization, no case folding).
struct CachedTable {
    let userIDs: [Int64]
    let columns: [String: CachedColumn]

    var rowCount: Int { userIDs.count }

    /// The indexes of the rows matching `filter`, ascending; nil (= all rows) for no
    /// conditions. Returns `.unsupported` when exactness cannot be guaranteed with Doubles
    /// (an integer value or user id beyond ±2^53): the caller then asks SQLite.
    func select(_ filter: UserFilter) -> Selection {
        var rows: [Int32]?
        for condition in filter.conditions {
            guard let column = columns[condition.field] else { return .unsupported }
            switch column.values {
            case let .numeric(values):
                if condition.field == "user_id", userIDs.contains(where: { abs($0) >= 1 << 53 }) { return .unsupported }
                guard let predicate = NumericPredicate(condition) else { return .unsupported }
                rows = values.withUnsafeBufferPointer { values in
                    Self.keep(rows, count: values.count) { predicate.matches(values[$0]) }
                }
            case let .text(codes, dictionary):
                let table = dictionary.map { TextPredicate.matches(condition, $0) }
                rows = codes.withUnsafeBufferPointer { codes in
                    table.withUnsafeBufferPointer { table in
                        Self.keep(rows, count: codes.count) { codes[$0] >= 0 && table[Int(codes[$0])] }
                    }
                }
            }
        }
        return .rows(rows)
    }

    enum Selection {
        /// Matching row indexes (nil: every row).
        case rows([Int32]?)
        case unsupported
    }

    /// `columns` of the selected rows (nil: all rows), with text dictionaries reduced to the
    /// values that occur, in order of first appearance (as the SQL path builds them).
    func gather(_ rows: [Int32]?, columns requested: [UserColumnInfo]) -> UserColumns {
        let ids = rows.map { rows in userIDs.withUnsafeBufferPointer { ids in rows.map { ids[Int($0)] } } } ?? userIDs
        let result = requested.compactMap { info -> FetchedColumn? in
            guard let column = columns[info.name] else { return nil }
            switch column.values {
            case let .numeric(all):
                guard let rows else {
                    return .numeric(NumericColumn(name: info.name, type: info.type, values: all, nullCount: column.nullCount))
                }
                var nulls = 0
                let values = all.withUnsafeBufferPointer { all in
                    rows.map { row -> Double in
                        let value = all[Int(row)]
                        if value.isNaN { nulls += 1 }
                        return value
                    }
                }
                return .numeric(NumericColumn(name: info.name, type: info.type, values: values, nullCount: nulls))
            case let .text(allCodes, dictionary):
                var remap = [Int32](repeating: -1, count: dictionary.count)
                var used: [String] = []
                var nulls = 0
                let codes = allCodes.withUnsafeBufferPointer { allCodes -> [Int32] in
                    let pick = { (code: Int32) -> Int32 in
                        guard code >= 0 else { nulls += 1; return -1 }
                        if remap[Int(code)] < 0 {
                            remap[Int(code)] = Int32(used.count)
                            used.append(dictionary[Int(code)])
                        }
                        return remap[Int(code)]
                    }
                    return rows.map { $0.map { pick(allCodes[Int($0)]) } } ?? allCodes.map(pick)
                }
                return .text(TextColumn(name: info.name, codes: codes, dictionary: used, nullCount: nulls))
            }
        }
        return UserColumns(userIDs: ids, columns: result)
    }

    /// The rows of `rows` (or of 0..<count) for which `isKept` holds.
    @inline(__always)
    private static func keep(_ rows: [Int32]?, count: Int, _ isKept: (Int) -> Bool) -> [Int32] {
        var kept: [Int32] = []
        if let rows {
            kept.reserveCapacity(rows.count)
            for row in rows where isKept(Int(row)) { kept.append(row) }
        } else {
            kept.reserveCapacity(count / 2)
            for row in 0..<count where isKept(row) { kept.append(Int32(row)) }
        }
        return kept
    }
}

/// A validated numeric condition as Double comparisons (NaN = NULL never matches).
private struct NumericPredicate {
    let op: FilterCondition.Operator
    let operands: [Double]

    /// nil when a value is text (the builder rejects that) or an integer beyond ±2^53.
    init?(_ condition: FilterCondition) {
        var operands: [Double] = []
        for value in condition.value.values {
            switch value {
            case let .integer(int):
                guard int.magnitude < 1 << 53 else { return nil }
                operands.append(Double(int))
            case let .real(real):
                operands.append(real)
            case .text:
                return nil
            }
        }
        op = condition.op
        self.operands = operands
    }

    @inline(__always) func matches(_ value: Double) -> Bool {
        switch op {
        case .equal: return value == operands[0]
        case .notEqual: return !value.isNaN && value != operands[0]
        case .less: return value < operands[0]
        case .lessOrEqual: return value <= operands[0]
        case .greater: return value > operands[0]
        case .greaterOrEqual: return value >= operands[0]
        case .between: return value >= operands[0] && value <= operands[1]
        case .in: return operands.contains(value)
        }
    }
}

/// Text comparisons with SQLite's BINARY collation: UTF-8 bytes, lexicographic.
private enum TextPredicate {
    static func matches(_ condition: FilterCondition, _ value: String) -> Bool {
        let operands = condition.value.values.compactMap { operand -> String? in
            if case let .text(text) = operand { return text }
            return nil
        }
        guard operands.count == condition.value.values.count, let first = operands.first else { return false }
        switch condition.op {
        case .equal: return value.utf8.elementsEqual(first.utf8)
        case .notEqual: return !value.utf8.elementsEqual(first.utf8)
        case .less: return value.utf8.lexicographicallyPrecedes(first.utf8)
        case .lessOrEqual: return !first.utf8.lexicographicallyPrecedes(value.utf8)
        case .greater: return first.utf8.lexicographicallyPrecedes(value.utf8)
        case .greaterOrEqual: return !value.utf8.lexicographicallyPrecedes(first.utf8)
        case .between:
            return !value.utf8.lexicographicallyPrecedes(first.utf8) && !operands[1].utf8.lexicographicallyPrecedes(value.utf8)
        case .in: return operands.contains { value.utf8.elementsEqual($0.utf8) }
        }
    }
}
