/// A typed value in a filter condition. Values are always bound as SQL parameters, never
/// written into SQL text.
public enum FilterValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as a SQL literal, for human-readable renderings only (text single-quoted,
    /// quotes doubled). Never executed.
    public var sqlLiteral: String {
        switch self {
        case let .integer(value): return String(value)
        case let .real(value): return String(value)
        case let .text(value): return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    /// "an integer", "a real number", "text": for error messages.
    var kindName: String {
        switch self {
        case .integer: return "an integer"
        case .real: return "a real number"
        case .text: return "text"
        }
    }

    public var description: String { sqlLiteral }
}

extension FilterValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}

/// One condition on one `users` column: `field op value`. A filter is a list of conditions
/// joined with AND.
///
/// Build conditions from plugin output or code, then validate them against the current schema
/// with ``FilterBuilder`` (or pass them to ``UserStore``, which does). Construction never fails;
/// validation reports an unknown field, a type mismatch or a malformed operand.
public struct FilterCondition: Sendable, Hashable, CustomStringConvertible {
    /// The comparison. `!=`, `<` and the other comparisons follow SQL: a NULL value matches no
    /// condition at all (`gender != 'male'` does not match a NULL gender).
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        /// Inclusive range: operand ``Operand/range(_:_:)``.
        case between
        /// Membership: operand ``Operand/list(_:)`` (at least one value).
        case `in`
    }

    /// The right-hand side: one value, an inclusive pair (for `between`), or a list (for `in`).
    public enum Operand: Sendable, Hashable {
        case value(FilterValue)
        case range(FilterValue, FilterValue)
        case list([FilterValue])

        /// The values in binding order.
        var values: [FilterValue] {
            switch self {
            case let .value(value): return [value]
            case let .range(low, high): return [low, high]
            case let .list(values): return values
            }
        }
    }

    /// The column name, matched exactly against the `users` schema.
    public var field: String
    /// The comparison.
    public var op: Operator
    /// The operand; its shape must fit `op` (checked by ``FilterBuilder``).
    public var value: Operand

    public init(field: String, op: Operator, value: Operand) {
        self.field = field
        self.op = op
        self.value = value
    }

    /// `field op value` for the six comparisons.
    public init(_ field: String, _ op: Operator, _ value: FilterValue) {
        self.init(field: field, op: op, value: .value(value))
    }

    /// `field BETWEEN low AND high` (inclusive).
    public static func between(_ field: String, _ low: FilterValue, _ high: FilterValue) -> FilterCondition {
        FilterCondition(field: field, op: .between, value: .range(low, high))
    }

    /// `field IN (values…)`.
    public static func `in`(_ field: String, _ values: [FilterValue]) -> FilterCondition {
        FilterCondition(field: field, op: .in, value: .list(values))
    }

    /// Human-readable: `age between 18 and 25`, `gender = 'female'`, `city_tier in ('Tier-1', 'Tier-2')`.
    public var description: String {
        switch (op, value) {
        case let (.between, .range(low, high)):
            return "\(field) between \(low.sqlLiteral) and \(high.sqlLiteral)"
        case let (.in, .list(values)):
            return "\(field) in (\(values.map(\.sqlLiteral).joined(separator: ", ")))"
        case let (_, .value(value)):
            return "\(field) \(op.rawValue) \(value.sqlLiteral)"
        case let (_, operand):
            // A malformed condition (rejected by the builder) still renders readably.
            return "\(field) \(op.rawValue) \(operand.values.map(\.sqlLiteral).joined(separator: ", "))"
        }
    }
}
