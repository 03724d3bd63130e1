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

    /// The user's mistake, refused by the plugin with `host.reject`: an input error (exit 2)
    /// naming where the feedback came from, not a plugin error (exit 3). Before, a typo in a
    /// categorical value was reported as the plugin's fault.
    func rejection(_ f: LearningFixture, _ input: FeedbackInput) -> (message: String, error: LearningError)? {
        do {
            _ = try f.pipeline.addFeedback([input])
            return nil
        } catch {
            guard case .located(let place, .plugin(.rejected(let plugin, _, let message))) = error else {
                Issue.record("not a rejection: \(error)")
                return nil
            }
            #expect(place == input.location)
            #expect(["conversation", "skincare"].contains(plugin))
            #expect(error.isInputError)
            return (message, error)
        }
    }

    @Test func anUnknownCategoryIsTheUsersErrorWithADidYouMean() throws {
        let f = try LearningFixture()
        var typo = f.feedback("categorical", .string("too_formall"), at: 0)
        typo.location = "--value"
        let (message, error) = try #require(rejection(f, typo))
        #expect(message.hasPrefix("unknown categorical feedback 'too_formall' (did you mean 'too_formal'?)"))
        #expect(message.contains("too_casual"))
        #expect(error.description.hasPrefix("--value: unknown categorical feedback 'too_formall'"))
        #expect(try rejection(f, f.feedback("categorical", .string("much_too_purple_prose"), at: 0))?.message.contains("did you mean") == false)
        #expect(try rejection(f, f.feedback("categorical", .number(3), at: 0))?.message.contains("got a number") == true)
        #expect(try f.pipeline.store.feedback(of: "echo").isEmpty)
    }

    @Test func aRatingOutOfRangeOrWithoutItsInteractionIsTheUsersError() throws {
        let f = try LearningFixture()
        let id = try f.pipeline.addInteraction(persona: "echo", input: "Reply to Sam", output: casual)
        #expect(rejection(f, f.feedback("rating", .number(7), interaction: id, at: 0))?.message == "a rating is a number from 1 to 5, got 7")
        #expect(rejection(f, f.feedback("rating", .number(4), at: 0))?.message.contains("needs the interaction it rates") == true)
        #expect(rejection(f, f.feedback("correction", .string(casual), at: 0))?.message.contains("needs the interaction") == true)
        #expect(rejection(f, f.feedback("comparative", .string("A"), at: 0))?.message.contains("chosen") == true)
        #expect(rejection(f, f.feedback("freeform", .number(2), at: 0))?.message.contains("is text") == true)
    }

    @Test func aWrongOutcomeIsTheUsersError() throws {
        let f = try LearningFixture()
        let good: [String: JSONValue] = ["efficacy": .number(8), "safety": .number(9), "user_satisfaction": .number(7),
                                         "ingredients": .array([.string("niacinamide")])]
        var value = good
        value["safety"] = .number(11)
        #expect(rejection(f, f.feedback(for: "anti_aging", "outcome", .object(value), at: 0))?.message
                == "outcome safety must be a number from 0 to 10, got 11")
        value = good
        value["user_satisfacton"] = .number(7)
        #expect(rejection(f, f.feedback(for: "anti_aging", "outcome", .object(value), at: 0))?.message
                    .hasPrefix("unknown outcome field 'user_satisfacton' (did you mean 'user_satisfaction'?)") == true)
        value = good
        value["ingredients"] = .array([.string("niacinamid")])
        #expect(rejection(f, f.feedback(for: "anti_aging", "outcome", .object(value), at: 0))?.message
                == "outcome ingredients[1]: unknown ingredient 'niacinamid' (did you mean 'niacinamide'?)")
        value = good
        value["ingredients"] = nil
        #expect(rejection(f, f.feedback(for: "anti_aging", "outcome", .object(value), at: 0))?.message.contains("needs the formulation's ingredients") == true)
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
