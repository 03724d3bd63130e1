import GRDB

/// A validated filter: conditions that name real `users` columns with fitting values, turned
/// into a parameterized WHERE clause.
///
/// `whereSQL` contains only SQL keywords, `?` placeholders and column names copied from the
/// schema (never from the caller), quoted as identifiers; every value is in `arguments`.
public struct UserFilter: Sendable, Hashable, CustomStringConvertible {
    /// The validated conditions, in the caller's order.
    public let conditions: [FilterCondition]
    /// `"age" BETWEEN ? AND ? AND "gender" = ?`; empty when there are no conditions (all rows).
    public let whereSQL: String
    /// The values for the placeholders, in order.
    public let arguments: [FilterValue]

    /// The filter that matches every user.
    public static let all = UserFilter(conditions: [], whereSQL: "", arguments: [])

    /// ` WHERE …` (with the leading space) or the empty string: ready to append to a SELECT.
    public var whereClause: String { whereSQL.isEmpty ? "" : " WHERE " + whereSQL }

    /// The arguments as GRDB statement arguments.
    public var statementArguments: StatementArguments {
        StatementArguments(arguments.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case let .integer(int): return int
            case let .real(double): return double
            case let .text(string): return string
            }
        })
    }

    /// Human-readable: `age between 18 and 25 AND gender = 'female'`, or `all users`.
    public var description: String {
        conditions.isEmpty ? "all users" : conditions.map(\.description).joined(separator: " AND ")
    }
}
