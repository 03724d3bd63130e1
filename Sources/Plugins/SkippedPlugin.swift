/// A plugin a command ran without under `--skip-broken`, and why it failed to load: listed in
/// the text output's first line, in the JSON and in the saved run.
public struct SkippedPlugin: Sendable, Codable, Equatable {
    public var plugin: String
    public var path: String?
    public var error: String

    public init(plugin: String, path: String?, error: String) {
        self.plugin = plugin
        self.path = path
        self.error = error
    }

    /// The failures of `set`, as skipped plugins.
    public static func all(in set: PluginSet) -> [SkippedPlugin] {
        set.failures.map { SkippedPlugin(plugin: $0.name, path: $0.source?.displayPath, error: $0.error.description) }
    }

    /// "WARNING: --skip-broken left out …": the first line of a text report (nil when none were).
    public static func warningLine(_ skipped: [SkippedPlugin]) -> String? {
        guard !skipped.isEmpty else { return nil }
        return "WARNING: --skip-broken left out \(skipped.count) broken plugin(s): "
            + skipped.map { "\($0.plugin) (\($0.error.split(separator: "\n").first ?? ""))" }.joined(separator: "; ")
    }
}
