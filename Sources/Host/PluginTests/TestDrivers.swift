import Builtins
import Foundation
import LuaBridge
import Plugins

/// What a plugin test asks the host to run: a goal, a feature formula, the naming hook, a
/// formulation, a feedback, a tagging rule. Each goes through the same code a real run uses
/// (pipelines, result checks, limits) on the plugin set loaded for the test file, and comes back
/// as a Lua table shaped like the command's `--json` document.
///
/// Holds the temporary databases the drivers need: one per fixture CSV for the file (imported
/// once), and one for learning, fresh for every test case (feedback in one case never leaks
/// into the next).
final class TestDrivers {
    /// A driver was called wrongly, or what it ran failed: the message is the test's failure.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ message: String) { description = message }
    }

    let set: PluginSet
    /// The plugin whose tests are running.
    let plugin: Plugin
    let loader: PluginLoader
    /// The folder of the running test file: fixture paths are relative to it.
    let testFolder: URL
    private let scratch: URL
    private var usersDatabases: [String: PersonaDatabase] = [:]
    private var learningDatabase: PersonaDatabase?
    private var learningCount = 0

    init(set: PluginSet, plugin: Plugin, loader: PluginLoader, testFolder: URL) throws {
        self.set = set
        self.plugin = plugin
        self.loader = loader
        self.testFolder = testFolder
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Called before each test case: stored learning state starts over.
    func startCase() { learningDatabase = nil }

    /// A database holding the users of `csv` (a path relative to the test file's folder, inside
    /// the plugin), imported with the same importer as `data import`.
    func users(_ csv: String) throws -> PersonaDatabase {
        if let db = usersDatabases[csv] { return db }
        let root = plugin.source.root.standardizedFileURL.resolvingSymlinksInPath()
        let file = testFolder.appendingPathComponent(csv).standardizedFileURL.resolvingSymlinksInPath()
        guard !csv.hasPrefix("/"), file.path.hasPrefix(root.path + "/") else {
            throw Failure("users = \"\(csv)\": a fixture must be a file inside the plugin's folder, given relative to the test file")
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Failure("users = \"\(csv)\": no such file (\(plugin.source.displayRoot)/\(Self.relative(file, to: root)))")
        }
        let db = try PersonaDatabase(path: scratch.appendingPathComponent("users-\(usersDatabases.count).sqlite").path)
        try UserStore(database: db).importCSV(at: file.path, name: "\(plugin.source.displayRoot)/\(Self.relative(file, to: root))")
        usersDatabases[csv] = db
        return db
    }

    /// The learning database of the running case, if a driver has opened it.
    var learningDatabaseIfOpen: PersonaDatabase? { learningDatabase }

    /// The learning database of the running case (created on first use).
    func learning() throws -> PersonaDatabase {
        if let db = learningDatabase { return db }
        learningCount += 1
        let db = try PersonaDatabase(path: scratch.appendingPathComponent("learning-\(learningCount).sqlite").path)
        learningDatabase = db
        return db
    }

    static func relative(_ file: URL, to root: URL) -> String {
        String(file.path.dropFirst(root.path.count + 1))
    }

    // MARK: Converting results

    /// `value` as the Lua table its JSON reads as (snake_case keys, as `--json` prints them).
    static func lua(_ value: some Encodable) throws -> LuaValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data).luaValue
    }

    /// Adds `fields` to the table `value`.
    static func adding(_ fields: [String: LuaValue], to value: LuaValue) -> LuaValue {
        var entries = value.tableEntries ?? [:]
        for (k, v) in fields { entries[.string(k)] = v }
        return .table(entries)
    }

    /// Checks that an options table names only `known` fields.
    static func options(_ value: LuaValue, of call: String, known: [String]) throws -> LuaValue {
        if value == .nil { return .table([:]) }
        guard value.isTable else { throw Failure("\(call): options must be a table, got \(value.typeName)") }
        for (name, _) in value.fields where !known.contains(name) {
            throw Failure("\(call): unknown option '\(name)'\(Suggestion.phrase(for: name, among: known)) (options: \(known.joined(separator: ", ")))")
        }
        return value
    }
}
