import Builtins
/// The outcome of loading a plugins folder: the plugins that loaded, in load order, and the
/// ones that did not, with why.
public struct PluginSet {
    /// One plugin (or folder entry) that could not be loaded, and why.
    public struct Failure: Sendable {
        public var source: PluginSource?
        public var error: PluginError

        /// The plugin's name when known, else its folder or file name.
        public var name: String { error.plugin ?? source.map { $0.entryName } ?? "?" }
    }

    /// Loaded plugins, by priority then name.
    public var plugins: [Plugin]
    /// What could not be loaded.
    public var failures: [Failure]

    public init(plugins: [Plugin], failures: [Failure]) {
        self.plugins = plugins
        self.failures = failures
    }

    /// The plugin named `name`, if loaded.
    public func plugin(named name: String) -> Plugin? { plugins.first { $0.name == name } }

    /// Loaded plugins that provide `kind`, in load order.
    public func providing(_ kind: HookKind) -> [Plugin] { plugins.filter { $0.provides(kind) } }
}

/// Checks between plugins: what no single plugin can know is wrong.
enum PluginSetCheck {
    /// Each plugin that conflicts with the others, with why. Plugins that share a name are both
    /// refused; a `selected_by` must name an intent some plugin declares; at most one default
    /// domain and one formulation domain; a learning persona id belongs to one plugin.
    static func conflicts(among plugins: [Plugin]) -> [(plugin: Plugin, error: PluginError)] {
        var out: [(Plugin, PluginError)] = []
        var refused = Set<ObjectIdentifier>()
        func refuse(_ plugin: Plugin, _ error: PluginError) {
            guard refused.insert(ObjectIdentifier(plugin)).inserted else { return }
            out.append((plugin, error))
        }
        for (name, group) in Dictionary(grouping: plugins, by: \.name) where group.count > 1 {
            for plugin in group {
                let other = group.first { $0 !== plugin }!
                refuse(plugin, .duplicateName(name: name, file: plugin.source.displayPath, otherFile: other.source.displayPath))
            }
        }
        let categories = Set(plugins.flatMap { $0.contract.intents.map(\.category) })
        for plugin in plugins {
            for intent in plugin.contract.domain?.selectedBy ?? [] where !categories.contains(intent) {
                refuse(plugin, .conflict(plugin: plugin.name, file: plugin.source.displayPath,
                                         problem: "selected_by names '\(intent)', which no plugin declares as an intent"
                                            + "\(Suggestion.phrase(for: intent, among: categories)) (intents: \(categories.sorted().joined(separator: ", ")))"))
            }
        }
        // A category has one threshold: two plugins declaring different ones would leave one ignored.
        var thresholds: [String: (plugin: Plugin, value: Double)] = [:]
        for plugin in plugins.sorted(by: { ($0.manifest.priority, $0.name) < ($1.manifest.priority, $1.name) }) {
            for intent in plugin.contract.intents where !intent.thresholdIsDefault {
                if let first = thresholds[intent.category], first.plugin !== plugin {
                    if first.value != intent.threshold {
                        refuse(plugin, .conflict(plugin: plugin.name, file: plugin.source.displayPath,
                                                 problem: "intents.\(intent.category).threshold is \(intent.threshold.formatted2), but \(first.plugin.name) "
                                                    + "declares \(first.value.formatted2) for the same category: a category has one threshold (declare it in one plugin)"))
                    }
                } else {
                    thresholds[intent.category] = (plugin, intent.threshold)
                }
            }
        }
        let defaults = plugins.filter { $0.contract.domain?.isDefault == true }
        if defaults.count > 1 {
            for plugin in defaults {
                refuse(plugin, .conflict(plugin: plugin.name, file: plugin.source.displayPath,
                                         problem: "default_domain = true, but so is \(defaults.filter { $0 !== plugin }.map(\.name).joined(separator: ", ")): "
                                            + "only one plugin may be the default domain"))
            }
        }
        let formulation = plugins.filter { $0.contract.formulation != nil }
        if formulation.count > 1 {
            for plugin in formulation {
                refuse(plugin, .conflict(plugin: plugin.name, file: plugin.source.displayPath,
                                         problem: "provides a formulation domain, and so does \(formulation.filter { $0 !== plugin }.map(\.name).joined(separator: ", ")): "
                                            + "only one plugin may"))
            }
        }
        var personaOwners: [String: [Plugin]] = [:]
        for plugin in plugins { for persona in plugin.contract.learningPersonas { personaOwners[persona.id, default: []].append(plugin) } }
        for (id, owners) in personaOwners where owners.count > 1 {
            for plugin in owners {
                refuse(plugin, .conflict(plugin: plugin.name, file: plugin.source.displayPath,
                                         problem: "declares persona '\(id)', and so does \(owners.filter { $0 !== plugin }.map(\.name).joined(separator: ", "))"))
            }
        }
        return out
    }
}

extension Suggestion {
    /// `phrase(for:among:)` over a set.
    static func phrase(for word: String, among known: Set<String>) -> String { phrase(for: word, among: Array(known).sorted()) }
}
