import Builtins
import LuaBridge
import Plugins

/// The formulation domain one plugin provides: its catalogue and personas (read and checked when
/// the plugin loaded) and its rules, ready to call.
///
/// The search itself never calls into Lua: the rules run once per ingredient to score it.
public struct FormulationDomain {
    public let plugin: Plugin
    public let spec: FormulationSpec

    /// The catalogue, in the plugin's order.
    public var ingredients: [Ingredient] { spec.ingredients }
    /// Personas by id, sorted.
    public var personas: [SkincarePersona] { spec.personas }
    /// Every concern some ingredient addresses, sorted.
    public var concerns: [String] { spec.concerns }

    /// The loaded plugin that provides a formulation domain (at most one may: the loader refuses
    /// a second), or `.noDomain` naming the plugins that are loaded and any that failed.
    public static func find(in set: PluginSet) throws(FormulationError) -> FormulationDomain {
        guard let plugin = set.plugins.first(where: { $0.contract.formulation != nil }), let spec = plugin.contract.formulation else {
            throw .noDomain(plugins: set.plugins.map(\.name), failed: set.failures.map { "\($0.name): \($0.error.description)" })
        }
        return FormulationDomain(plugin: plugin, spec: spec)
    }

    /// The persona `id`, or an error listing the known ones.
    public func persona(_ id: String) throws(FormulationError) -> SkincarePersona {
        guard let persona = personas.first(where: { $0.id == id }) else {
            throw .unknownPersona(id: id, known: personas.map(\.id))
        }
        return persona
    }
}
