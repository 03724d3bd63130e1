import Foundation
import GRDB
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

        let multipliers = try #require(try f.pipeline.learnedMultipliers(of: "anti_aging"))
        #expect(multipliers.version == "v1.4")
        #expect(multipliers.multipliers["niacinamide"] == niacinamide)
        #expect(multipliers.multipliers.count == learned.traits.count)
        formulate.learnedMultipliers = ["anti_aging": multipliers.multipliers]
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

    @Test func learnedMultipliersAreNilUntilSomethingIsLearned() throws {
        let f = try LearningFixture()
        #expect(try f.pipeline.learnedMultipliers(of: "anti_aging") == nil)
        #expect(try f.pipeline.learnedMultipliers(of: "no_such_persona") == nil)
        let first = outcomes(f, count: 1, from: 0)
        _ = try f.pipeline.addFeedback(first)
        // The first feedback stores v1.0 as declared (its batch waits): every multiplier at 1.
        let declared = try #require(try f.pipeline.learnedMultipliers(of: "anti_aging"))
        #expect(declared.version == "v1.0")
        #expect(declared.multipliers.count > 50)
        #expect(declared.multipliers.values.allSatisfy { $0 == 1 })
        // echo learns, but no ingredient multipliers.
        _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 0)])
        #expect(try f.pipeline.learnedMultipliers(of: "echo")?.multipliers.isEmpty == true)
    }

    @Test func learnedMultipliersOfADamagedVersionAreAnErrorNotNothing() throws {
        let f = try LearningFixture()
        _ = try f.pipeline.addFeedback(outcomes(f, count: 1, from: 0))
        let queue = try DatabaseQueue(path: f.database.path)
        try queue.write { db in try db.execute(sql: #"UPDATE persona_versions SET traits = '{"multiplier.retinol": "high"}'"#) }
        #expect(throws: LearningError.self) { try f.pipeline.learnedMultipliers(of: "anti_aging") }
        do {
            _ = try f.pipeline.learnedMultipliers(of: "anti_aging")
        } catch {
            guard case .damaged(let damage) = error else { Issue.record("\(error)"); return }
            #expect(damage.field == "traits")
        }
    }
}
