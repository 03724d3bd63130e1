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
