/// What an import does with the rows already in `users`.
public enum ImportMode: String, Sendable, Hashable {
    /// Add the file's rows; a `user_id` already in the table is an error
    /// (``ImportError/userIDExists(file:line:userID:)``) and nothing is imported.
    case append
    /// Replace the table: its rows and every non-seed column are removed first, in the same
    /// transaction, so on error the old table is still there, untouched.
    case replace
}

/// What `data import` did.
public struct ImportReport: Sendable, Hashable {
    /// The file, as given.
    public let file: String
    /// Rows imported.
    public let rows: Int
    /// Append or replace.
    public let mode: ImportMode
    /// Rows removed first (replace mode).
    public let replacedRows: Int
    /// The file's columns in file order, with where each went.
    public let columns: [ImportedColumn]
    /// Seed columns the file does not have (NULL in the imported rows).
    public let missingSeedColumns: [String]

    /// The columns added to `users` by this import.
    public var addedColumns: [ImportedColumn] { columns.filter { $0.origin == .added } }
}

/// Where an imported column goes.
public enum ImportedColumnOrigin: String, Sendable, Hashable {
    /// A seed column (`user_id`, `age`, …): type and range rules fixed.
    case seed
    /// A column an earlier import (or the generator) added: its stored type is kept.
    case existing
    /// A new column, added with the type inferred from the file's values.
    case added
}

/// One CSV column as imported.
public struct ImportedColumn: Sendable, Hashable {
    /// The header as written in the file (trimmed).
    public let header: String
    /// The `users` column it was stored in.
    public let name: String
    /// The column's type.
    public let type: ColumnType
    /// Seed, existing or added.
    public let origin: ImportedColumnOrigin
    /// Empty fields stored as NULL.
    public let nullCount: Int
}
