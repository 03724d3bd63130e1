import Builtins
import LuaBridge
import Plugins

/// A persona that learns: its traits with their ranges, how fast it learns, the golden scenarios a
/// new version must pass, and the plugin whose `feedback` mappings turn feedback into signals.
///
/// Any plugin's `personas` entry with a `traits` field is one: a table `name = { value, min, max }`
/// or a function returning it (the skincare plugin's 58 ingredient multipliers).
public struct LearningPersona {
    /// A check a candidate version must pass before it becomes active.
    public struct Golden {
        public var name: String
        public var trait: String?
        public var min: Double?
        public var max: Double?
        /// `check(traits) -> ok [, message]`, for rules a range cannot say.
        var check: LuaFunctionRef?
    }

    public let id: String
    public let name: String
    public let plugin: Plugin
    /// Traits sorted by name.
    public let traits: [TraitSpec]
    public let settings: LearningSettings
    public let golden: [Golden]

    /// Every learning persona of every loaded plugin, sorted by id (read and checked when the
    /// plugins loaded: see `LearningPersonaSpec`).
    public static func all(in set: PluginSet) -> [LearningPersona] {
        set.plugins.flatMap { plugin in plugin.contract.learningPersonas.map { LearningPersona(spec: $0, plugin: plugin) } }
            .sorted { $0.id < $1.id }
    }

    init(spec: LearningPersonaSpec, plugin: Plugin) {
        id = spec.id
        name = spec.name
        self.plugin = plugin
        traits = spec.traits
        settings = spec.settings
        golden = spec.golden.map { Golden(name: $0.name, trait: $0.trait, min: $0.min, max: $0.max, check: $0.check?.function) }
    }

    /// The plugin's mapping for feedback of `type`, if it maps that type.
    public func mapping(for type: String) -> FunctionHook? { plugin.contract.feedback[type] }

    /// Feedback types the persona's plugin maps.
    public var feedbackTypes: [String] { plugin.contract.feedback.keys.sorted() }

    /// The traits as declared (version v1.0).
    public var initialTraits: [String: Double] { Dictionary(uniqueKeysWithValues: traits.map { ($0.name, $0.initial) }) }

    /// The first golden scenario `traits` fails, as a sentence, or nil when all pass.
    func failedScenario(_ traits: [String: Double]) throws(PluginError) -> String? {
        for g in golden {
            if let trait = g.trait, let value = traits[trait] {
                if let min = g.min, value < min - 1e-12 { return "\(g.name): \(trait) \(NumberFormat.score(value)) is below \(NumberFormat.score(min))" }
                if let max = g.max, value > max + 1e-12 { return "\(g.name): \(trait) \(NumberFormat.score(value)) is above \(NumberFormat.score(max))" }
            }
            if let check = g.check {
                let table = LuaValue.table(Dictionary(uniqueKeysWithValues: traits.map { (LuaKey.string($0.key), LuaValue.number($0.value)) }))
                let result = try plugin.call(check, hookName: "personas.\(id).golden \(g.name)", [table])
                if result.first == .nil || result.first == .bool(false) {
                    return "\(g.name)" + (result.dropFirst().first?.stringValue.map { ": \($0)" } ?? "")
                }
            }
        }
        return nil
    }
}
