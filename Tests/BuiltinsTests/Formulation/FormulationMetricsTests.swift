import Testing
@testable import Builtins

@Suite struct FormulationMetricsTests {
    typealias F = FormulationFixtures

    /// a: 0.02 USD/g, range 1–5, safety 6, pH 4–7; b: 0.05 USD/g, range 2–10, safety 8, pH 5–8; synergistic.
    static let a = F.ingredient("a", concerns: ["acne"], efficacy: 8, safety: 6, stability: 0.7, ph: 4...7,
                                useLevel: 1...5, costPerGram: 0.02, synergies: ["b"])
    static let b = F.ingredient("b", concerns: ["dryness"], efficacy: 6, safety: 8, stability: 0.9, ph: 5...8,
                                useLevel: 2...10, costPerGram: 0.05)

    @Test func totalsByHand() {
        let problem = F.problem([Self.a, Self.b], targets: ["acne", "dryness"],
                                constraints: FormulationConstraints(actives: 5...9, budget: 3.6, maxIrritation: 1, maxIngredients: 2))
        // a at 3 % and b at 6 %: both half-way up their ranges.
        let picks = [FormulationSearch.Pick(index: 0, level: 3, position: 0.5), FormulationSearch.Pick(index: 1, level: 6, position: 0.5)]
        let m = FormulationMetrics(picks, in: problem)
        #expect(abs(m.totalActives - 9) < 1e-12)
        #expect(abs(m.costPerKilogram - 3.6) < 1e-12)          // 0.02·3·10 + 0.05·6·10 = 0.6 + 3
        #expect(abs(m.irritation - 0.36) < 1e-12)              // 0.4·3/5 + 0.2·6/10 = 0.24 + 0.12
        #expect(m.ph == 5...7)
        #expect(m.synergyPairs == [["a", "b"]] && m.synergy == 1)
        #expect(abs(m.efficacy - 5.775) < 1e-12)               // (8·0.75·1.1 + 6·0.75·1.1) / 2
        #expect(abs(m.safety - 8.2) < 1e-12)                   // 10 − 5·0.36
        #expect(m.stability == 0.7)
        #expect(m.tightConstraints == [.actives, .budget, .ingredientCount])
    }

    @Test func synergyCountsPartnersPerIngredient() {
        // a–b synergistic, c alone, all at the top of their ranges: efficacy (8·1.1 + 6·1.1 + 5) / 3; one pair of three.
        let c = F.ingredient("c", efficacy: 5, useLevel: 1...2)
        let problem = F.problem([Self.a, Self.b, c], targets: ["acne"])
        let m = FormulationMetrics([.init(index: 0, level: 5, position: 1), .init(index: 1, level: 10, position: 1),
                                    .init(index: 2, level: 2, position: 1)], in: problem)
        #expect(abs(m.efficacy - 6.8) < 1e-12)
        #expect(abs(m.synergy - 1.0 / 3) < 1e-12 && m.synergyPairs == [["a", "b"]])
        // Efficacy is capped at 10 per ingredient.
        let strong = F.ingredient("s", efficacy: 10, synergies: ["a"])
        let capped = FormulationMetrics([.init(index: 0, level: 5, position: 1), .init(index: 1, level: 5, position: 1)],
                                        in: F.problem([strong, Self.a], targets: []))
        #expect(abs(capped.efficacy - (10 + 8.8) / 2) < 1e-12)
    }

    @Test func ingredientHelpers() {
        #expect(abs(Self.a.costPerKilogram(atLevel: 3) - 0.6) < 1e-12)
        #expect(abs(Self.a.irritation(atLevel: 5) - 0.4) < 1e-12)     // safety 6 at the top of its range
        #expect(Self.a.isSynergistic(with: Self.b) && Self.b.isSynergistic(with: Self.a))
        let c = F.ingredient("c", incompatibilities: ["a"])
        #expect(c.isIncompatible(with: Self.a) && Self.a.isIncompatible(with: c) && !Self.a.isIncompatible(with: Self.b))
    }

    @Test func disjointWindowEmptyFormulaAndLooseLimits() {
        let c = F.ingredient("c", ph: 7.5...9)
        let problem = F.problem([Self.a, c], targets: ["acne"])
        let m = FormulationMetrics([.init(index: 0, level: 1, position: 0), .init(index: 1, level: 2, position: 0.25)], in: problem)
        #expect(m.ph == nil)
        #expect(m.synergyPairs.isEmpty && m.synergy == 0)
        #expect(m.tightConstraints.isEmpty)
        let empty = FormulationMetrics([], in: problem)
        #expect(empty.ph == nil && empty.totalActives == 0 && empty.efficacy == 0 && empty.safety == 10 && empty.tightConstraints.isEmpty)
    }

    @Test func metricsOfASearchedFormulaAgreeWithTheLimits() {
        for seed in UInt64(400)..<UInt64(410) {
            let problem = F.randomProblem(seed: seed, count: 9)
            let result = FormulationSearch(problem).run()
            guard result.isFeasible else { continue }
            let m = FormulationMetrics(result.picks, in: problem), c = problem.constraints
            #expect(m.totalActives >= c.actives.lowerBound - 1e-7 && m.totalActives <= c.actives.upperBound + 1e-7)
            #expect(m.costPerKilogram <= c.budget + 1e-7 && m.irritation <= c.maxIrritation + 1e-7)
            #expect(m.ph != nil)
            #expect((0...10).contains(m.efficacy) && (0...10).contains(m.safety) && (0...1).contains(m.synergy))
        }
    }

    @Test func compositeScoreArithmetic() {
        // Efficacy 8, safety 6, bioavailability 0.5, stability 0.9, natural, mid level 3 % at 0.02 USD/g = 0.6 USD/kg.
        let ingredient = F.ingredient("n", efficacy: 8, safety: 6, bioavailability: 0.5, stability: 0.9,
                                      useLevel: 1...5, costPerGram: 0.02, isNatural: true)
        let criteria = IngredientScoring.Criteria(ingredient)
        #expect(abs(criteria.costEfficiency - 1 / 1.06) < 1e-12)
        let scoring = IngredientScoring(weights: .init(efficacy: 2, safety: 1, costEfficiency: 1, bioavailability: 0, stability: 1, natural: 1))
        let quality = (2 * 0.8 + 0.6 + 1 / 1.06 + 0.9 + 1) / 6
        #expect(abs(scoring.quality(criteria) - quality) < 1e-12)
        #expect(abs(scoring.score(criteria, preference: 1.2, confidenceAdjustment: 0.1) - quality * 1.2 * 0.8) < 1e-12)
        #expect(scoring.confidence(adjustment: 0.5) == 1 && scoring.confidence(adjustment: -0.9) == 0.1)
        #expect(IngredientScoring.Criteria(F.ingredient("x", efficacy: 12, safety: -1)).efficacy == 1)
        #expect(IngredientScoring(weights: .init(efficacy: 0, safety: 0, costEfficiency: 0, bioavailability: 0, stability: 0)).quality(criteria) == 0)
    }

    @Test func levelsProgramRespectsRangesAndReportsInfeasibility() throws {
        let limits = FormulationConstraints(actives: 4...6, budget: 100, maxIrritation: 1, maxIngredients: 6)
        let levels = try #require(FormulationLevels.solve([Self.a, Self.b], values: [0.9, 0.1], constraints: limits, credit: 0.5))
        // Lows 1 + 2 = 3; the 3 spare percent go to a (worth more per percent) up to 6 in all: a 4 %, b 2 %.
        #expect(abs(levels.levels[0] - 4) < 1e-9 && abs(levels.levels[1] - 2) < 1e-9)
        #expect(abs(levels.positions[0] - 0.75) < 1e-9 && abs(levels.positions[1]) < 1e-9)
        var poor = limits
        poor.budget = 1   // lowest levels already cost 0.2 + 1.0
        #expect(FormulationLevels.solve([Self.a, Self.b], values: [0.5, 0.5], constraints: poor, credit: 0.5) == nil)
    }
}
