import Foundation
import Testing
@testable import Builtins

/// Batch mode (`TraitLearner.applyBatch`) and the session that accumulates samples for it.
@Suite struct BatchLearningTests {
    let specs = [TraitSpec(name: "formality", initial: 0.8), TraitSpec(name: "warmth", initial: 0.4),
                 TraitSpec(name: "multiplier.niacinamide", range: 0.5...2, initial: 1)]

    @Test func batchMovesByTheWeightedMean() {
        let update = TraitLearner.applyBatch([
            TraitSignal(trait: "formality", adjustment: -0.2, confidence: 1, weight: 2),
            TraitSignal(trait: "formality", adjustment: 0.1, confidence: 0.5, weight: 1),
            TraitSignal(trait: "multiplier.niacinamide", adjustment: 0.1, confidence: 0.9, weight: 1),
        ], to: [:], specs: specs)
        // formality: weights 2 and 0.5; mean (−0.4 + 0.05) / 2.5 = −0.14; step 0.5 × −0.14 = −0.07.
        #expect(update.changes.map(\.trait) == ["formality", "multiplier.niacinamide"])
        #expect(abs(update.states["formality"]!.value - 0.73) < 1e-12)
        #expect(abs(update.states["multiplier.niacinamide"]!.value - 1.05) < 1e-12)
        #expect(update.states["warmth"] == nil)
        #expect(update.changes.allSatisfy { $0.limitedBy.isEmpty })
    }

    @Test func batchStepsAreCappedAndStayInRange() {
        let states = ["formality": TraitState(value: 0.95, ema: 0.01, windowStart: 5, windowChange: 0.2)]
        let update = TraitLearner.applyBatch(
            (0..<10).map { _ in TraitSignal(trait: "formality", adjustment: 0.8, confidence: 0.9) }, to: states, specs: specs)
        #expect(update.states["formality"]!.value == 1)
        #expect(update.changes.first!.limitedBy == [.maxStep, .range])
        // No window in batch mode: the spent window does not hold it back, and is left as it was.
        #expect(update.states["formality"]!.windowChange == 0.2 && update.states["formality"]!.ema == 0.01)
    }

    @Test func batchReportsUnknownTraitsAndKeepsTheRest() {
        let update = TraitLearner.applyBatch([
            TraitSignal(trait: "humor", adjustment: 0.2),
            TraitSignal(trait: "warmth", adjustment: 0.2, confidence: 0),
            TraitSignal(trait: "warmth", adjustment: -0.2, confidence: -1),
        ], to: [:], specs: specs)
        #expect(update.rejected.map(\.reason) == [.unknownTrait, .confidenceOutOfRange])
        #expect(update.changes == [TraitChange(trait: "warmth", from: 0.4, to: 0.4)])  // confidence 0 weighs nothing
    }

    @Test func sessionAccumulatesSamplesUntilTheBatchIsFull() {
        var session = LearningSession(specs: specs, settings: LearningSettings(batchSize: 3))
        let first = session.record([TraitSignal(trait: "formality", adjustment: -0.2, confidence: 0.8),
                                    TraitSignal(trait: "formallity", adjustment: -0.2)])
        #expect(first.changes.isEmpty && first.rejected.map(\.signal.trait) == ["formallity"])
        #expect(session.record(TraitSignal(trait: "formality", adjustment: -0.1, confidence: 0.4)).changes.isEmpty)
        #expect(session.pendingSamples == 2 && session.pending.count == 2 && session.value(of: "formality") == 0.8)
        let third = session.record(TraitSignal(trait: "warmth", adjustment: 0.2))
        // formality: (−0.16 − 0.04) / 1.2 = −1/6, step −1/12; warmth: +0.1.
        #expect(abs(session.value(of: "formality")! - (0.8 - 1.0 / 12)) < 1e-12)
        #expect(abs(session.value(of: "warmth")! - 0.5) < 1e-12)
        #expect(third.changes.count == 2 && session.pendingSamples == 0 && session.pending.isEmpty)
    }

    @Test func flushAppliesAPartialBatch() {
        var session = LearningSession(specs: specs, settings: LearningSettings(batchSize: 10))
        _ = session.record(TraitSignal(trait: "warmth", adjustment: 0.1))
        #expect(session.value(of: "warmth") == 0.4)
        #expect(session.flush().changes.map(\.message) == ["warmth 0.40 → 0.45"])
        #expect(session.flush().changes.isEmpty)
    }

    @Test func immediateSessionMatchesTheLearner() throws {
        var session = LearningSession(specs: specs)
        var state = specs[0].initialState()
        for i in 0..<12 {
            let signal = TraitSignal(trait: "formality", adjustment: -0.2, confidence: 0.7, weight: 1.5, time: Double(i) * 300)
            state = try TraitLearner.apply(signal, to: state, spec: specs[0]).state
            #expect(session.record(signal).changes.count == 1)
        }
        #expect(session.states["formality"] == state)
        #expect(session.values["warmth"] == 0.4)
    }

    @Test func sessionRoundTripsThroughJSON() throws {
        var session = LearningSession(specs: specs, settings: LearningSettings(batchSize: 4))
        _ = session.record(TraitSignal(trait: "formality", adjustment: -0.2, time: 12))
        let decoded = try JSONDecoder().decode(LearningSession.self, from: JSONEncoder().encode(session))
        #expect(decoded == session)
        #expect(LearningSettings(smoothing: 0, batchSize: 0).problems.count == 2)
        #expect(LearningSettings.standard.problems.isEmpty)
    }
}
