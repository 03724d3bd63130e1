import LuaBridge
import Plugins
import Builtins
/// A skincare persona as a formulation domain plugin declares it (seed 000's PersonaProfile).
///
/// Read once from the plugin's `personas` table; the original Lua table travels with it so the
/// plugin's rules receive exactly what the plugin declared.
public struct SkincarePersona: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    public var skinType: String
    public var primaryConcerns: [String]
    /// 0–1: how strongly the skin reacts to actives.
    public var sensitivityLevel: Double
    /// `budget`, `mid-range` or `premium`.
    public var budgetPreference: String
    public var ingredientPreferences: [String]
    public var ingredientAversions: [String]
    public var efficacyTolerance: Double
    public var safetyPriority: Double
    public var naturalPreference: Double

    /// Reads persona `id` from `table`; errors name the plugin and the field.
    init(id: String, table: LuaValue, plugin: String) throws(PluginError) {
        let fields = LuaFieldReader(plugin: plugin, path: "personas.\(id)", table: table)
        self.id = id
        name = try fields.optionalString("name", default: id)
        description = try fields.optionalString("description")
        skinType = try fields.string("skin_type")
        primaryConcerns = try fields.strings("primary_concerns")
        sensitivityLevel = try fields.number("sensitivity_level", in: 0...1)
        budgetPreference = try fields.string("budget_preference")
        ingredientPreferences = try fields.strings("ingredient_preferences")
        ingredientAversions = try fields.strings("ingredient_aversions")
        efficacyTolerance = try fields.number("efficacy_tolerance", in: 0...1)
        safetyPriority = try fields.number("safety_priority", in: 0...1)
        naturalPreference = try fields.number("natural_preference", in: 0...1)
    }

    /// The persona's numeric traits, the first part of its profile vector.
    public var traits: [(name: String, value: Double)] {
        [("sensitivity_level", sensitivityLevel), ("efficacy_tolerance", efficacyTolerance),
         ("safety_priority", safetyPriority), ("natural_preference", naturalPreference),
         ("budget_level", ["budget": 0, "mid-range": 0.5, "premium": 1][budgetPreference] ?? 0.5)]
    }
}
