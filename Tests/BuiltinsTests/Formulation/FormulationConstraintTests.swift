import Testing
@testable import Builtins

@Suite struct FormulationConstraintTests {
    typealias F = FormulationFixtures

    private func ids(_ result: FormulationSearch.Result, _ problem: FormulationProblem) -> Set<String> {
        Set(result.picks.map { problem.ingredients[$0.index].id })
    }

    @Test(arguments: FormulationScenarios.all)
    func eachScenarioRespectsItsConstraint(_ scenario: FormulationScenario) throws {
        let problem = scenario.problem
        let result = FormulationSearch(problem).run()
        #expect(result.provenOptimal)
        #expect(F.violations(result, in: problem).isEmpty, "\(F.violations(result, in: problem))")
        if !scenario.feasible {
            #expect(!result.isFeasible && result.picks.isEmpty && result.covered.isEmpty)
            #expect(result.objective == -.infinity)
        } else {
            #expect(result.isFeasible)
            #expect(result.covered.count == problem.targetConcerns.count - 1)
            if let pair = scenario.pair { #expect(!ids(result, problem).isSuperset(of: [pair.0, pair.1])) }
            #expect(abs(result.objective - F.objective(result, in: problem)) < 1e-9)
        }
        // Lifting that one constraint covers everything, and the search is still optimal on both problems.
        let relaxed = problem.relaxing(scenario.binding)
        let lifted = FormulationSearch(relaxed).run()
        #expect(lifted.covered == problem.targetConcerns)
        if let pair = scenario.pair { #expect(ids(lifted, problem).isSuperset(of: [pair.0, pair.1])) }
        for (p, r) in [(problem, result), (relaxed, lifted)] {
            let best = F.exhaustiveBest(p)
            #expect((best == nil) == !r.isFeasible)
            if let best { #expect(abs(best.value - r.objective) < 1e-6, "exhaustive \(best.value) vs search \(r.objective)") }
        }
    }

    @Test func budgetCapsTheLevel() throws {
        // 1 USD/kg per percent, budget 6: the level rises to 6 % and no further, though the range goes to 10.
        let problem = F.problem([F.ingredient("a", concerns: ["acne"], useLevel: 1...10, costPerGram: 0.1)], targets: ["acne"],
                                constraints: FormulationConstraints(budget: 6))
        let result = FormulationSearch(problem).run()
        let pick = try #require(result.picks.first)
        #expect(abs(pick.level - 6) < 1e-9 && abs(pick.position - 5.0 / 9) < 1e-9)
        let metrics = FormulationMetrics(result.picks, in: problem)
        #expect(metrics.costPerKilogram <= 6 + 1e-9)
        #expect(metrics.tightConstraints == [.budget])
    }

    @Test func irritationCapsTheLevel() throws {
        // Safety 2, range 1–5: 0.16 irritation per percent; limit 0.48 → 3 %.
        let problem = F.problem([F.ingredient("b", concerns: ["dryness"], safety: 2)], targets: ["dryness"],
                                constraints: FormulationConstraints(actives: 1...25, maxIrritation: 0.48))
        let result = FormulationSearch(problem).run()
        #expect(abs(try #require(result.picks.first).level - 3) < 1e-9)
        #expect(FormulationMetrics(result.picks, in: problem).tightConstraints == [.irritation])
    }

    @Test func activesCeilingSharesTheTotal() {
        let problem = F.problem([F.ingredient("a", concerns: ["acne"], useLevel: 1...10),
                                 F.ingredient("b", concerns: ["dryness"], useLevel: 1...10)], targets: ["acne", "dryness"],
                                constraints: FormulationConstraints(actives: 5...12))
        let result = FormulationSearch(problem).run()
        #expect(result.picks.count == 2)
        #expect(abs(result.picks.map(\.level).reduce(0, +) - 12) < 1e-9)
        #expect(F.violations(result, in: problem).isEmpty)
        #expect(FormulationMetrics(result.picks, in: problem).tightConstraints.contains(.actives))
    }

    @Test func excludedIngredientIsNeverUsedEvenWhenBest() {
        let problem = F.problem([F.ingredient("best", concerns: ["dryness"]), F.ingredient("other", concerns: ["dryness"]),
                                 F.ingredient("a", concerns: ["acne"])], scores: [0.95, 0.3, 0.5], targets: ["acne", "dryness"],
                                constraints: FormulationConstraints(maxIngredients: 2), exclusions: ["best": "fragrance"])
        let result = FormulationSearch(problem).run()
        #expect(ids(result, problem) == ["other", "a"])
        #expect(result.covered == ["acne", "dryness"])
        #expect(ids(FormulationSearch(problem.relaxing(.exclusions)).run(), problem) == ["best", "a"])
    }

    @Test func loosenedLimitsNeverLowerTheOptimumAndAreAlwaysRespected() {
        for seed in UInt64(200)..<UInt64(215) {
            let base = F.randomProblem(seed: seed, count: 9)
            var previous = -Double.infinity
            for step in 0..<8 {
                var problem = base
                problem.constraints.budget = 0.5 + 3 * Double(step)
                problem.constraints.maxIrritation = 0.1 + 0.25 * Double(step)
                problem.constraints.maxIngredients = 1 + step / 2
                let result = FormulationSearch(problem).run()
                #expect(F.violations(result, in: problem).isEmpty, "seed \(seed) step \(step): \(F.violations(result, in: problem))")
                #expect(result.objective >= previous - 1e-9, "seed \(seed) step \(step)")
                previous = result.objective
            }
        }
    }
}
