/// The hard limits every formulation must respect.
public struct FormulationConstraints: Sendable, Hashable, Codable {
    /// Total of the chosen ingredients' use levels, percent of the product.
    public var actives: ClosedRange<Double>
    /// Raw-material cost of the chosen ingredients, USD per kilogram of product.
    public var budget: Double
    /// Largest total irritation (`Ingredient.irritation(atLevel:)`, summed) the persona tolerates.
    public var maxIrritation: Double
    /// Most ingredients in one formula.
    public var maxIngredients: Int

    public init(actives: ClosedRange<Double> = 5...25, budget: Double = 100, maxIrritation: Double = 1, maxIngredients: Int = 6) {
        self.actives = actives
        self.budget = budget
        self.maxIrritation = maxIrritation
        self.maxIngredients = maxIngredients
    }
}

/// The kinds of hard constraint, as reports name them.
public enum ConstraintKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ingredients the persona avoids or the request excludes are never used.
    case exclusions
    /// No two chosen ingredients may be incompatible.
    case incompatibility
    /// All chosen ingredients share a pH window.
    case ph
    /// Total use level within the actives range.
    case actives
    /// Raw-material cost within the budget.
    case budget
    /// Total irritation within the persona's limit.
    case irritation
    /// At most `maxIngredients` ingredients.
    case ingredientCount = "ingredient_count"
}

/// What the search maximises, documented so a formulator can predict its choices:
///
///     F = coverage · |target concerns covered|
///       + Σ over chosen ingredients (value · (credit + (1 − credit) · t) − threshold)
///       + synergy · |synergistic pairs chosen|
///
/// where `value` is the ingredient's composite score (× `supportFactor` when it addresses none of the
/// target concerns) and `t ∈ [0, 1]` is its level's position in its use range. Coverage outweighs
/// everything else, so a formula that covers more concerns always wins; each ingredient must be
/// worth more than `threshold` to earn its place; higher levels give more benefit but cost money and
/// irritation, which the constraints limit.
public struct FormulationObjective: Sendable, Hashable, Codable {
    public var coverage: Double
    public var threshold: Double
    public var synergy: Double
    public var supportFactor: Double
    /// The share of an ingredient's value it gives at the bottom of its use range.
    public var credit: Double

    public init(coverage: Double = 10, threshold: Double = 0.2, synergy: Double = 0.15, supportFactor: Double = 0.6, credit: Double = 0.5) {
        self.coverage = coverage
        self.threshold = threshold
        self.synergy = synergy
        self.supportFactor = supportFactor
        self.credit = credit
    }
}

/// One formulation request, scored and ready to search: the catalogue, each ingredient's composite
/// score for the persona, what is excluded and why, the target concerns and the limits.
public struct FormulationProblem: Sendable {
    public var ingredients: [Ingredient]
    /// Composite score per ingredient (same order as `ingredients`).
    public var scores: [Double]
    /// Ingredient id → why it may not be used.
    public var exclusions: [String: String]
    public var targetConcerns: [String]
    public var constraints: FormulationConstraints
    public var objective: FormulationObjective
    /// Constraints the search ignores (used to find which one binds).
    public var relaxed: Set<ConstraintKind> = []
    /// Search nodes before the search stops with its best so far (reported as not proven optimal).
    public var nodeLimit: Int = 50_000
    /// Formulas whose objectives differ by at most this are ties: the search proves its answer
    /// optimal to within it (a MIP solver's absolute gap). The default proves exact optimality, which on a
    /// catalogue of many near-identical grades can take millions of nodes.
    public var tolerance: Double = 1e-9

    public init(ingredients: [Ingredient], scores: [Double], exclusions: [String: String] = [:], targetConcerns: [String],
                constraints: FormulationConstraints, objective: FormulationObjective = FormulationObjective()) {
        precondition(ingredients.count == scores.count, "one score per ingredient")
        self.ingredients = ingredients
        self.scores = scores
        self.exclusions = exclusions
        self.targetConcerns = targetConcerns
        self.constraints = constraints
        self.objective = objective
    }

    /// The same problem with `kind` ignored.
    public func relaxing(_ kind: ConstraintKind) -> FormulationProblem {
        var copy = self
        copy.relaxed.insert(kind)
        return copy
    }

    /// The limits actually in force (relaxed ones opened up).
    var effectiveConstraints: FormulationConstraints {
        var c = constraints
        if relaxed.contains(.actives) { c.actives = 0...Double.greatestFiniteMagnitude }
        if relaxed.contains(.budget) { c.budget = .infinity }
        if relaxed.contains(.irritation) { c.maxIrritation = .infinity }
        if relaxed.contains(.ingredientCount) { c.maxIngredients += max(2, targetConcerns.count) }
        return c
    }

    /// Ingredient value in the objective: its score, discounted when it addresses no target concern.
    func value(of index: Int) -> Double {
        let ingredient = ingredients[index]
        let relevant = targetConcerns.contains { ingredient.addresses($0) }
        return scores[index] * (relevant ? 1 : objective.supportFactor)
    }
}
