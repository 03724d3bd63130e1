/// What a chosen formula is predicted to be: its totals against the limits and its predicted
/// efficacy, safety, stability and synergy.
///
/// The predictions are simple, documented models, good for comparing formulas, not for a lab:
/// - efficacy (0–10): mean over ingredients of `efficacy · (0.5 + 0.5 t) · (1 + 0.1 · synergy partners)`, at most 10;
/// - safety (0–10): `10 − 5 · irritation`, within 0–10;
/// - stability (0–1): the least stable ingredient's (a formula keeps only as well as its weakest part);
/// - synergy (0–1): synergistic pairs over possible pairs.
public struct FormulationMetrics: Sendable, Hashable, Codable {
    public var totalActives: Double
    public var costPerKilogram: Double
    public var irritation: Double
    /// The pH window all chosen ingredients share (nil for an empty formula).
    public var ph: ClosedRange<Double>?
    public var efficacy: Double
    public var safety: Double
    public var stability: Double
    public var synergy: Double
    /// Synergistic pairs in the formula, as ids.
    public var synergyPairs: [[String]]
    /// Limits the formula sits on (within 0.1 %): raising them could give a better formula.
    public var tightConstraints: [ConstraintKind]

    public init(_ picks: [FormulationSearch.Pick], in problem: FormulationProblem) {
        let ingredients = picks.map { problem.ingredients[$0.index] }
        let levels = picks.map(\.level)
        totalActives = levels.reduce(0, +)
        costPerKilogram = zip(ingredients, levels).reduce(0) { $0 + $1.0.costPerKilogram(atLevel: $1.1) }
        irritation = zip(ingredients, levels).reduce(0) { $0 + $1.0.irritation(atLevel: $1.1) }
        let low = ingredients.map(\.ph.lowerBound).max()
        let high = ingredients.map(\.ph.upperBound).min()
        ph = low.flatMap { low in high.flatMap { low <= $0 ? low...$0 : nil } }
        var pairs: [[String]] = []
        var partners = [Int](repeating: 0, count: ingredients.count)
        for i in ingredients.indices {
            for j in ingredients.indices where j > i && ingredients[i].isSynergistic(with: ingredients[j]) {
                pairs.append([ingredients[i].id, ingredients[j].id])
                partners[i] += 1
                partners[j] += 1
            }
        }
        synergyPairs = pairs
        let possible = ingredients.count * (ingredients.count - 1) / 2
        synergy = possible > 0 ? Double(pairs.count) / Double(possible) : 0
        let efficacies = ingredients.indices.map { i in
            min(10, ingredients[i].efficacy * (0.5 + 0.5 * picks[i].position) * (1 + 0.1 * Double(partners[i])))
        }
        efficacy = efficacies.isEmpty ? 0 : efficacies.reduce(0, +) / Double(efficacies.count)
        safety = min(10, max(0, 10 - 5 * irritation))
        stability = ingredients.map(\.stability).min() ?? 0
        let c = problem.constraints
        func near(_ value: Double, _ limit: Double) -> Bool { limit.isFinite && abs(value - limit) <= max(1e-9, 0.001 * abs(limit)) }
        var tight: [ConstraintKind] = []
        if !picks.isEmpty {
            if near(totalActives, c.actives.upperBound) || near(totalActives, c.actives.lowerBound) { tight.append(.actives) }
            if near(costPerKilogram, c.budget) { tight.append(.budget) }
            if near(irritation, c.maxIrritation) { tight.append(.irritation) }
            if picks.count == c.maxIngredients { tight.append(.ingredientCount) }
        }
        tightConstraints = tight
    }
}
