@testable import Builtins

/// Synthetic ingredients, problems and independent reference computations for the formulation tests.
enum FormulationFixtures {
    /// One synthetic ingredient. Defaults: safety 10 (no irritation), pH 3–8, use level 1–5 %, 0.01 USD/g.
    static func ingredient(_ id: String, concerns: [String] = [], efficacy: Double = 8, safety: Double = 10,
                           bioavailability: Double = 0.8, stability: Double = 0.9, ph: ClosedRange<Double> = 3...8,
                           useLevel: ClosedRange<Double> = 1...5, costPerGram: Double = 0.01, isNatural: Bool = false,
                           incompatibilities: [String] = [], synergies: [String] = []) -> Ingredient {
        Ingredient(id: id, name: id.uppercased(), inciName: "INCI \(id)", functionalClass: "test", concerns: concerns,
                   efficacy: efficacy, safety: safety, bioavailability: bioavailability, stability: stability,
                   ph: ph, useLevel: useLevel, costPerGram: costPerGram, isNatural: isNatural,
                   incompatibilities: incompatibilities, synergies: synergies)
    }

    /// A problem with every score `score` unless `scores` is given.
    static func problem(_ ingredients: [Ingredient], scores: [Double]? = nil, score: Double = 0.6,
                        targets: [String], constraints: FormulationConstraints = FormulationConstraints(),
                        exclusions: [String: String] = [:],
                        objective: FormulationObjective = FormulationObjective()) -> FormulationProblem {
        FormulationProblem(ingredients: ingredients, scores: scores ?? ingredients.map { _ in score },
                           exclusions: exclusions, targetConcerns: targets, constraints: constraints, objective: objective)
    }

    static func uniform(_ rng: inout SeededGenerator, _ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextDouble()
    }

    static let concernPool = ["acne", "dryness", "redness", "aging", "dullness"]

    /// A random catalogue of `count` ingredients with random constraints, `maxIngredients` of 3 or 4, and
    /// (when `randomObjective`) random objective weights, coverage included, so coverage need not dominate.
    static func randomProblem(seed: UInt64, count: Int, randomObjective: Bool = false) -> FormulationProblem {
        var rng = SeededGenerator(seed: seed)
        let ids = (0..<count).map { "i\($0)" }
        var ingredients: [Ingredient] = []
        for i in 0..<count {
            let concerns = concernPool.filter { _ in rng.nextDouble() < 0.3 }
            let phLow = uniform(&rng, 3...6), low = (uniform(&rng, 0...3) * 2).rounded() / 2
            let high = low + [0, 0.5, 1, 2, 4, 8][rng.nextInt(below: 6)]
            let incompatible = ids[(i + 1)...].filter { _ in rng.nextDouble() < 0.12 }
            let synergistic = ids[(i + 1)...].filter { _ in rng.nextDouble() < 0.15 }
            ingredients.append(ingredient(ids[i], concerns: concerns, efficacy: uniform(&rng, 2...10),
                                          safety: uniform(&rng, 3...10), ph: phLow...(phLow + uniform(&rng, 0.5...4)),
                                          useLevel: low...high, costPerGram: uniform(&rng, 0.001...0.3),
                                          incompatibilities: incompatible, synergies: synergistic))
        }
        let scores = ingredients.map { _ in uniform(&rng, 0.05...0.95) }
        let targets = concernPool.filter { _ in rng.nextDouble() < 0.6 }
        let actLow = uniform(&rng, 0...8)
        let constraints = FormulationConstraints(actives: actLow...(actLow + uniform(&rng, 2...15)),
                                                 budget: uniform(&rng, 2...40), maxIrritation: uniform(&rng, 0.2...2),
                                                 maxIngredients: 3 + rng.nextInt(below: 2))
        let exclusions = rng.nextDouble() < 0.5 ? [ids[rng.nextInt(below: count)]: "avoided"] : [:]
        var objective = FormulationObjective()
        if randomObjective {
            objective = FormulationObjective(coverage: [10, 1, 0.3][rng.nextInt(below: 3)], threshold: uniform(&rng, 0...0.5),
                                             synergy: uniform(&rng, 0...1), supportFactor: uniform(&rng, 0...1), credit: uniform(&rng, 0...1))
        }
        return problem(ingredients, scores: scores, targets: targets, constraints: constraints, exclusions: exclusions, objective: objective)
    }

    /// `F` as FormulationObjective's doc comment defines it, for `(index, level)` picks.
    static func objective(_ picks: [(index: Int, level: Double)], in problem: FormulationProblem) -> Double {
        let o = problem.objective
        let chosen = picks.map { problem.ingredients[$0.index] }
        let covered = problem.targetConcerns.filter { c in chosen.contains { $0.concerns.contains(c) } }.count
        var f = o.coverage * Double(covered)
        for (pick, ingredient) in zip(picks, chosen) {
            let relevant = ingredient.concerns.contains { problem.targetConcerns.contains($0) }
            let value = problem.scores[pick.index] * (relevant ? 1 : o.supportFactor)
            let width = ingredient.useLevel.upperBound - ingredient.useLevel.lowerBound
            let t = width > 0 ? (pick.level - ingredient.useLevel.lowerBound) / width : 1
            f += value * (o.credit + (1 - o.credit) * t) - o.threshold
        }
        for a in chosen.indices { for b in chosen.indices where b > a && chosen[a].isSynergistic(with: chosen[b]) { f += o.synergy } }
        return f
    }

    static func objective(_ result: FormulationSearch.Result, in problem: FormulationProblem) -> Double {
        objective(result.picks.map { ($0.index, $0.level) }, in: problem)
    }

    /// Every hard constraint a formula breaks (empty when it respects them all, or when there is no formula),
    /// checked from first principles.
    static func violations(_ picks: [(index: Int, level: Double)], in problem: FormulationProblem) -> [String] {
        guard !picks.isEmpty else { return [] }
        let c = problem.constraints, eps = 1e-7
        let chosen = picks.map { problem.ingredients[$0.index] }
        let levels = picks.map(\.level)
        var out: [String] = []
        for (ingredient, level) in zip(chosen, levels)
        where level < ingredient.useLevel.lowerBound - 1e-9 || level > ingredient.useLevel.upperBound + 1e-9 {
            out.append("\(ingredient.id) level \(level) outside \(ingredient.useLevel)")
        }
        for ingredient in chosen where problem.exclusions[ingredient.id] != nil { out.append("\(ingredient.id) excluded") }
        let total = levels.reduce(0, +)
        if total < c.actives.lowerBound - eps || total > c.actives.upperBound + eps { out.append("actives \(total)") }
        let cost = zip(chosen, levels).reduce(0.0) { $0 + $1.0.costPerGram * $1.1 * 10 }
        if cost > c.budget + eps { out.append("cost \(cost) > \(c.budget)") }
        let irritation = zip(chosen, levels).reduce(0.0) { $0 + (1 - $1.0.safety / 10) * $1.1 / $1.0.useLevel.upperBound }
        if irritation > c.maxIrritation + eps { out.append("irritation \(irritation) > \(c.maxIrritation)") }
        if chosen.count > c.maxIngredients { out.append("\(chosen.count) ingredients") }
        for a in chosen.indices {
            for b in chosen.indices where b > a
            && (chosen[a].incompatibilities.contains(chosen[b].id) || chosen[b].incompatibilities.contains(chosen[a].id)) {
                out.append("\(chosen[a].id) incompatible with \(chosen[b].id)")
            }
        }
        if let low = chosen.map(\.ph.lowerBound).max(), let high = chosen.map(\.ph.upperBound).min(), low > high {
            out.append("no common pH window")
        }
        return out
    }

    static func violations(_ result: FormulationSearch.Result, in problem: FormulationProblem) -> [String] {
        var out = violations(result.picks.map { ($0.index, $0.level) }, in: problem)
        for pick in result.picks {
            let range = problem.ingredients[pick.index].useLevel
            let width = range.upperBound - range.lowerBound
            if width > 0, abs(pick.position - (pick.level - range.lowerBound) / width) > 1e-9 { out.append("position of \(pick.index)") }
        }
        return out
    }

    /// The best objective over every non-empty subset (levels by `FormulationLevels.solve`), by brute force.
    /// Honours `problem.relaxed`: a relaxed check is skipped and relaxed limits are opened up.
    static func exhaustiveBest(_ problem: FormulationProblem) -> (value: Double, picks: [(index: Int, level: Double)])? {
        let n = problem.ingredients.count, relaxed = problem.relaxed
        let limits = problem.effectiveConstraints
        var best: (value: Double, picks: [(index: Int, level: Double)])?
        for mask in 1..<(1 << n) {
            let subset = (0..<n).filter { mask & (1 << $0) != 0 }
            let chosen = subset.map { problem.ingredients[$0] }
            let clash = chosen.indices.contains { a in chosen.indices.contains { b in b > a && chosen[a].isIncompatible(with: chosen[b]) } }
            guard subset.count <= limits.maxIngredients,
                  relaxed.contains(.exclusions) || !chosen.contains(where: { problem.exclusions[$0.id] != nil }),
                  relaxed.contains(.incompatibility) || !clash,
                  relaxed.contains(.ph) || chosen.map(\.ph.lowerBound).max()! <= chosen.map(\.ph.upperBound).min()! else { continue }
            let values = subset.map { i -> Double in
                let relevant = problem.ingredients[i].concerns.contains { problem.targetConcerns.contains($0) }
                return problem.scores[i] * (relevant ? 1 : problem.objective.supportFactor)
            }
            guard let levels = FormulationLevels.solve(chosen, values: values, constraints: limits,
                                                       credit: problem.objective.credit) else { continue }
            let picks = zip(subset, levels.levels).map { (index: $0, level: $1) }
            let value = objective(picks, in: problem)
            if best == nil || value > best!.value { best = (value, picks) }
        }
        return best
    }
}
