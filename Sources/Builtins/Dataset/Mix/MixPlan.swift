/// What `dataset mix` will write: how many examples of every persona and trait-mask group, how
/// the result compares with the targets, and every target it cannot meet, with the reason.
/// Made by ``MixPlanner/plan(size:targets:available:unknown:)``.
public struct MixPlan: Sendable, Equatable {
    /// Where a planned count stands against its target range (as in ``GapAnalysis``).
    public typealias Status = GapAnalysis.Status

    /// One declared persona in the plan.
    public struct PersonaOutcome: Sendable, Equatable {
        /// The persona's name.
        public var persona: String
        /// The name of its category.
        public var category: String
        /// Its examples in the input.
        public var available: Int
        /// The most it may get: min(⌊cap × size⌋, ⌊available × upsample⌋).
        public var limit: Int
        /// Its examples in the mix, repeats included.
        public var planned: Int
        /// Copies beyond its available examples: max(0, planned − available).
        public var repeats: Int
        /// `planned` over the plan's total.
        public var share: Double
        /// The bottom of its target range.
        public var targetMin: Double
        /// The top of its target range (at most its cap).
        public var targetMax: Double
        /// Under, within or over its range within the planned total.
        public var status: Status
    }

    /// One category in the plan.
    public struct CategoryOutcome: Sendable, Equatable {
        /// The category's name.
        public var name: String
        /// Its personas' examples in the input.
        public var available: Int
        /// Its personas' examples in the mix.
        public var planned: Int
        /// `planned` over the plan's total.
        public var share: Double
        /// The bottom of its target range.
        public var targetMin: Double
        /// The top of its target range.
        public var targetMax: Double
        /// Under, within or over its range within the planned total.
        public var status: Status
    }

    /// One trait within one persona's planned examples.
    public struct TraitOutcome: Sendable, Equatable {
        /// The trait's name.
        public var trait: String
        /// The persona's input examples carrying it.
        public var available: Int
        /// The persona's planned examples carrying it.
        public var planned: Int
        /// `planned` over the persona's planned examples (0 when it has none).
        public var share: Double
        /// The share the plugin aims at.
        public var target: Double
    }

    /// A target the plan cannot meet, and why.
    public struct Shortfall: Sendable, Equatable {
        /// What kind of target: "size", "category", "persona" or "trait".
        public var kind: String
        /// What it is about: the size, a category, a persona, or "trait in persona".
        public var subject: String
        /// A sentence saying what falls short and why.
        public var message: String
    }

    /// Examples tagged with a persona the plugin does not declare: left out of the mix.
    public struct Excluded: Sendable, Equatable {
        /// The undeclared persona's name.
        public var persona: String
        /// Its examples.
        public var count: Int
    }

    /// The size asked for.
    public var requested: Int
    /// The size planned: the sum of all quotas, min(requested, what limits allow).
    public var planned: Int
    /// Examples to write per persona and trait mask (bit i = the i-th trait in name order).
    public var quotas: [String: [UInt32: Int]]
    /// The declared personas in declaration order.
    public var personas: [PersonaOutcome]
    /// The categories in declaration order.
    public var categories: [CategoryOutcome]
    /// The target traits (name order) within each declared persona.
    public var traits: [String: [TraitOutcome]]
    /// Every target the plan misses: the size first, then categories, personas and traits in
    /// declaration (traits: name) order. A trait counts as missed when its share within the
    /// persona is off its target by more than one percentage point (or one example's worth of
    /// share, for a persona with under 100 planned examples).
    public var unmet: [Shortfall]
    /// Undeclared personas, by name, left out of the mix.
    public var excluded: [Excluded]
    /// Where the targets contradict themselves (``PersonaTargets/consistencyNotes(_:)``).
    public var notes: [String]

    /// The quota of one persona's trait-mask group (0 when it has none).
    public func quota(persona: String, mask: UInt32) -> Int { quotas[persona]?[mask] ?? 0 }
}
