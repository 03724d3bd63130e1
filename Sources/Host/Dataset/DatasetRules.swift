import Builtins
import Plugins

/// The plugin whose `tagging` rules a dataset command applies, with those rules checked for
/// what the command needs (declared categories for targets and mixing).
public struct DatasetRules {
    public let plugin: Plugin
    public let spec: TaggingSpec

    /// Picks the tagging plugin of `plugins`: the one named `name`, or the only one there is.
    public init(from plugins: PluginSet, named name: String?) throws(DatasetError) {
        let plugin: Plugin
        do {
            plugin = try plugins.single(providing: .tagging, named: name, rules: "tagging rules (a `tagging` table or function)",
                                        shipped: "plugins/dataset_personas")
        } catch { throw .plugin(error.description) }
        guard let spec = plugin.contract.tagging else { throw .plugin("plugin \(plugin.name) has no tagging rules (a `tagging` table or function)") }
        self.plugin = plugin
        self.spec = spec
    }

    /// The rules of `plugin`, which has a `tagging` hook.
    init(plugin: Plugin) {
        self.plugin = plugin
        self.spec = plugin.contract.tagging ?? TaggingSpec()
    }

    /// The categories and targets, or an error saying the command needs them.
    public func targets(for command: String) throws(DatasetError) -> DatasetTargets {
        guard let targets = spec.targets else {
            throw .plugin("dataset \(command) needs the plugin's persona categories and targets: \(plugin.name)'s tagging has no `categories`")
        }
        return targets
    }

    /// `name version`, as reports and manifests record it.
    public var pluginVersion: String { "\(plugin.name) \(plugin.manifest.version)" }
}
