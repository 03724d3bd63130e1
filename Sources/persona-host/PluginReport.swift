import Builtins
import Host
import Plugins
import LuaBridge

/// What `plugins list` and `plugins check` print, as one encodable value.
struct PluginReport: Encodable {
    struct Entry: Encodable {
        var name: String
        var version: String
        var api: Int64
        var description: String
        var priority: Int64
        var hooks: [String]
        var path: String
        var status = "ok"
    }

    struct FailureEntry: Encodable {
        var path: String?
        var plugin: String?
        var status = "error"
        var error: String
    }

    var folder: String
    var reason: String
    var plugins: [Entry]
    var failures: [FailureEntry]
    /// `plugins check --db`: columns a goal domain reads that the users table lacks.
    var schemaProblems: [FailureEntry] = []

    init(folder: String, reason: String, set: PluginSet) {
        self.folder = folder
        self.reason = reason
        plugins = set.plugins.map { plugin in
            let m = plugin.manifest
            return Entry(name: m.name, version: m.version, api: m.api, description: m.description, priority: m.priority,
                         hooks: m.hooks.map(\.field), path: plugin.source.displayPath)
        }
        failures = set.failures.map { FailureEntry(path: $0.source?.displayPath, plugin: $0.name, error: $0.error.description) }
    }

    /// A fixed-width table for terminals.
    func table() -> String {
        var rows = [["NAME", "VERSION", "HOOKS", "PATH", "STATUS"]]
        for p in plugins { rows.append([p.name, p.version, p.hooks.joined(separator: ","), p.path, "ok"]) }
        for f in failures { rows.append([f.plugin ?? "-", "-", "-", f.path ?? "-", "error"]) }
        var lines = ["plugins from \(folder) (\(reason))"] + Output.columns(rows)
        for f in failures { lines.append("error: \(f.error)") }
        return lines.joined(separator: "\n")
    }
}
