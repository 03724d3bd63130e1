import GRDB

/// One column of the `users` table as it is in the file now.
public struct UserColumnInfo: Sendable, Hashable {
    /// The column's name, exactly as stored.
    public let name: String
    /// Its storage type.
    public let type: ColumnType
    /// True for the columns the seed schema defines (`user_id` … `income_source`); false for
    /// columns added by an import or by the generator (`true_segment`).
    public let isSeed: Bool
}

/// The `users` table's columns, read from the file: what filters and plugins may name.
///
/// Filters (``FilterBuilder``), ``UserStore/fetchColumns(matching:columns:)`` and plugins'
/// column checks resolve names here. Matching is exact (case-sensitive); the error for an
/// unknown name lists the known ones.
public struct UsersSchema: Sendable, Hashable {
    /// Columns in table order (`user_id` first).
    public let columns: [UserColumnInfo]

    /// The column names in table order.
    public var names: [String] { columns.map(\.name) }

    /// The column named exactly `name`, or nil.
    public func column(named name: String) -> UserColumnInfo? {
        columns.first { $0.name == name }
    }

    /// The column named exactly `name`, or ``StorageError/unknownColumn(name:known:)``.
    public func require(_ name: String) throws -> UserColumnInfo {
        guard let column = column(named: name) else {
            throw StorageError.unknownColumn(name: name, known: names)
        }
        return column
    }

    /// The column whose name equals `name` ignoring ASCII case (SQLite's rule for identifiers).
    func column(caseInsensitive name: String) -> UserColumnInfo? {
        let lowered = name.lowercased()
        return columns.first { $0.name.lowercased() == lowered }
    }

    /// Reads the current `users` columns with `PRAGMA table_info`.
    static func read(_ db: Database) throws -> UsersSchema {
        let seedNames = Set(SeedColumn.all.map(\.name))
        let infos = try db.columns(in: "users")
        return UsersSchema(columns: infos.map {
            UserColumnInfo(name: $0.name, type: ColumnType(declaredType: $0.type), isSeed: seedNames.contains($0.name))
        })
    }
}
