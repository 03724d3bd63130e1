import Testing
@testable import Builtins

@Suite struct FormulationDiagnosisTests {
    typealias F = FormulationFixtures

    @Test(arguments: FormulationScenarios.all)
    func namesTheOneBindingConstraint(_ scenario: FormulationScenario) throws {
        let problem = scenario.problem
        let result = FormulationSearch(problem).run()
        let diagnosis = FormulationDiagnosis(problem, result: result)
        #expect(diagnosis.binding.map(\.constraint) == [scenario.binding])
        #expect(diagnosis.unaddressable.isEmpty)
        let finding = try #require(diagnosis.binding.first)
        #expect(finding.wouldCover == problem.targetConcerns.filter { !result.covered.contains($0) })
        if let pair = scenario.pair { #expect(Set(finding.formula).isSuperset(of: [pair.0, pair.1])) }
        // The lifted formula's totals are reported against the real limits, which it breaks.
        let c = problem.constraints, totals = finding.totals
        switch scenario.binding {
        case .budget: #expect(totals.costPerKilogram > c.budget)
        case .irritation: #expect(totals.irritation > c.maxIrritation)
        case .actives: #expect(!c.actives.contains(totals.totalActives))
        case .ph: #expect(totals.ph == nil)
        case .ingredientCount: #expect(finding.formula.count > c.maxIngredients)
        case .exclusions: #expect(finding.formula.contains { problem.exclusions[$0] != nil })
        case .incompatibility: #expect(finding.formula.contains("a") && finding.formula.contains("b"))
        }
    }

    @Test func infeasibleRequestReportsEveryConcernAsGained() throws {
        let scenario = FormulationScenarios.activesFloor
        let diagnosis = FormulationDiagnosis(scenario.problem, result: FormulationSearch(scenario.problem).run())
        #expect(try #require(diagnosis.binding.first).wouldCover == ["acne", "dryness"])
    }

    @Test func infeasibleRequestNamesTheConstraintEvenWhenLiftingItCoversNothing() throws {
        // Only a concern-less ingredient, and it does not fit the budget: lifting the budget gains a formula, no concern.
        let problem = F.problem([F.ingredient("s", costPerGram: 1)], targets: ["acne"], constraints: FormulationConstraints(budget: 5))
        let result = FormulationSearch(problem).run()
        #expect(!result.isFeasible)
        let diagnosis = FormulationDiagnosis(problem, result: result)
        #expect(diagnosis.unaddressable == ["acne"])
        #expect(diagnosis.binding.map(\.constraint) == [.budget])
        #expect(try #require(diagnosis.binding.first).wouldCover.isEmpty)
        #expect(diagnosis.binding.first?.formula == ["s"])
    }

    @Test func liftingTheCountAllowsOneMoreIngredientPerTargetConcern() throws {
        // One ingredient allowed, four concerns each needing its own: lifting the count adds max(2, 4) slots.
        let concerns = ["acne", "dryness", "redness", "aging"]
        let problem = F.problem(concerns.map { F.ingredient($0, concerns: [$0]) }, targets: concerns,
                                constraints: FormulationConstraints(maxIngredients: 1))
        let result = FormulationSearch(problem).run()
        #expect(result.covered.count == 1)
        let finding = try #require(FormulationDiagnosis(problem, result: result).binding.first)
        #expect(finding.constraint == .ingredientCount)
        #expect(Set(finding.wouldCover + result.covered) == Set(concerns))
    }

    @Test func fullyCoveredRequestHasNoFindings() {
        let problem = F.problem([F.ingredient("a", concerns: ["acne"]), F.ingredient("b", concerns: ["dryness"])],
                                targets: ["acne", "dryness"])
        let result = FormulationSearch(problem).run()
        #expect(result.covered == ["acne", "dryness"])
        let diagnosis = FormulationDiagnosis(problem, result: result)
        #expect(diagnosis.binding.isEmpty && diagnosis.unaddressable.isEmpty)
    }

    @Test func concernNoIngredientAddressesIsUnaddressableNotBinding() {
        let problem = F.problem([F.ingredient("a", concerns: ["acne"])], targets: ["acne", "sunburn"],
                                constraints: FormulationConstraints(budget: 1))
        let result = FormulationSearch(problem).run()
        #expect(result.covered == ["acne"])
        let diagnosis = FormulationDiagnosis(problem, result: result)
        #expect(diagnosis.unaddressable == ["sunburn"])
        #expect(diagnosis.binding.isEmpty)
    }

    @Test func twoConstraintsBlockingTwoConcernsAreBothReportedInKindOrder() {
        // Dryness only by an expensive ingredient, redness only by an irritating one.
        let problem = F.problem([F.ingredient("r", concerns: ["redness"], safety: 2), F.ingredient("a", concerns: ["acne"]),
                                 F.ingredient("d", concerns: ["dryness"], costPerGram: 1)],
                                targets: ["acne", "dryness", "redness"],
                                constraints: FormulationConstraints(budget: 5, maxIrritation: 0.1))
        let result = FormulationSearch(problem).run()
        #expect(result.covered == ["acne"])
        let diagnosis = FormulationDiagnosis(problem, result: result)
        #expect(diagnosis.binding.map(\.constraint) == [.budget, .irritation])
        #expect(diagnosis.binding.map(\.wouldCover) == [["dryness"], ["redness"]])
        #expect(diagnosis.binding.map(\.formula) == [["a", "d"], ["r", "a"]])   // catalogue order
    }

    @Test func concernBlockedByTwoConstraintsAtOnceHasNoSingleFinding() {
        // Documented method: one constraint lifted at a time, so a concern that needs two lifted is not attributed.
        let problem = F.problem([F.ingredient("a", concerns: ["acne"]), F.ingredient("d", concerns: ["dryness"], safety: 2, costPerGram: 1)],
                                targets: ["acne", "dryness"], constraints: FormulationConstraints(budget: 5, maxIrritation: 0.1))
        let result = FormulationSearch(problem).run()
        #expect(result.covered == ["acne"])
        #expect(FormulationDiagnosis(problem, result: result).binding.isEmpty)
    }

    @Test func relaxedSearchesAreOptimalOnRandomCatalogues() {
        for seed in UInt64(300)..<UInt64(315) {
            let base = F.randomProblem(seed: seed, count: 8, randomObjective: seed % 2 == 1)
            for kind in ConstraintKind.allCases {
                let relaxed = base.relaxing(kind)
                let result = FormulationSearch(relaxed).run()
                let best = F.exhaustiveBest(relaxed)
                #expect((best == nil) == !result.isFeasible, "seed \(seed) \(kind)")
                if let best { #expect(abs(best.value - result.objective) < 1e-6, "seed \(seed) \(kind): \(best.value) vs \(result.objective)") }
            }
        }
    }
}
