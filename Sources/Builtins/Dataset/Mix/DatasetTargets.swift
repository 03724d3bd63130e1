/// What a balanced training dataset should look like, as plain values (no Lua): the persona
/// categories with their target shares, per-persona caps, shares and upsampling factors, the
/// secondary-trait shares aimed at within every persona, and the training curriculum.
///
/// The Plugins module builds it from a plugin's `tagging` table; `dataset stats` (gap analysis)
/// and `dataset mix` (quotas, sampling, the curriculum file) read only this.
public struct DatasetTargets: Sendable, Equatable {
    /// One category of personas and its target share of the whole dataset (a range, 0–1).
    public struct Category: Sendable, Equatable {
        public var name: String
        public var target: ClosedRange<Double>
        /// Its personas, in declaration order (a persona belongs to one category).
        public var personas: [String]

        public init(name: String, target: ClosedRange<Double>, personas: [String]) {
            self.name = name
            self.target = target
            self.personas = personas
        }
    }

    /// What the plugin says about one persona beyond its category.
    public struct PersonaSetting: Sendable, Equatable {
        /// Its own target share (0–1), instead of an equal part of its category's range.
        public var share: Double?
        /// The largest share it may take (0–1): a ceiling against dominance.
        public var cap: Double?
        /// How many times its examples may be used at most (≥ 1; 2 = each example up to twice).
        public var upsample: Double

        public init(share: Double? = nil, cap: Double? = nil, upsample: Double = 1) {
            self.share = share
            self.cap = cap
            self.upsample = upsample
        }
    }

    /// A secondary trait and the share of each persona's examples that should carry it.
    public struct TraitTarget: Sendable, Equatable {
        public var name: String
        public var share: Double

        public init(name: String, share: Double) {
            self.name = name
            self.share = share
        }
    }

    /// One phase of the training curriculum.
    public struct Phase: Sendable, Equatable {
        public var name: String
        /// What the phase is for (free text, written as a comment).
        public var purpose: String?
        public var learningRate: Double
        /// Its personas; nil means every persona.
        public var personas: [String]?
        /// Whether the trainer should shuffle the phase's examples.
        public var shuffle: Bool

        public init(name: String, purpose: String? = nil, learningRate: Double, personas: [String]?, shuffle: Bool = false) {
            self.name = name
            self.purpose = purpose
            self.learningRate = learningRate
            self.personas = personas
            self.shuffle = shuffle
        }
    }

    /// The categories in declaration order.
    public var categories: [Category]
    /// Settings by persona (personas without an entry have none).
    public var settings: [String: PersonaSetting]
    /// Trait targets in name order; bit `i` of a trait mask is `traits[i]`.
    public var traits: [TraitTarget]
    /// The curriculum's phases in order (empty when the plugin gives none).
    public var curriculum: [Phase]

    public init(categories: [Category], settings: [String: PersonaSetting] = [:], traits: [TraitTarget] = [], curriculum: [Phase] = []) {
        self.categories = categories
        self.settings = settings
        self.traits = traits.sorted { $0.name < $1.name }
        self.curriculum = curriculum
    }

    /// Every persona in declaration order (categories in order, then each category's personas).
    public var personas: [String] { categories.flatMap(\.personas) }

    /// The category `persona` belongs to.
    public func category(of persona: String) -> Category? {
        categories.first { $0.personas.contains(persona) }
    }

    /// The setting of `persona` (the defaults when the plugin gives none).
    public func setting(of persona: String) -> PersonaSetting { settings[persona] ?? PersonaSetting() }
}
