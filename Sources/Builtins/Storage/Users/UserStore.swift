import GRDB

/// The `users` table: its schema, filtered counts, the columnar fetch, and the bulk writers
/// (`data generate`, `data import`) and `data stats`.
///
/// A small value type over a ``PersonaDatabase``; copies share the database. All methods are
/// synchronous and safe to call from any thread (GRDB serializes writes; reads run on pooled
/// reader connections in their own snapshot).
///
/// The table belongs to the user: besides the seed's columns it keeps every column an import
/// brought (typed), and plugins name the columns they use; ``schema()`` says what is there.
public struct UserStore: Sendable {
    /// The database this store reads and writes.
    public let database: PersonaDatabase

    public init(database: PersonaDatabase) {
        self.database = database
    }

    /// The `users` columns with their types, in table order.
    public func schema() throws -> UsersSchema {
        try database.read("reading the users schema") { try UsersSchema.read($0) }
    }

    /// Validates `conditions` against the current schema (see ``FilterBuilder``).
    public func filter(_ conditions: [FilterCondition]) throws -> UserFilter {
        try FilterBuilder(schema: schema()).build(conditions)
    }

    /// The number of users.
    public func count() throws -> Int {
        try database.read("counting users") { try Self.count(in: $0, filter: .all) }
    }

    /// The number of users matching all of `conditions`.
    public func count(matching conditions: [FilterCondition]) throws -> Int {
        try count(matching: filter(conditions))
    }

    /// The number of users matching `filter` (from the column cache when it can answer).
    public func count(matching filter: UserFilter) throws -> Int {
        let cached = try fromCache("counting users", filter: filter, columns: []) { table, _ -> Int? in
            guard case let .rows(rows) = table.select(filter) else { return nil }
            return rows?.count ?? table.rowCount
        }
        if let cached { return cached }
        return try database.read("counting users") { try Self.count(in: $0, filter: filter) }
    }

    static func count(in db: Database, filter: UserFilter) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users" + filter.whereClause,
                         arguments: filter.statementArguments) ?? 0
    }

    /// Empties the `users` table and drops every column that is not a seed column, except
    /// those in `keeping`: the table is then as the migration created it. Used by the
    /// `replace` modes of generate and import, inside their transaction.
    static func resetUsers(_ db: Database, keeping: Set<String> = []) throws {
        try db.execute(sql: "DELETE FROM users")
        for column in try UsersSchema.read(db).columns where !column.isSeed && !keeping.contains(column.name) {
            try db.execute(sql: "ALTER TABLE users DROP COLUMN \(column.name.quotedDatabaseIdentifier)")
        }
    }

    /// Adds `name` to `users` with `type` (values NULL for existing rows).
    static func addColumn(_ db: Database, name: String, type: ColumnType) throws {
        try db.execute(sql: "ALTER TABLE users ADD COLUMN \(name.quotedDatabaseIdentifier) \(type.rawValue)")
    }
}
