/// The storage type of a `users` column. The table is `STRICT`, so every stored value has
/// exactly its column's type (or is NULL).
public enum ColumnType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case integer = "INTEGER"
    case real = "REAL"
    case text = "TEXT"

    /// INTEGER and REAL: fetched as `[Double]`, comparable with numeric filter values.
    public var isNumeric: Bool { self != .text }

    public var description: String { rawValue }

    /// Maps a declared SQL type to a column type with SQLite's affinity rules (§3.1 of
    /// "Datatypes In SQLite"): `INT` → INTEGER, `CHAR`/`CLOB`/`TEXT` → TEXT, anything else → REAL.
    init(declaredType: String) {
        let upper = declaredType.uppercased()
        if upper.contains("INT") {
            self = .integer
        } else if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") {
            self = .text
        } else {
            self = .real
        }
    }
}
