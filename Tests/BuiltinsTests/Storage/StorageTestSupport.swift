import Foundation
import GRDB
@testable import Builtins

/// A persona database in a fresh temporary folder, removed by ``remove()``.
struct TemporaryDatabase {
    let folder: URL
    let database: PersonaDatabase
    var users: UserStore { UserStore(database: database) }
    var runs: RunStore { RunStore(database: database) }

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("persona-host-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try PersonaDatabase(path: folder.appendingPathComponent("persona.sqlite").path)
    }

    /// A path in the folder for a file a test writes.
    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs `body` with a fresh database, removing it afterwards.
@discardableResult
func withTemporaryDatabase<T>(_ body: (TemporaryDatabase) throws -> T) throws -> T {
    let temporary = try TemporaryDatabase()
    defer { temporary.remove() }
    return try body(temporary)
}

enum StorageFixtures {
    /// `Tests/Fixtures/csv/<name>`.
    static func csv(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/csv").appendingPathComponent(name).path
    }
}

extension PersonaDatabase {
    /// Every `users` row (all columns, in table order) as text, ordered by user_id.
    func dumpUsers() throws -> [String] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY user_id").map { row in
                row.databaseValues.map { $0.description }.joined(separator: "|")
            }
        }
    }

    /// A checksum of the whole `users` table: row count, column names and every value.
    func usersChecksum() throws -> String {
        let columns = try pool.read { try $0.columns(in: "users").map { "\($0.name):\($0.type)" } }
        var hasher = FNV1a()
        for line in try dumpUsers() { hasher.add(line) }
        return "\(columns.joined(separator: ",")) \(hasher.value)"
    }

    /// Runs SQL directly (test setup only).
    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try pool.write { try $0.execute(sql: sql, arguments: arguments) }
    }
}

/// A stable 64-bit hash (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        value = (value ^ 0x0A) &* 0x0000_0100_0000_01b3
    }
}

/// CSV text of `users` rows (all columns, header first) written from the table itself.
func exportCSV(_ database: PersonaDatabase) throws -> String {
    try database.pool.read { db in
        let columns = try db.columns(in: "users").map(\.name)
        var lines = [columns.joined(separator: ",")]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY user_id") {
            lines.append(row.databaseValues.map { value -> String in
                switch value.storage {
                case .null: return ""
                case let .int64(int): return String(int)
                case let .double(double): return String(double)
                case let .string(string):
                    return string.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                        ? "\"" + string.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : string
                case .blob: return ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
