import GRDB

/// Validates ``FilterCondition``s against the `users` schema and builds a ``UserFilter``.
///
/// Checks, per condition: the field names a column exactly (else
/// ``StorageError/unknownColumn(name:known:)``, listing the columns); the operand fits the
/// operator (one value for comparisons, a pair for `between`, a non-empty list for `in`); every
/// value fits the column (numbers for INTEGER/REAL, text for TEXT, else
/// ``StorageError/typeMismatch(column:columnType:value:)``); reals are finite.
public struct FilterBuilder: Sendable {
    /// The schema conditions are checked against.
    public let schema: UsersSchema

    public init(schema: UsersSchema) {
        self.schema = schema
    }

    /// The validated filter for `conditions` (AND-ed), or the first problem found.
    public func build(_ conditions: [FilterCondition]) throws -> UserFilter {
        var clauses: [String] = []
        var arguments: [FilterValue] = []
        for condition in conditions {
            let column = try schema.require(condition.field)
            try checkShape(condition)
            for value in condition.value.values {
                try check(value, against: column)
            }
            // The identifier comes from the schema, not from the caller's string.
            let name = column.name.quotedDatabaseIdentifier
            switch condition.op {
            case .between:
                clauses.append("\(name) BETWEEN ? AND ?")
            case .in:
                let marks = Array(repeating: "?", count: condition.value.values.count).joined(separator: ", ")
                clauses.append("\(name) IN (\(marks))")
            default:
                clauses.append("\(name) \(condition.op.rawValue) ?")
            }
            arguments += condition.value.values
        }
        return UserFilter(conditions: conditions, whereSQL: clauses.joined(separator: " AND "), arguments: arguments)
    }

    private func checkShape(_ condition: FilterCondition) throws {
        switch (condition.op, condition.value) {
        case (.between, .range(let low, let high)):
            if let low = low.number, let high = high.number, low > high {
                throw StorageError.invalidCondition(
                    field: condition.field, reason: "between \(low) and \(high): the lower bound is above the upper")
            }
        case (.between, _):
            throw StorageError.invalidCondition(field: condition.field, reason: "'between' needs a pair of values")
        case (.in, .list(let values)):
            if values.isEmpty {
                throw StorageError.invalidCondition(field: condition.field, reason: "'in' needs at least one value")
            }
        case (.in, _):
            throw StorageError.invalidCondition(field: condition.field, reason: "'in' needs a list of values")
        case (_, .value):
            break
        case (let op, _):
            throw StorageError.invalidCondition(field: condition.field, reason: "'\(op.rawValue)' needs a single value")
        }
    }

    private func check(_ value: FilterValue, against column: UserColumnInfo) throws {
        switch (column.type, value) {
        case (.text, .text), (.integer, .integer), (.real, .integer):
            return
        case (.integer, .real(let double)), (.real, .real(let double)):
            guard double.isFinite else {
                throw StorageError.invalidCondition(field: column.name, reason: "\(double) is not a finite number")
            }
        default:
            throw StorageError.typeMismatch(column: column.name, columnType: column.type, value: value)
        }
    }
}

extension FilterValue {
    /// The numeric value, or nil for text.
    var number: Double? {
        switch self {
        case let .integer(value): return Double(value)
        case let .real(value): return value
        case .text: return nil
        }
    }
}
