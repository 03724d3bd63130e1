/// The composite score of one ingredient for one persona: a weighted mean of its normalised
/// criteria, times the persona's preference multiplier, times a confidence.
///
/// `score = quality × preference × confidence`, with `quality = Σ wₖ·sₖ / Σ wₖ` over the criteria
/// below and `confidence = clamp(base + adjustment, 0.1, 1)`. Weights, multipliers and adjustments
/// come from the domain plugin's rules; this type only does the arithmetic, so the numbers in an
/// explanation are exactly the ones the search used.
public struct IngredientScoring: Sendable {
    /// How much each criterion counts (the plugin's `multipliers.weights(persona)`).
    public struct Weights: Sendable, Hashable, Codable {
        public var efficacy: Double
        public var safety: Double
        public var costEfficiency: Double
        public var bioavailability: Double
        public var stability: Double
        /// Weight of natural origin; 0 leaves it out.
        public var natural: Double

        public init(efficacy: Double, safety: Double, costEfficiency: Double, bioavailability: Double,
                    stability: Double, natural: Double = 0) {
            self.efficacy = efficacy
            self.safety = safety
            self.costEfficiency = costEfficiency
            self.bioavailability = bioavailability
            self.stability = stability
            self.natural = natural
        }

        var array: [Double] { [efficacy, safety, costEfficiency, bioavailability, stability, natural] }
    }

    /// One ingredient's criteria, each on 0–1.
    public struct Criteria: Sendable, Hashable, Codable {
        public var efficacy: Double
        public var safety: Double
        /// `1 / (1 + cost of the mid use level per kg / 10 USD)`: 1 for nearly free, 0.5 at 10 USD/kg.
        public var costEfficiency: Double
        public var bioavailability: Double
        public var stability: Double
        public var natural: Double

        public init(_ ingredient: Ingredient) {
            efficacy = min(max(ingredient.efficacy / 10, 0), 1)
            safety = min(max(ingredient.safety / 10, 0), 1)
            let mid = (ingredient.useLevel.lowerBound + ingredient.useLevel.upperBound) / 2
            costEfficiency = 1 / (1 + ingredient.costPerKilogram(atLevel: mid) / 10)
            bioavailability = min(max(ingredient.bioavailability, 0), 1)
            stability = min(max(ingredient.stability, 0), 1)
            natural = ingredient.isNatural ? 1 : 0
        }

        var array: [Double] { [efficacy, safety, costEfficiency, bioavailability, stability, natural] }
    }

    /// The lowest and highest confidence a score can carry.
    public static let confidenceRange = 0.1...1.0

    public var weights: Weights
    /// Confidence before the plugin's adjustment.
    public var baseConfidence: Double

    public init(weights: Weights, baseConfidence: Double = 0.7) {
        self.weights = weights
        self.baseConfidence = baseConfidence
    }

    /// The weighted mean of `criteria` (0 when every weight is 0).
    public func quality(_ criteria: Criteria) -> Double {
        let w = weights.array
        let total = w.reduce(0, +)
        guard total > 0 else { return 0 }
        return zip(w, criteria.array).reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    /// `base + adjustment`, clamped to `confidenceRange`.
    public func confidence(adjustment: Double) -> Double {
        min(max(baseConfidence + adjustment, Self.confidenceRange.lowerBound), Self.confidenceRange.upperBound)
    }

    /// The composite score.
    public func score(_ criteria: Criteria, preference: Double, confidenceAdjustment: Double) -> Double {
        quality(criteria) * preference * confidence(adjustment: confidenceAdjustment)
    }
}
