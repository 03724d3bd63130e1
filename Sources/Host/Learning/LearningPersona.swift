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

    /// Every learning persona of every loaded plugin, sorted by id.
    public static func all(in set: PluginSet) throws(PluginError) -> [LearningPersona] {
        var out: [LearningPersona] = []
        for plugin in set.providing(.personas) {
            for (id, table) in plugin.hook(.personas).fields where table["traits"] != .nil {
                out.append(try LearningPersona(id: id, table: table, plugin: plugin))
            }
        }
        return out.sorted { $0.id < $1.id }
    }

    init(id: String, table: LuaValue, plugin: Plugin) throws(PluginError) {
        self.id = id
        self.plugin = plugin
        name = table["name"].stringValue ?? id
        let path = "personas.\(id)"
        var traitTable = table["traits"]
        if let function = traitTable.functionValue {
            traitTable = try plugin.call(function, hookName: "\(path).traits").first ?? .nil
        }
        guard traitTable.isTable, !traitTable.fields.isEmpty else {
            throw .badResult(plugin: plugin.name, hook: "\(path).traits", problem: "must be a table of trait = { value, min, max }")
        }
        traits = try traitTable.fields.map { (trait, spec) throws(PluginError) -> TraitSpec in
            let f = LuaFieldReader(plugin: plugin.name, path: "\(path).traits.\(trait)", table: spec)
            let low = spec["min"] == .nil ? 0 : try f.number("min")
            let high = spec["max"] == .nil ? 1 : try f.number("max")
            guard low < high else { throw f.fail("max", "must be above min") }
            return TraitSpec(name: trait, range: low...high, initial: try f.number("value", in: low...high))
        }
        let l = LuaFieldReader(plugin: plugin.name, path: "\(path).learning", table: table["learning"])
        var settings = LearningSettings()
        if table["learning"].isTable {
            func read(_ field: String, _ keyPath: WritableKeyPath<LearningSettings, Double>) throws(PluginError) {
                if table["learning"][field] != .nil { settings[keyPath: keyPath] = try l.number(field, in: 0...1e9) }
            }
            try read("learning_rate", \.learningRate)
            try read("max_step", \.maxStep)
            try read("window", \.window)
            try read("max_change_per_window", \.maxChangePerWindow)
            try read("smoothing", \.smoothing)
            if table["learning"]["batch_size"] != .nil {
                let n = try l.number("batch_size", in: 1...1_000_000)
                guard n == n.rounded() else { throw l.fail("batch_size", "must be a whole number") }
                settings.batchSize = Int(n)
            }
        }
        if let problem = settings.problems.first { throw l.fail("", problem) }
        self.settings = settings
        golden = try (table["golden"].arrayValue ?? []).enumerated().map { (i, g) throws(PluginError) -> Golden in
            let f = LuaFieldReader(plugin: plugin.name, path: "\(path).golden[\(i + 1)]", table: g)
            return Golden(name: try f.optionalString("name", default: "golden scenario \(i + 1)"),
                          trait: g["trait"] == .nil ? nil : try f.string("trait"),
                          min: g["min"] == .nil ? nil : try f.number("min"), max: g["max"] == .nil ? nil : try f.number("max"),
                          check: g["check"].functionValue)
        }
    }

    /// Feedback types the persona's plugin maps.
    public var feedbackTypes: [String] { plugin.hook(.feedback).fields.map(\.name) }

    /// The traits as declared (version v1.0).
    public var initialTraits: [String: Double] { Dictionary(uniqueKeysWithValues: traits.map { ($0.name, $0.initial) }) }

    /// The first golden scenario `traits` fails, as a sentence, or nil when all pass.
    func failedScenario(_ traits: [String: Double]) throws(PluginError) -> String? {
        for g in golden {
            if let trait = g.trait, let value = traits[trait] {
                if let min = g.min, value < min - 1e-12 { return "\(g.name): \(trait) \(value.formatted2) is below \(min.formatted2)" }
                if let max = g.max, value > max + 1e-12 { return "\(g.name): \(trait) \(value.formatted2) is above \(max.formatted2)" }
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
