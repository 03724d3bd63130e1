import Builtins
import LuaBridge

/// A formulation domain (`ingredients`, `personas`, `multipliers` together): the catalogue and
/// personas read into Swift values once, and the rules ready to call.
public struct FormulationSpec: Sendable {
    public var ingredients: [Ingredient]
    /// The plugin's own ingredient tables, handed back to its rules (catalogue order).
    public var ingredientTables: [LuaValue]
    /// Personas by id, sorted.
    public var personas: [SkincarePersona]
    /// The plugin's own persona tables, handed back to its rules.
    public var personaTables: [String: LuaValue]
    public var rules: FormulationRulesSpec

    /// Every concern some ingredient addresses, sorted.
    public var concerns: [String] { Array(Set(ingredients.flatMap(\.concerns))).sorted() }
}

/// `multipliers`: the rules that turn a persona into numbers for the scorer.
public struct FormulationRulesSpec: Sendable {
    public var weights: FunctionHook
    public var preference: FunctionHook
    public var confidence: FunctionHook
    public var budget: FunctionHook
    public var limits: FunctionHook
    /// Optional: an ingredient that may not be used at all.
    public var exclusion: FunctionHook?
    /// `base_confidence` (default `ContractDefaults.baseConfidence`).
    public var baseConfidence: Double
}
