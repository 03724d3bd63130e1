/// A plugin's tagging rules as plain values (no Lua), validated when the plugin loaded: which
/// persona an example belongs to and which secondary traits it has. ``CompiledTagRules``
/// turns them into matchers; the Host adds the Lua functions some conditions call.
public struct TagRules: Sendable {
    /// What one rule or trait checks. Every kind given must hold; one phrase is enough.
    public struct Conditions: Sendable, Equatable {
        /// The example's string fields the phrases and pattern look in.
        public var fields: [String]
        /// Phrases, any of which (as a whole word, ignoring case) satisfies the condition.
        public var phrases: [String] = []
        /// An extended regular expression searched in the fields, ignoring case.
        public var pattern: String?
        /// Bounds on the reply's text measures.
        public var bounds: [MeasureBound] = []
        /// A Lua function the Host calls (its index in the plugin's list of condition functions).
        public var function: Int?
        /// Where the conditions are written in the plugin (`tagging.rules[3]`).
        public var label: String

        public init(fields: [String], phrases: [String] = [], pattern: String? = nil, bounds: [MeasureBound] = [], function: Int? = nil, label: String) {
            self.fields = fields
            self.phrases = phrases
            self.pattern = pattern
            self.bounds = bounds
            self.function = function
            self.label = label
        }
    }

    /// An inclusive bound on one text measure (``TextMeasures/measureNames``).
    public struct MeasureBound: Sendable, Equatable {
        public var measure: String
        public var min: Double?
        public var max: Double?

        public init(measure: String, min: Double? = nil, max: Double? = nil) {
            self.measure = measure
            self.min = min
            self.max = max
        }
    }

    /// A source dataset that belongs to one persona: `match` found (ignoring case) in its name.
    public struct SourceRule: Sendable, Equatable {
        public var match: String
        public var persona: String

        public init(match: String, persona: String) {
            self.match = match
            self.persona = persona
        }
    }

    /// A persona rule: when its conditions hold, the example is the persona's.
    public struct PersonaRule: Sendable, Equatable {
        public var persona: String
        public var conditions: Conditions

        public init(persona: String, conditions: Conditions) {
            self.persona = persona
            self.conditions = conditions
        }
    }

    /// A secondary trait: it holds when any of its alternatives holds.
    public struct TraitRule: Sendable, Equatable {
        public var name: String
        public var alternatives: [Conditions]

        public init(name: String, alternatives: [Conditions]) {
            self.name = name
            self.alternatives = alternatives
        }
    }

    /// Whether to write `<persona:NAME>\n` before each instruction.
    public var prefix: Bool
    /// The field naming an example's source dataset (nil: the file name only).
    public var sourceField: String?
    /// The persona of an example nothing claims.
    public var fallback: String
    public var sources: [SourceRule]
    /// Tried in order; the first whose conditions hold wins.
    public var rules: [PersonaRule]
    /// In name order.
    public var traits: [TraitRule]

    public init(prefix: Bool = false, sourceField: String? = nil, fallback: String, sources: [SourceRule] = [], rules: [PersonaRule] = [], traits: [TraitRule] = []) {
        self.prefix = prefix
        self.sourceField = sourceField
        self.fallback = fallback
        self.sources = sources
        self.rules = rules
        self.traits = traits.sorted { $0.name < $1.name }
    }

    /// Every string field a rule or trait reads, sorted.
    public var fieldsRead: [String] {
        var names = Set<String>()
        for rule in rules { names.formUnion(rule.conditions.fields) }
        for trait in traits { for alternative in trait.alternatives { names.formUnion(alternative.fields) } }
        return names.sorted()
    }
}
