import LuaBridge

/// Everything a plugin provides, read once at load into typed specs: what the pipelines
/// consume. No pipeline reads the plugin's Lua tables itself, so a shape, type or range problem
/// is found when the plugin loads (`plugins check` reports it), never halfway through a run.
///
/// Hook functions stay Lua functions (`FunctionHook`); what they return is checked against
/// its spec at each call (see `GoalHooks`, `FormulationRules`, `LearningHooks`).
public struct PluginContract: Sendable {
    /// `intents`: the plugin's intent categories.
    public var intents: [IntentSpec] = []
    /// `filters(goal)`: conditions for the intents the plugin declares.
    public var filters: FunctionHook?
    /// The goal domain: features, clustering and naming, when the plugin has `features`.
    public var domain: DomainSpec?
    /// The formulation domain, when the plugin has `ingredients`, `personas` and `multipliers`.
    public var formulation: FormulationSpec?
    /// Personas that learn from feedback (`personas` entries with `traits`).
    public var learningPersonas: [LearningPersonaSpec] = []
    /// `feedback`: feedback type → mapping, by type.
    public var feedback: [String: FunctionHook] = [:]
    /// `tagging`: rules for tagging records.
    public var tagging: TaggingSpec?
    /// `photos`: face-persona photo rules.
    public var photos: PhotoRulesSpec?

    public init() {}
}

/// A Lua function a plugin provides, with the field it came from and where it is defined.
public struct FunctionHook: Sendable {
    /// The manifest path (`persona`, `features.score`, `multipliers.limits`).
    public var name: String
    public var function: LuaFunctionRef
    /// Where the function is written, when known.
    public var location: SourceLocation?

    public init(name: String, function: LuaFunctionRef, location: SourceLocation?) {
        self.name = name
        self.function = function
        self.location = location
    }
}
