import Testing
@testable import Builtins

@Suite struct FormulationSearchTests {
    typealias F = FormulationFixtures

    /// Batches 0–1 use the default objective, 2–3 random weights.
    @Test(arguments: 0..<4)
    func matchesExhaustiveEnumeration(batch: Int) {
        var feasible = 0
        for seed in UInt64(batch * 20)..<UInt64(batch * 20 + 20) {
            let problem = F.randomProblem(seed: seed, count: 8 + Int(seed % 3), randomObjective: batch >= 2)
            let result = FormulationSearch(problem).run()
            let best = F.exhaustiveBest(problem)
            #expect(result.provenOptimal)
            #expect((best == nil) == !result.isFeasible, "seed \(seed)")
            guard let best else { continue }
            feasible += 1
            #expect(F.violations(best.picks, in: problem).isEmpty, "seed \(seed): LP levels break a limit")
            #expect(abs(best.value - result.objective) < 1e-6, "seed \(seed): exhaustive \(best.value) vs search \(result.objective)")
            #expect(abs(F.objective(result, in: problem) - result.objective) < 1e-9, "seed \(seed): reported objective")
            #expect(F.violations(result, in: problem).isEmpty, "seed \(seed): \(F.violations(result, in: problem))")
            let covered = problem.targetConcerns.filter { c in result.picks.contains { problem.ingredients[$0.index].addresses(c) } }
            #expect(result.covered == covered)
            #expect(result.picks.map(\.index) == result.picks.map(\.index).sorted())
        }
        #expect(feasible >= 10)   // the comparison must not be vacuous
    }

    @Test func emptyOrFullyExcludedCatalogueIsInfeasible() {
        let a = F.ingredient("a", concerns: ["acne"])
        for problem in [F.problem([], targets: ["acne"]), F.problem([a], targets: ["acne"], exclusions: ["a": "no"])] {
            let result = FormulationSearch(problem).run()
            #expect(!result.isFeasible && result.covered.isEmpty && result.objective == -.infinity)
        }
    }

    @Test func higherScoreWinsBetweenOtherwiseEqualIngredients() {
        // The better one is listed last, so catalogue order cannot be what picks it.
        let problem = F.problem([F.ingredient("plain", concerns: ["acne"]), F.ingredient("preferred", concerns: ["acne"])],
                                scores: [0.5, 0.8], targets: ["acne"], constraints: FormulationConstraints(maxIngredients: 1))
        let result = FormulationSearch(problem).run()
        #expect(result.picks.map { problem.ingredients[$0.index].id } == ["preferred"])
    }

    @Test func scoringPreferenceAndEfficacyDecideTheChoice() {
        let scoring = IngredientScoring(weights: .init(efficacy: 2, safety: 1, costEfficiency: 1, bioavailability: 1, stability: 1))
        let weak = F.ingredient("weak", concerns: ["acne"], efficacy: 6), strong = F.ingredient("strong", concerns: ["acne"], efficacy: 9)
        let twin = F.ingredient("liked", concerns: ["acne"], efficacy: 6)
        func pick(_ ingredients: [Ingredient], preferences: [Double]) -> String? {
            let scores = zip(ingredients, preferences).map { scoring.score(.init($0), preference: $1, confidenceAdjustment: 0) }
            let problem = F.problem(ingredients, scores: scores, targets: ["acne"], constraints: FormulationConstraints(maxIngredients: 1))
            return FormulationSearch(problem).run().picks.first.map { ingredients[$0.index].id }
        }
        #expect(pick([weak, strong], preferences: [1, 1]) == "strong")
        #expect(pick([weak, twin], preferences: [1, 1.3]) == "liked")
        #expect(pick([twin, weak], preferences: [1.3, 1]) == "liked")
    }

    @Test(arguments: [false, true])
    func synergyBreaksATieBetweenEqualPartners(listedOnPartner: Bool) {
        // b1 and b2 are identical and b1 comes first; only b2 is synergistic with a.
        let a = F.ingredient("a", concerns: ["acne"], synergies: listedOnPartner ? [] : ["b2"])
        let b1 = F.ingredient("b1", concerns: ["dryness"])
        let b2 = F.ingredient("b2", concerns: ["dryness"], synergies: listedOnPartner ? ["a"] : [])
        let problem = F.problem([a, b1, b2], targets: ["acne", "dryness"], constraints: FormulationConstraints(maxIngredients: 2))
        let result = FormulationSearch(problem).run()
        #expect(result.picks.map { problem.ingredients[$0.index].id } == ["a", "b2"])
        #expect(FormulationMetrics(result.picks, in: problem).synergyPairs == [["a", "b2"]])
        // Without the synergy term the two formulas tie.
        var flat = problem
        flat.objective.synergy = 0
        #expect(abs(FormulationSearch(flat).run().objective - (result.objective - problem.objective.synergy)) < 1e-9)
    }

    @Test func coverageOutweighsScore() {
        // Two strong acne ingredients versus one weak dryness ingredient: covering dryness wins.
        let problem = F.problem([F.ingredient("a1", concerns: ["acne"]), F.ingredient("a2", concerns: ["acne"]),
                                 F.ingredient("d", concerns: ["dryness"])], scores: [0.95, 0.95, 0.21],
                                targets: ["acne", "dryness"], constraints: FormulationConstraints(maxIngredients: 2))
        let result = FormulationSearch(problem).run()
        #expect(result.covered == ["acne", "dryness"])
    }

    @Test func sameProblemSameAnswer() {
        for seed in UInt64(100)..<UInt64(110) {
            let problem = F.randomProblem(seed: seed, count: 10)
            let first = FormulationSearch(problem).run(), second = FormulationSearch(problem).run()
            #expect(first.picks == second.picks)
            #expect(first.objective == second.objective || (first.objective.isInfinite && second.objective.isInfinite))
            #expect(first.covered == second.covered && first.nodes == second.nodes)
        }
    }

    @Test func nodeLimitStopsEarlyWithAFeasibleFormula() throws {
        // 24 ingredients, every one feasible alone, five slots: the full search needs many nodes.
        var rng = SeededGenerator(seed: 77)
        let ingredients = (0..<24).map { i in
            F.ingredient("i\(i)", concerns: F.concernPool.filter { _ in rng.nextDouble() < 0.3 }, safety: F.uniform(&rng, 6...10),
                         useLevel: 2...F.uniform(&rng, 3...10), costPerGram: F.uniform(&rng, 0.01...0.1),
                         synergies: rng.nextDouble() < 0.3 ? ["i\(rng.nextInt(below: 24))"] : [])
        }
        var problem = F.problem(ingredients, scores: ingredients.map { _ in F.uniform(&rng, 0.2...0.9) }, targets: F.concernPool,
                                constraints: FormulationConstraints(actives: 5...20, budget: 15, maxIrritation: 1, maxIngredients: 5))
        let full = FormulationSearch(problem).run()
        #expect(full.provenOptimal && full.nodes > 20)
        // Branch and bound prunes: far fewer nodes than the 55 454 subsets of at most five of 24.
        let tree = (1...5).reduce(0) { total, k in total + (0..<k).reduce(1) { $0 * (24 - $1) / ($1 + 1) } }
        #expect(tree == 55_454 && full.nodes * 20 < tree, "\(full.nodes) nodes")
        problem.nodeLimit = 3
        let limited = FormulationSearch(problem).run()
        #expect(!limited.provenOptimal)
        #expect(limited.isFeasible)
        #expect(F.violations(limited, in: problem).isEmpty)
        #expect(abs(F.objective(limited, in: problem) - limited.objective) < 1e-9)
        #expect(limited.objective <= full.objective + 1e-9)
    }
}
