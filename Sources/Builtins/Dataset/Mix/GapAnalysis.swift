/// How a tagged dataset compares with the plugin's targets (`dataset stats`): per category and
/// per persona its count, share and status, with the examples needed to reach the bottom of the
/// target range or in excess of its top at the planned size; trait shares overall and per
/// persona; personas the plugin does not declare; and the notes on inconsistent targets.
///
/// Status is judged at the planned size `size` (the current total by default): under when
/// count < ⌈lo × size⌉ (then `needed` = ⌈lo × size⌉ − count), over when count > ⌊hi × size⌋
/// (then `excess` = count − ⌊hi × size⌋), within otherwise (both 0). With `size` = total this
/// is exactly "share below / above the range". A persona's range is its ``PersonaTarget``
/// range, so a capped persona's top is at most its cap.
public struct GapAnalysis: Sendable, Codable, Equatable {
    /// Where a count stands against its target range.
    public enum Status: String, Sendable, Codable, Equatable {
        /// Below the bottom of the range: examples are missing.
        case under
        /// Within the range (both ends included).
        case within
        /// Above the top of the range (or its cap): examples are in excess.
        case over
    }

    /// One category against its target.
    public struct CategoryGap: Sendable, Codable, Equatable {
        /// The category's name.
        public var name: String
        /// Examples tagged with any of its personas.
        public var count: Int
        /// `count` over the dataset's total (0 for an empty dataset).
        public var share: Double
        /// The bottom of its target range (0–1).
        public var targetMin: Double
        /// The top of its target range (0–1).
        public var targetMax: Double
        /// Under, within or over the range at the planned size.
        public var status: Status
        /// Examples to add to reach the bottom of the range at the planned size (0 unless under).
        public var needed: Int
        /// Examples beyond the top of the range at the planned size (0 unless over).
        public var excess: Int

        enum CodingKeys: String, CodingKey {
            case name, count, share, status, needed, excess
            case targetMin = "target_min", targetMax = "target_max"
        }
    }

    /// One persona against its target.
    public struct PersonaGap: Sendable, Codable, Equatable {
        /// The persona's name.
        public var name: String
        /// The name of its category.
        public var category: String
        /// Examples tagged with it.
        public var count: Int
        /// `count` over the dataset's total.
        public var share: Double
        /// The bottom of its target range.
        public var targetMin: Double
        /// The top of its target range (at most its cap).
        public var targetMax: Double
        /// Under, within or over at the planned size.
        public var status: Status
        /// Examples to add to reach the bottom of the range at the planned size (0 unless under).
        public var needed: Int
        /// Examples beyond the top of the range at the planned size (0 unless over).
        public var excess: Int

        enum CodingKeys: String, CodingKey {
            case name, category, count, share, status, needed, excess
            case targetMin = "target_min", targetMax = "target_max"
        }
    }

    /// One secondary trait's share against its target.
    public struct TraitGap: Sendable, Codable, Equatable {
        /// The trait's name.
        public var name: String
        /// Examples carrying it.
        public var count: Int
        /// `count` over the examples considered (the whole dataset, or one persona's).
        public var share: Double
        /// The share the plugin aims at.
        public var target: Double
        /// `share − target`: negative when the trait is too rare.
        public var difference: Double
    }

    /// Examples tagged with a persona the plugin does not declare.
    public struct UnknownPersona: Sendable, Codable, Equatable {
        /// The undeclared persona's name.
        public var name: String
        /// Its examples.
        public var count: Int
    }

    /// The dataset's size the counts are shares of.
    public var total: Int
    /// The size the needed and excess figures are worked out for.
    public var size: Int
    /// The categories in declaration order.
    public var categories: [CategoryGap]
    /// The declared personas in declaration order.
    public var personas: [PersonaGap]
    /// The target traits (name order) over the whole dataset.
    public var traits: [TraitGap]
    /// The target traits (name order) within each declared persona.
    public var personaTraits: [String: [TraitGap]]
    /// Counts under undeclared personas, by name.
    public var unknownPersonas: [UnknownPersona]
    /// Where the targets contradict themselves (``PersonaTargets/consistencyNotes(_:)``).
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case total, size, categories, personas, traits, notes
        case personaTraits = "persona_traits", unknownPersonas = "unknown_personas"
    }

    /// Compares counts with `targets`. `personaCounts` is examples per persona, `traitCounts`
    /// examples per persona and trait, `total` the dataset's size (untagged examples included),
    /// `size` the planned dataset size (the total when nil). Negative counts are read as 0.
    public init(targets: DatasetTargets, personaCounts: [String: Int], traitCounts: [String: [String: Int]],
                total: Int, size: Int? = nil) {
        let total = max(0, total)
        let size = max(0, size ?? total)
        self.total = total
        self.size = size
        func share(_ n: Int, of whole: Int) -> Double { whole > 0 ? Double(n) / Double(whole) : 0 }
        func judge(_ count: Int, _ lo: Double, _ hi: Double) -> (Status, Int, Int) {
            let bottom = MixCount.ceil(lo * Double(size))
            let top = MixCount.floor(hi * Double(size))
            if count < bottom { return (.under, bottom - count, 0) }
            if count > top { return (.over, 0, count - top) }
            return (.within, 0, 0)
        }
        let count = { (persona: String) in max(0, personaCounts[persona] ?? 0) }

        categories = targets.categories.map { category in
            let n = category.personas.reduce(0) { $0 + count($1) }
            let (status, needed, excess) = judge(n, category.target.lowerBound, category.target.upperBound)
            return CategoryGap(name: category.name, count: n, share: share(n, of: total),
                               targetMin: category.target.lowerBound, targetMax: category.target.upperBound,
                               status: status, needed: needed, excess: excess)
        }
        let personaTargets = PersonaTargets.personaTargets(targets)
        personas = personaTargets.map { target in
            let n = count(target.persona)
            let (status, needed, excess) = judge(n, target.range.lowerBound, target.range.upperBound)
            return PersonaGap(name: target.persona, category: target.category, count: n, share: share(n, of: total),
                              targetMin: target.range.lowerBound, targetMax: target.range.upperBound,
                              status: status, needed: needed, excess: excess)
        }

        func traitGaps(_ counts: (String) -> Int, of whole: Int) -> [TraitGap] {
            targets.traits.map { trait in
                let n = counts(trait.name)
                let s = share(n, of: whole)
                return TraitGap(name: trait.name, count: n, share: s, target: trait.share, difference: s - trait.share)
            }
        }
        let traitOwners = traitCounts.keys.sorted()
        traits = traitGaps({ name in traitOwners.reduce(0) { $0 + max(0, traitCounts[$1]?[name] ?? 0) } }, of: total)
        var perPersona: [String: [TraitGap]] = [:]
        for target in personaTargets {
            let own = traitCounts[target.persona] ?? [:]
            perPersona[target.persona] = traitGaps({ max(0, own[$0] ?? 0) }, of: count(target.persona))
        }
        personaTraits = perPersona

        let declared = Set(targets.personas)
        unknownPersonas = personaCounts.keys.filter { !declared.contains($0) }.sorted()
            .map { UnknownPersona(name: $0, count: max(0, personaCounts[$0] ?? 0)) }
        notes = PersonaTargets.consistencyNotes(targets)
    }
}
