import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Each feedback type produces the signals docs/PLUGINS.md documents for the conversation and
/// skincare plugins.
struct FeedbackMappingTests {
    let formal = "Dear Samantha, I would be delighted to attend the forthcoming celebration. Kindly confirm the arrangements."
    let casual = "Hey Sam! I'd love to come, can't wait :) 🎉"

    func signals(_ fixture: LearningFixture, _ input: FeedbackInput) throws -> [SignalRecord] {
        try #require(try fixture.pipeline.addFeedback([input]).first).signals
    }

    @Test func categoricalTooFormalLowersFormality() throws {
        let f = try LearningFixture()
        let s = try signals(f, f.feedback("categorical", .string("too_formal"), at: 0))
        #expect(s == [SignalRecord(trait: "formality", adjustment: -0.2, confidence: 0.8, weight: 1)])
    }

    @Test func anUnknownCategoryIsAPluginErrorNamingIt() throws {
        let f = try LearningFixture()
        #expect(throws: LearningError.self) { try f.pipeline.addFeedback([f.feedback("categorical", .string("too_purple"), at: 0)]) }
        do {
            _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_purple"), at: 0)])
        } catch {
            #expect(error.description.contains("too_purple"))
            #expect(error.description.contains("too_formal"))
        }
    }

    @Test func aCorrectionToCasualTextLowersFormalityWithTheExplicitWeight() throws {
        let f = try LearningFixture()
        let id = try f.pipeline.addInteraction(persona: "echo", input: "Reply to Sam", output: formal)
        let s = try signals(f, f.feedback("correction", .string(casual), interaction: id, at: 0))
        let formality = try #require(s.first { $0.trait == "formality" })
        #expect(formality.adjustment < -0.1)
        #expect(formality.weight == 2)
        #expect(s.contains { $0.trait == "enthusiasm" && $0.adjustment > 0 })
    }

    @Test func aGoodRatingMovesTowardTheOutputAndABadOneAway() throws {
        let f = try LearningFixture()
        let id = try f.pipeline.addInteraction(persona: "echo", input: "Reply to Sam", output: casual)
        let good = try signals(f, f.feedback("rating", .number(5), interaction: id, at: 0))
        let bad = try signals(f, f.feedback("rating", .number(1), interaction: id, at: 10))
        let g = try #require(good.first { $0.trait == "formality" }), b = try #require(bad.first { $0.trait == "formality" })
        #expect(g.adjustment < 0 && b.adjustment > 0)   // the casual output is less formal than echo
        #expect(g.weight == 0.5)
        #expect(try signals(f, f.feedback("rating", .number(3), interaction: id, at: 20)).isEmpty)
    }

    @Test func aComparativeChoiceMovesTowardTheChosenAnswer() throws {
        let f = try LearningFixture()
        let value = JSONValue.object(["chosen": .string(casual), "rejected": .string(formal)])
        let s = try signals(f, f.feedback("comparative", value, at: 0))
        #expect(try #require(s.first { $0.trait == "formality" }).adjustment < 0)
        #expect(try #require(s.first { $0.trait == "vocabulary_complexity" }).adjustment < 0)
    }

    @Test func freeformPhrasesMapToTraits() throws {
        let f = try LearningFixture()
        let s = try signals(f, f.feedback("freeform", .string("Honestly you used too many big words and it was too long"), at: 0))
        #expect(s.contains(SignalRecord(trait: "vocabulary_complexity", adjustment: -0.2, confidence: 0.6, weight: 0.5)))
        #expect(s.contains(SignalRecord(trait: "verbosity", adjustment: -0.2, confidence: 0.6, weight: 0.5)))
        #expect(try signals(f, f.feedback("freeform", .string("fine"), at: 10)).isEmpty)
    }

    @Test func anOutcomeMovesTheMultipliersOfTheIngredientsUsed() throws {
        let f = try LearningFixture()
        let liked = JSONValue.object(["efficacy": .number(9), "safety": .number(9), "user_satisfaction": .number(10),
                                      "ingredients": .array([.string("niacinamide"), .string("panthenol")])])
        let s = try signals(f, f.feedback(for: "anti_aging", "outcome", liked, at: 0))
        #expect(s.map(\.trait) == ["multiplier.niacinamide", "multiplier.panthenol"])
        #expect(s.allSatisfy { $0.adjustment > 0 })
        let disliked = JSONValue.object(["efficacy": .number(2), "safety": .number(3), "user_satisfaction": .number(0),
                                         "ingredients": .array([.string("retinol")])])
        #expect(try signals(f, f.feedback(for: "anti_aging", "outcome", disliked, at: 10)).allSatisfy { $0.adjustment < 0 })
    }
}
