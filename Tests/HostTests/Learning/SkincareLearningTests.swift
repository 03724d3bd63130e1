import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Skincare personas learn ingredient multipliers from formulation outcomes, in batches of 100.
struct SkincareLearningTests {
    /// Outcomes from a user with a hidden preference: likes niacinamide, dislikes retinol, with noise.
    func outcomes(_ f: LearningFixture, count: Int, from start: Int) -> [FeedbackInput] {
        var random = SeededGenerator(seed: 7 &+ UInt64(start))
        let pool = ["niacinamide", "retinol", "ceramide_np", "panthenol", "hyaluronic_acid", "bakuchiol", "matrixyl_3000"]
        return (start..<(start + count)).map { i in
            var chosen = pool
            chosen.shuffle(using: &random)
            let used = Array(chosen.prefix(3))
            var score = 5.0 + (used.contains("niacinamide") ? 3 : 0) - (used.contains("retinol") ? 3 : 0)
            score += Double.random(in: -1...1, using: &random)
            score = min(10, max(0, score))
            let value = JSONValue.object(["efficacy": .number(score), "safety": .number(score), "user_satisfaction": .number(score),
                                          "ingredients": .array(used.map { .string($0) })])
            return f.feedback(for: "anti_aging", "outcome", value, at: Double(i) * 60, id: "o\(i)")
        }
    }

    @Test func multipliersMoveTowardTheHiddenPreferenceAndTheFormulaFollows() throws {
        let f = try LearningFixture()
        let request = FormulationRun.Request(persona: "anti_aging", concerns: ["wrinkles", "acne"])
        var formulate = FormulatePipeline(domain: try FormulationDomain.find(in: f.plugins))
        let before = try formulate.run(request)
        #expect(before.ingredients.contains { $0.id == "retinol" })

        let first = try f.pipeline.addFeedback(outcomes(f, count: 99, from: 0))
        #expect(first.allSatisfy { $0.status == "pending" })
        #expect(try f.pipeline.currentTraits(of: "anti_aging").version == "v1.0")
        for batch in 0..<4 {
            _ = try f.pipeline.addFeedback(outcomes(f, count: batch == 0 ? 1 : 100, from: batch == 0 ? 99 : batch * 100))
        }
        let learned = try f.pipeline.currentTraits(of: "anti_aging")
        #expect(learned.version == "v1.4")   // one version per 100 samples
        let niacinamide = learned.traits["multiplier.niacinamide"]!, retinol = learned.traits["multiplier.retinol"]!
        #expect(niacinamide > 1.2, "niacinamide \(niacinamide) after 400 samples")
        #expect(retinol < 0.8, "retinol \(retinol) after 400 samples")

        formulate.learnedMultipliers = ["anti_aging": Dictionary(uniqueKeysWithValues: learned.traits.map { (String($0.key.dropFirst(11)), $0.value) })]
        let after = try formulate.run(request)
        #expect(!after.ingredients.contains { $0.id == "retinol" })
        let nia = try #require(after.ingredients.first { $0.id == "niacinamide" })
        #expect(nia.why.contains { $0.contains("learned multiplier") })
    }

    @Test func aBatchFailingValidationIsRejected() throws {
        // sensitive_skin's golden scenario: retinol's multiplier never exceeds 1.0.
        let f = try LearningFixture()
        let loved = (0..<100).map { i in
            f.feedback(for: "sensitive_skin", "outcome", .object(["efficacy": .number(10), "safety": .number(10), "user_satisfaction": .number(10),
                                                               "ingredients": .array([.string("retinol")])]), at: Double(i), id: "r\(i)")
        }
        let outcomes = try f.pipeline.addFeedback(loved)
        #expect(outcomes.last?.status == "rejected")
        #expect(outcomes.last?.message.contains("retinol never exceeds multiplier 1.0") == true)
        #expect(try f.pipeline.currentTraits(of: "sensitive_skin").traits["multiplier.retinol"] == 1)
    }
}
