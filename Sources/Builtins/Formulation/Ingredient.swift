/// One cosmetic ingredient of a catalogue, as the formulation search sees it.
///
/// The catalogue lives in a domain plugin; the host reads it into these values once per run so the
/// search never calls into Lua. Scores are the plugin's: efficacy and safety on 0–10,
/// bioavailability and stability on 0–1.
public struct Ingredient: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var inciName: String
    /// The functional class (`cellular_turnover`, `hydration`, …).
    public var functionalClass: String
    /// Skin concerns it addresses, in the plugin's concern vocabulary.
    public var concerns: [String]
    public var efficacy: Double
    public var safety: Double
    public var bioavailability: Double
    public var stability: Double
    /// Formula pH in which it works and keeps.
    public var ph: ClosedRange<Double>
    /// Use level in the finished product, percent.
    public var useLevel: ClosedRange<Double>
    /// Raw-material price, USD per gram.
    public var costPerGram: Double
    public var isNatural: Bool
    /// Ids it must not share a formula with.
    public var incompatibilities: [String]
    /// Ids it works better with.
    public var synergies: [String]
    /// Free words preferences and aversions can name (`fragrance`, `strong_active`, …).
    public var tags: [String]

    public init(id: String, name: String, inciName: String, functionalClass: String, concerns: [String],
                efficacy: Double, safety: Double, bioavailability: Double, stability: Double,
                ph: ClosedRange<Double>, useLevel: ClosedRange<Double>, costPerGram: Double, isNatural: Bool,
                incompatibilities: [String] = [], synergies: [String] = [], tags: [String] = []) {
        self.id = id
        self.name = name
        self.inciName = inciName
        self.functionalClass = functionalClass
        self.concerns = concerns
        self.efficacy = efficacy
        self.safety = safety
        self.bioavailability = bioavailability
        self.stability = stability
        self.ph = ph
        self.useLevel = useLevel
        self.costPerGram = costPerGram
        self.isNatural = isNatural
        self.incompatibilities = incompatibilities
        self.synergies = synergies
        self.tags = tags
    }

    /// Whether it addresses `concern`.
    public func addresses(_ concern: String) -> Bool { concerns.contains(concern) }

    /// Raw-material cost of `level` percent of it in one kilogram of product, USD.
    public func costPerKilogram(atLevel level: Double) -> Double { costPerGram * level * 10 }

    /// Irritation it brings at `level` percent: (1 − safety/10) × level / top of its range.
    /// An ingredient of safety 6 at the top of its range brings 0.4; a formula's irritation is the sum.
    public func irritation(atLevel level: Double) -> Double {
        useLevel.upperBound > 0 ? (1 - safety / 10) * level / useLevel.upperBound : 0
    }
}

extension Ingredient {
    /// Whether two ingredients must not share a formula (listed on either side).
    public func isIncompatible(with other: Ingredient) -> Bool {
        incompatibilities.contains(other.id) || other.incompatibilities.contains(id)
    }

    /// Whether two ingredients are synergistic (listed on either side).
    public func isSynergistic(with other: Ingredient) -> Bool {
        synergies.contains(other.id) || other.synergies.contains(id)
    }
}
