import Builtins
import Foundation
import TOMLKit

/// `persona-host.toml`: defaults for the command line, so a team need not repeat `--db` and
/// `--plugins` on every command.
///
/// Found as `--config FILE` (which must exist) or `persona-host.toml` in the working directory
/// (used when it exists). Every key is optional; each value is a default that a flag, and for
/// `database`, `plugins` and `token` the environment variable, overrides:
///
/// ```toml
/// database = "team.sqlite"   # like --db (after $PERSONA_HOST_DB); a named database must exist
/// plugins = "my-plugins"     # like --plugins (after $PERSONA_HOST_PLUGINS)
/// seed = 7                   # run goal --seed
/// json = false               # run goal / run formulate print JSON (--json / --no-json)
/// wide = false               # run goal's table with everything on one row (--wide / --no-wide)
/// color = "auto"             # auto, always or never (--color)
/// log = "normal"             # quiet, normal or verbose (--quiet, --verbose)
/// token = "…"                # persona-host serve's bearer token (after --token and $PERSONA_HOST_TOKEN)
/// ```
///
/// Relative paths are relative to the file's folder. A key it does not know, or a value of the
/// wrong type, is an error naming the file, the line and the key (with a "did you mean"): a
/// typo never silently leaves a default unset.
struct ConfigFile: Sendable, Equatable {
    /// The name looked for in the working directory.
    static let defaultName = "persona-host.toml"
    /// Every key, in the order the documentation lists them.
    static let keys = ["database", "plugins", "seed", "json", "wide", "color", "log", "token"]

    /// The file as named in messages.
    var path: String
    var database: String?
    var plugins: String?
    var seed: UInt64?
    var json: Bool?
    var wide: Bool?
    var color: ColorChoice?
    var log: LogLevel?
    /// `persona-host serve`'s bearer token (after --token and $PERSONA_HOST_TOKEN).
    var token: String?

    /// The config file for a command: `explicit` (`--config`), else `persona-host.toml` in
    /// `workingDirectory` when it exists, else nil.
    static func load(explicit: String?, workingDirectory: URL) throws(ConfigError) -> ConfigFile? {
        let path = explicit ?? defaultName
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            guard explicit != nil else { return nil }
            throw ConfigError(file: path, message: "no such file (--config names a file that must exist)")
        }
        guard !isDirectory.boolValue else { throw ConfigError(file: path, message: "is a directory, not a config file") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError(file: path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigError(file: path, message: "is not UTF-8 text") }
        let folder = (path as NSString).deletingLastPathComponent
        return try ConfigFile(text: text, path: path, folder: folder)
    }

    /// Reads `text`, the contents of the file named `path` in `folder` (`""` for the working
    /// directory; relative paths in the file are joined to it).
    init(text: String, path: String, folder: String = "") throws(ConfigError) {
        self.path = path
        let locator = ConfigKeyLocator(text: text)
        func fail(_ key: String?, _ message: String) -> ConfigError {
            ConfigError(file: path, line: key.flatMap(locator.line(of:)), message: message)
        }
        if let nul = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.contains("\0") }) {
            throw ConfigError(file: path, line: nul + 1, message: "holds a NUL character")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: path, line: error.source.begin.line,
                              message: "not valid TOML (column \(error.source.begin.column)): \(error.description)")
        } catch {
            throw ConfigError(file: path, message: "not valid TOML: \(error)")
        }
        // Unknown keys first, in the order they are written.
        let unknown = table.keys.filter { !Self.keys.contains($0) }
            .sorted { (locator.line(of: $0) ?? .max, $0) < (locator.line(of: $1) ?? .max, $1) }
        if let key = unknown.first {
            throw fail(key, "unknown key '\(key)'\(Suggestion.phrase(for: key, among: Self.keys)); the keys are \(Self.keys.joined(separator: ", "))")
        }
        func value<T>(_ key: String, _ expected: String, _ read: (TOMLValueConvertible) -> T?) throws(ConfigError) -> T? {
            guard let raw = table[key] else { return nil }
            guard let typed = read(raw) else { throw fail(key, "\(key) must be \(expected), got \(Self.describe(raw))") }
            return typed
        }
        func location(_ key: String) throws(ConfigError) -> String? {
            guard let text = try value(key, "a string (a path)", { $0.string }) else { return nil }
            guard !text.isEmpty else { throw fail(key, "\(key) must be a path, got an empty string") }
            return text.hasPrefix("/") || folder.isEmpty ? text : (folder as NSString).appendingPathComponent(text)
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(ConfigError) -> T? where T.RawValue == String {
            let names = T.allCases.map(\.rawValue)
            let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            guard let text = try value(key, "a string (\(list))", { $0.string }) else { return nil }
            guard let chosen = T(rawValue: text) else {
                throw fail(key, "\(key) must be \(list), got '\(text)'\(Suggestion.phrase(for: text, among: names))")
            }
            return chosen
        }
        database = try location("database")
        plugins = try location("plugins")
        if let number = try value("seed", "a whole number", { $0.int }) {
            guard number >= 0 else { throw fail("seed", "seed must be a whole number ≥ 0, got \(number)") }
            seed = UInt64(number)
        }
        json = try value("json", "true or false", { $0.bool })
        wide = try value("wide", "true or false", { $0.bool })
        color = try choice("color", ColorChoice.self)
        log = try choice("log", LogLevel.self)
        token = try value("token", "a string", { $0.string })
        if token?.isEmpty == true { throw fail("token", "token must not be empty") }
    }

    /// A value for a message: its kind with an article, and the value when it is short
    /// (`a string ("seven")`, `an integer (7)`, `a table`).
    static func describe(_ value: TOMLValueConvertible) -> String {
        let kind = "\(value.type)"
        let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        let shown: String? = switch value.type {
        case .string: value.string.map { "\"\(TerminalText.escaped(String($0.prefix(40))))\"" }
        case .int: value.int.map(String.init)
        case .double: value.double.map { "\($0)" }
        case .bool: value.bool.map(String.init)
        default: nil
        }
        return "\(article) \(kind)" + (shown.map { " (\($0))" } ?? "")
    }
}
