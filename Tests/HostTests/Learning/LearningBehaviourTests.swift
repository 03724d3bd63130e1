import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Damping, validation, rollback, duplicates and all-or-nothing writes, through the real plugins.
struct LearningBehaviourTests {
    @Test func aBurstOfFiftyTooFormalMovesAtMostTheWindowLimit() throws {
        let f = try LearningFixture()
        let burst = (0..<50).map { f.feedback("categorical", .string("too_formal"), at: Double($0), id: "burst-\($0)") }
        let outcomes = try f.pipeline.addFeedback(burst)
        #expect(outcomes.allSatisfy { $0.status == "applied" })
        let moved = 0.62 - (try f.traits()["formality"]!)
        #expect(abs(moved - 0.2) < 1e-9, "moved \(moved); echo's max_change_per_window is 0.2")
        // An hour later the window reopens and it may move again, by at most one step.
        _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 3_700)])
        let after = try f.traits()["formality"]!
        #expect(after < 0.42 - 1e-9 && after >= 0.42 - 0.1 - 1e-9)
    }

    @Test func aCandidateFailingAGoldenScenarioIsRejectedAndTheActiveVersionStays() throws {
        let f = try LearningFixture()
        var time = 0.0
        var rejected: FeedbackOutcome?
        for _ in 0..<40 where rejected == nil {
            time += 7_200   // a new window each time
            let outcome = try #require(try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: time)]).first)
            if outcome.status == "rejected" { rejected = outcome }
        }
        let outcome = try #require(rejected)
        #expect(outcome.message.contains("echo stays at least a little formal"))
        let active = try #require(try f.pipeline.store.activeVersion(of: "echo"))
        #expect(active.traits["formality"]! >= 0.3)
        let stored = try f.pipeline.store.versions(of: "echo")
        #expect(stored.last?.status == .rejected)
        #expect(stored.last!.traits["formality"]! < 0.3)
        #expect(try f.pipeline.store.feedback(of: "echo").last?.status == .rejected)
    }

    @Test func rollbackRestoresExactValues() throws {
        let f = try LearningFixture()
        _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_long"), at: 0)])
        let kept = try #require(try f.pipeline.store.activeVersion(of: "echo"))
        _ = try f.pipeline.addFeedback([f.feedback("freeform", .string("too many big words"), at: 10),
                                        f.feedback("categorical", .string("more_fun"), at: 20)])
        #expect(try f.traits() != kept.traits)
        let outcome = try f.pipeline.rollback(persona: "echo", to: kept.name)
        #expect(try f.traits() == kept.traits)
        #expect(outcome.version != kept.name)   // a new version; history is kept
        #expect(try f.pipeline.store.versions(of: "echo").count == 5)
        #expect(throws: LearningError.self) { try f.pipeline.rollback(persona: "echo", to: "v9.9") }
    }

    @Test func duplicateFeedbackIsIgnored() throws {
        let f = try LearningFixture()
        let id = try f.pipeline.addInteraction(persona: "echo", input: "hi", output: "Hello there.")
        let once = f.feedback("categorical", .string("too_formal"), interaction: id, at: 0)
        let twice = f.feedback("categorical", .string("too_formal"), interaction: id, at: 60)
        let outcomes = try f.pipeline.addFeedback([once, twice])
        #expect(outcomes.map(\.status) == ["applied", "duplicate"])
        #expect(try f.pipeline.addFeedback([once]).map(\.status) == ["duplicate"])
        #expect(try f.pipeline.store.feedback(of: "echo").count == 1)
    }

    @Test func aFailureMidwayThroughAnImportLeavesNothingApplied() throws {
        let f = try LearningFixture()
        let good = (0..<4).map { f.feedback("categorical", .string("too_formal"), at: Double($0) * 10, id: "g\($0)") }
        let broken = f.feedback("categorical", .string("not_a_category"), at: 100, id: "bad")
        #expect(throws: LearningError.self) { try f.pipeline.addFeedback(good + [broken]) }
        #expect(try f.pipeline.store.versions(of: "echo").isEmpty)
        #expect(try f.pipeline.store.feedback(of: "echo").isEmpty)
        #expect(try f.traits()["formality"] == 0.62)
    }

    @Test func formalityConvergesWithoutOscillating() throws {
        // A user who wants echo less formal: "too formal" above 0.42, "too casual" below 0.32,
        // "nailed it" in between; one feedback every 10 minutes.
        let f = try LearningFixture()
        var values: [Double] = []
        for sample in 0..<40 {
            let formality = try f.traits()["formality"]!
            let verdict = formality > 0.42 ? "too_formal" : formality < 0.32 ? "too_casual" : "nailed_it"
            _ = try f.pipeline.addFeedback([f.feedback("categorical", .string(verdict), at: Double(sample) * 600)])
            values.append(try f.traits()["formality"]!)
        }
        let settled = try #require(values.firstIndex { (0.32...0.42).contains($0) })
        #expect(settled <= 25, "settled after \(settled + 1) samples")
        #expect(values[settled...].allSatisfy { (0.3...0.45).contains($0) })
        let steps = zip(values.dropFirst(), values).map { $0 - $1 }.filter { abs($0) > 1e-12 }
        let reversals = zip(steps.dropFirst(), steps).filter { $0 * $1 < 0 }.count
        #expect(reversals <= 1, "direction changed \(reversals) times")
    }
}
