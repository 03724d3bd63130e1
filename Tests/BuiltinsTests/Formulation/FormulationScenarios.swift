import Testing
@testable import Builtins

/// Small requests built so that exactly one hard constraint keeps every target concern from being covered
/// (all but one are, except where nothing is feasible), with the constraint that is responsible.
struct FormulationScenario: Sendable, CustomTestStringConvertible {
    var name: String
    var problem: FormulationProblem
    /// Two ids the constraint keeps apart (nil when it is about the count, not a pair).
    var pair: (String, String)?
    var binding: ConstraintKind
    /// Whether the request can be met at all (partially) with the constraint in force.
    var feasible = true

    var testDescription: String { name }
}

enum FormulationScenarios {
    typealias F = FormulationFixtures
    static let targets = ["acne", "dryness"]
    /// A concern-less helper every scenario offers, so the search has a third option to juggle.
    static let support = F.ingredient("support", useLevel: 0.5...2)

    /// (a) The only acne and dryness ingredients are incompatible.
    static let incompatibility = FormulationScenario(
        name: "incompatibility",
        problem: F.problem([F.ingredient("a", concerns: ["acne"], incompatibilities: ["b"]),
                            F.ingredient("b", concerns: ["dryness"]), support], targets: targets),
        pair: ("a", "b"), binding: .incompatibility)

    /// (b) The dryness ingredient costs 10 USD/kg at its lowest level; the budget is 5.
    static let budget = FormulationScenario(
        name: "budget",
        problem: F.problem([F.ingredient("a", concerns: ["acne"]), support,
                            F.ingredient("b", concerns: ["dryness"], costPerGram: 1)],
                           targets: targets, constraints: FormulationConstraints(budget: 5)),
        pair: ("a", "b"), binding: .budget)

    /// (c) pH windows 3–4.5 and 5–7 do not overlap (the support fits both).
    static let ph = FormulationScenario(
        name: "ph",
        problem: F.problem([F.ingredient("a", concerns: ["acne"], ph: 3...4.5), support,
                            F.ingredient("b", concerns: ["dryness"], ph: 5...7)], targets: targets),
        pair: ("a", "b"), binding: .ph)

    /// (d) The dryness ingredient (safety 2) brings 0.16 irritation at its lowest level; the limit is 0.1.
    static let irritation = FormulationScenario(
        name: "irritation",
        problem: F.problem([F.ingredient("a", concerns: ["acne"]), support,
                            F.ingredient("b", concerns: ["dryness"], safety: 2)],
                           targets: targets, constraints: FormulationConstraints(maxIrritation: 0.1)),
        pair: ("a", "b"), binding: .irritation)

    /// (e) Minimum levels 8 % each, at most 12 % actives in all.
    static let activesCeiling = FormulationScenario(
        name: "actives ceiling",
        problem: F.problem([F.ingredient("a", concerns: ["acne"], useLevel: 8...10), support,
                            F.ingredient("b", concerns: ["dryness"], useLevel: 8...10)],
                           targets: targets, constraints: FormulationConstraints(actives: 0...12)),
        pair: ("a", "b"), binding: .actives)

    /// (e) At least 30 % actives, but the whole catalogue reaches 22 % at most: nothing is feasible.
    static let activesFloor = FormulationScenario(
        name: "actives floor",
        problem: F.problem([F.ingredient("a", concerns: ["acne"], useLevel: 1...10), support,
                            F.ingredient("b", concerns: ["dryness"], useLevel: 1...10)],
                           targets: targets, constraints: FormulationConstraints(actives: 30...40)),
        pair: ("a", "b"), binding: .actives, feasible: false)

    /// (f) Three concerns, three single-concern ingredients, at most two ingredients.
    static let ingredientCount = FormulationScenario(
        name: "ingredient count",
        problem: F.problem([F.ingredient("a", concerns: ["acne"]), F.ingredient("b", concerns: ["dryness"]),
                            F.ingredient("c", concerns: ["redness"])],
                           targets: ["acne", "dryness", "redness"], constraints: FormulationConstraints(maxIngredients: 2)),
        pair: nil, binding: .ingredientCount)

    /// (g) The only dryness ingredient, and the best-scored one, is excluded.
    static let exclusions = FormulationScenario(
        name: "exclusions",
        problem: F.problem([F.ingredient("a", concerns: ["acne"]), support, F.ingredient("b", concerns: ["dryness"])],
                           scores: [0.5, 0.4, 0.95], targets: targets, exclusions: ["b": "persona avoids it"]),
        pair: ("a", "b"), binding: .exclusions)

    static let all = [incompatibility, budget, ph, irritation, activesCeiling, activesFloor, ingredientCount, exclusions]
}
