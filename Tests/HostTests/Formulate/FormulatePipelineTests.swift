import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// `run formulate` over the repository's skincare plugin: the persona's rules reach the formula.
struct FormulatePipelineTests {
    @Test func sensitiveSkinRequestIsCoveredWithinEveryLimit() throws {
        let run = try Skincare.pipeline().run(.init(persona: "sensitive_skin", concerns: ["redness", "sensitivity"]))
        #expect(run.status == "complete")
        #expect(run.covered == ["redness", "sensitivity"])
        let c = run.constraints
        #expect(c.actives.contains(run.totals.totalActives))
        #expect(run.totals.costPerKilogram <= c.budget + 1e-9)
        #expect(run.totals.irritation <= c.maxIrritation + 1e-9)
        #expect(run.ingredients.count <= c.maxIngredients)
        #expect(run.totals.ph != nil)
        for choice in run.ingredients {
            #expect(choice.useRange[0] - 1e-9 <= choice.level && choice.level <= choice.useRange[1] + 1e-9)
            #expect(!choice.why.isEmpty)
        }
        #expect(run.rulesFired.contains { $0.hasPrefix("max irritation") })
    }

    @Test(arguments: ["acne", "redness", "wrinkles", "dryness"])
    func avoidedIngredientsNeverAppear(concern: String) throws {
        let pipeline = try Skincare.pipeline()
        let (_, assessments, _) = try pipeline.assess(.init(persona: "sensitive_skin", concerns: [concern]))
        let avoided = Set(assessments.filter { $0.excluded?.hasPrefix("avoided") == true }.map(\.id))
        #expect(avoided.contains("tea_tree_oil"))   // tagged essential_oil; the persona avoids essential oils
        #expect(avoided.contains("alcohol_denat"))
        let run = try pipeline.run(.init(persona: "sensitive_skin", concerns: [concern]))
        #expect(run.ingredients.allSatisfy { !avoided.contains($0.id) })
    }

    @Test func aRequestExclusionIsHonoured() throws {
        let pipeline = try Skincare.pipeline()
        let first = try pipeline.run(.init(persona: "sensitive_skin", concerns: ["redness"]))
        let top = try #require(first.ingredients.max { $0.score < $1.score })
        let second = try pipeline.run(.init(persona: "sensitive_skin", concerns: ["redness"], exclude: [top.id]))
        #expect(!second.ingredients.contains { $0.id == top.id })
    }

    @Test func tooSmallABudgetIsReportedAsBinding() throws {
        let run = try Skincare.pipeline().run(.init(persona: "anti_aging", concerns: ["wrinkles", "hyperpigmentation"], budget: 0.5))
        #expect(run.status != "complete")
        #expect(run.totals.costPerKilogram <= 0.5 + 1e-9)
        #expect(run.binding.contains { $0.constraint == "budget" && $0.detail.contains("USD/kg") })
    }

    @Test func theSameRequestGivesTheSameFormula() throws {
        let request = FormulationRun.Request(persona: "anti_aging", concerns: ["wrinkles", "hyperpigmentation", "acne"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let a = try encoder.encode(try Skincare.pipeline().run(request))
        let b = try encoder.encode(try Skincare.pipeline().run(request))
        #expect(a == b)
    }

    @Test func learnedMultipliersChangeScores() throws {
        var pipeline = try Skincare.pipeline()
        let request = FormulationRun.Request(persona: "sensitive_skin", concerns: ["redness"])
        let before = try pipeline.assess(request).assessments.first { $0.id == "bisabolol" }!
        pipeline.learnedMultipliers = ["sensitive_skin": ["bisabolol": 0.5]]
        let after = try pipeline.assess(request).assessments.first { $0.id == "bisabolol" }!
        #expect(abs(after.score - before.score * 0.5) < 1e-12)
        #expect(after.reasons.contains { $0.contains("learned") })
    }

    @Test func requestErrorsNameWhatIsWrong() throws {
        let pipeline = try Skincare.pipeline()
        #expect(throws: FormulationError.self) { try pipeline.run(.init(persona: "sensitive_skin", concerns: [])) }
        do {
            _ = try pipeline.run(.init(persona: "sensitiv_skin", concerns: ["redness"]))
            Issue.record("an unknown persona must fail")
        } catch {
            #expect(error.description.contains("did you mean 'sensitive_skin'"))
        }
        do {
            _ = try pipeline.run(.init(persona: "sensitive_skin", concerns: ["rednes"]))
            Issue.record("an unknown concern must fail")
        } catch {
            #expect(error.description.contains("'rednes'"))
            #expect(error.description.contains("did you mean 'redness'"))
        }
    }
}
