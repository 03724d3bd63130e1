import Builtins
import LuaBridge
import Plugins

/// The formulation domain one plugin provides: its ingredient catalogue and personas read into
/// Swift values, and its rules (`multipliers`) ready to call.
///
/// The catalogue is read once per run, so the search itself never calls into Lua.
public struct FormulationDomain {
    public let plugin: Plugin
    /// The catalogue, in the plugin's order.
    public let ingredients: [Ingredient]
    /// Personas by id, sorted.
    public let personas: [SkincarePersona]
    /// The plugin's own tables, handed back to its rules.
    let ingredientTables: [LuaValue]
    let personaTables: [String: LuaValue]

    /// The first loaded plugin (in load order) that provides ingredients, personas and multipliers.
    public static func find(in set: PluginSet) throws(FormulationError) -> FormulationDomain {
        guard let plugin = set.plugins.first(where: { $0.provides(.ingredients) && $0.provides(.personas) && $0.provides(.multipliers) }) else {
            throw .noDomain(plugins: set.plugins.map(\.name))
        }
        do {
            return try FormulationDomain(plugin: plugin)
        } catch {
            throw .plugin(error)
        }
    }

    init(plugin: Plugin) throws(PluginError) {
        self.plugin = plugin
        let tables = plugin.hook(.ingredients).arrayValue ?? []
        var ingredients: [Ingredient] = []
        var seen: [String: Int] = [:]
        for (i, table) in tables.enumerated() {
            let ingredient = try Self.ingredient(table, index: i + 1, plugin: plugin.name)
            if let first = seen[ingredient.id] {
                throw .badResult(plugin: plugin.name, hook: "ingredients[\(i + 1)].id",
                                 problem: "'\(ingredient.id)' is already the id of ingredients[\(first)]")
            }
            seen[ingredient.id] = i + 1
            ingredients.append(ingredient)
        }
        guard !ingredients.isEmpty else { throw .badResult(plugin: plugin.name, hook: "ingredients", problem: "the catalogue is empty") }
        // A misspelt id in incompatibilities would silently allow an unsafe pair: refuse it.
        for (i, ingredient) in ingredients.enumerated() {
            for (field, ids) in [("incompatibilities", ingredient.incompatibilities), ("synergies", ingredient.synergies)] {
                for id in ids where seen[id] == nil {
                    throw .badResult(plugin: plugin.name, hook: "ingredients[\(i + 1)] (\(ingredient.id)).\(field)",
                                     problem: "'\(id)' is not the id of any ingredient in the catalogue")
                }
            }
        }
        self.ingredients = ingredients
        ingredientTables = tables
        var personas: [SkincarePersona] = []
        var personaTables: [String: LuaValue] = [:]
        for (id, table) in plugin.hook(.personas).fields {
            personas.append(try SkincarePersona(id: id, table: table, plugin: plugin.name))
            personaTables[id] = table
        }
        self.personas = personas
        self.personaTables = personaTables
    }

    /// The persona `id`, or an error listing the known ones.
    public func persona(_ id: String) throws(FormulationError) -> SkincarePersona {
        guard let persona = personas.first(where: { $0.id == id }) else {
            throw .unknownPersona(id: id, known: personas.map(\.id))
        }
        return persona
    }

    /// Every concern some ingredient addresses, sorted.
    public var concerns: [String] { Array(Set(ingredients.flatMap(\.concerns))).sorted() }

    private static func ingredient(_ table: LuaValue, index: Int, plugin: String) throws(PluginError) -> Ingredient {
        let label = table["id"].stringValue.map { "ingredients[\(index)] (\($0))" } ?? "ingredients[\(index)]"
        let f = LuaFieldReader(plugin: plugin, path: label, table: table)
        let id = try f.string("id")
        return Ingredient(
            id: id, name: try f.optionalString("name", default: id), inciName: try f.optionalString("inci_name"),
            functionalClass: try f.string("class"), concerns: try f.strings("concerns"),
            efficacy: try f.number("efficacy", in: 0...10), safety: try f.number("safety", in: 0...10),
            bioavailability: try f.number("bioavailability", in: 0...1), stability: try f.number("stability", in: 0...1),
            ph: try f.range("ph", within: 0...14), useLevel: try f.range("use_level", within: 0...100),
            costPerGram: try f.number("cost_per_gram", in: 0...1_000_000), isNatural: try f.bool("natural"),
            incompatibilities: try f.strings("incompatibilities"), synergies: try f.strings("synergies"),
            tags: try f.strings("tags"))
    }
}
