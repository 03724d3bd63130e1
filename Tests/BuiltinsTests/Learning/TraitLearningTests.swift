import Testing
@testable import Builtins

/// The damped learner in immediate mode: window budget, step cap, outliers, range, weights.
@Suite struct TraitLearningTests {
    let formality = TraitSpec(name: "formality", range: 0...1, initial: 0.8)
    let settings = LearningSettings.standard

    /// Applies `signals` in order to one trait, returning every state and change.
    func run(_ signals: [TraitSignal], spec: TraitSpec, from state: TraitState? = nil,
             settings: LearningSettings = .standard) throws -> [(state: TraitState, change: TraitChange)] {
        var current = state ?? spec.initialState()
        var steps: [(state: TraitState, change: TraitChange)] = []
        for signal in signals {
            let step = try TraitLearner.apply(signal, to: current, spec: spec, settings: settings)
            steps.append(step)
            current = step.state
        }
        return steps
    }

    @Test func aBurstWithinOneWindowMovesExactlyTheWindowBudget() throws {
        let burst = (0..<50).map { TraitSignal(trait: "formality", adjustment: -0.2, confidence: 0.8, weight: 1, time: Double($0) * 10) }
        let steps = try run(burst, spec: formality)
        let final = steps.last!.state
        #expect(abs((0.8 - final.value) - settings.maxChangePerWindow) < 1e-12)
        #expect(final.windowChange <= settings.maxChangePerWindow + 1e-12)
        #expect(steps.allSatisfy { abs($0.change.delta) <= settings.maxStep + 1e-12 })
        // The budget is spent within a few signals; the rest are held back by the window.
        let firstBlocked = steps.firstIndex { $0.change.limitedBy.contains(.window) }!
        #expect(firstBlocked < 8)
        #expect(steps[(firstBlocked + 1)...].allSatisfy { !$0.change.moved })
        #expect(steps.last!.change.description == "formality 0.60 → 0.60 (limited by window)")
    }

    @Test func afterTheWindowPassesTheTraitMovesAgain() throws {
        let burst = (0..<50).map { TraitSignal(trait: "formality", adjustment: -0.2, confidence: 0.8, time: Double($0) * 10) }
        let held = try run(burst, spec: formality).last!.state
        let later = try TraitLearner.apply(
            TraitSignal(trait: "formality", adjustment: -0.2, confidence: 0.8, time: 3600), to: held, spec: formality, settings: settings)
        #expect(later.change.delta < -0.05)
        #expect(later.state.windowStart == 3600)
        #expect(abs(later.state.windowChange + later.change.delta) < 1e-12)
        // One second earlier the window was still closed.
        let early = try TraitLearner.apply(
            TraitSignal(trait: "formality", adjustment: -0.2, confidence: 0.8, time: 3599), to: held, spec: formality, settings: settings)
        #expect(!early.change.moved)
    }

    @Test func oneOutlierAmongSmallOppositeSignalsMovesLessThanMaxStep() throws {
        let spec = TraitSpec(name: "formality", initial: 0.5)
        let signals = (0..<40).map { i in
            i == 20
                ? TraitSignal(trait: "formality", adjustment: 1.0, confidence: 1, weight: 2, time: Double(i) * 600)
                : TraitSignal(trait: "formality", adjustment: -0.05, confidence: 0.8, weight: 1, time: Double(i) * 600)
        }
        let values = try run(signals, spec: spec).map(\.state.value)
        let before = values[19]
        let swing = values[20...].max()! - before
        #expect(swing <= settings.maxStep)
        #expect(values[20] > before)  // it does count, a little
        #expect(values.last! < before)  // and the many small signals win
    }

    @Test func oneSignalsWholeInfluenceIsAtMostMaxStep() throws {
        // An extreme explicit signal, then only neutral ones, two hours apart (no window limit).
        let spec = TraitSpec(name: "formality", initial: 0.5)
        let signals = [TraitSignal(trait: "formality", adjustment: 5, confidence: 1, weight: 3, time: 0)]
            + (1...40).map { TraitSignal(trait: "formality", adjustment: 0, time: Double($0) * 7200) }
        let steps = try run(signals, spec: spec)
        let total = steps.last!.state.value - 0.5
        #expect(total > 0.09 && total <= settings.maxStep)
        #expect(steps[0].change.limitedBy == [.maxStep])
    }

    @Test func valuesNeverLeaveTheirRange() throws {
        var random = SeededGenerator(seed: 7)
        let specs = [TraitSpec(name: "formality", initial: 0.5),
                     TraitSpec(name: "multiplier.niacinamide", range: 0.5...2, initial: 1.9)]
        let fast = LearningSettings(learningRate: 1, maxStep: 0.5, window: 60, maxChangePerWindow: 10, smoothing: 1)
        for spec in specs {
            var time = 0.0
            let signals = (0..<500).map { _ -> TraitSignal in
                time += random.nextDouble() * 120
                return TraitSignal(trait: spec.name, adjustment: random.nextDouble() * 4 - 1.5, confidence: random.nextDouble(),
                                   weight: 0.1 + random.nextDouble() * 3, time: time)
            }
            let steps = try run(signals, spec: spec, settings: fast)
            #expect(steps.allSatisfy { spec.range.contains($0.state.value) })
            #expect(steps.contains { $0.change.limitedBy.contains(.range) })
            #expect(steps.map(\.state.value).max()! == spec.range.upperBound)
        }
    }

    @Test func explicitCorrectionsMoveMoreThanImplicitSignals() throws {
        func moved(adjustment: Double, weight: Double, samples: Int) throws -> Double {
            let signals = (0..<samples).map {
                TraitSignal(trait: "formality", adjustment: adjustment, confidence: 0.8, weight: weight, time: Double($0) * 7200)
            }
            return 0.8 - (try run(signals, spec: formality).last!.state.value)
        }
        // Small adjustments: the move is proportional to the weight (learningRate · α · effective).
        #expect(abs(try moved(adjustment: -0.1, weight: 2, samples: 1) - 0.5 * 0.3 * 0.16) < 1e-12)
        #expect(abs(try moved(adjustment: -0.1, weight: 0.5, samples: 1) - 0.5 * 0.3 * 0.04) < 1e-12)
        // The brief's −0.2: explicit still moves clearly more, though its effective −0.32 is
        // clipped to the signal bound 0.2 (maxStep / learningRate).
        #expect(abs(try moved(adjustment: -0.2, weight: 2, samples: 1) - 0.5 * 0.3 * 0.2) < 1e-12)
        #expect(try moved(adjustment: -0.2, weight: 2, samples: 1) > 2 * (try moved(adjustment: -0.2, weight: 0.5, samples: 1)))
        #expect(try moved(adjustment: -0.2, weight: 2, samples: 5) > 2 * (try moved(adjustment: -0.2, weight: 0.5, samples: 5)))
    }

    @Test func unusableSignalsAreRefused() {
        let state = formality.initialState()
        let cases: [(TraitSignal, RejectedSignal.Reason)] = [
            (TraitSignal(trait: "formallity", adjustment: -0.2), .unknownTrait),
            (TraitSignal(trait: "formality", adjustment: .nan), .nonFiniteAdjustment),
            (TraitSignal(trait: "formality", adjustment: -0.2, confidence: 1.5), .confidenceOutOfRange),
            (TraitSignal(trait: "formality", adjustment: -0.2, weight: 0), .nonPositiveWeight),
            (TraitSignal(trait: "formality", adjustment: -0.2, time: .infinity), .nonFiniteTime),
        ]
        for (signal, reason) in cases {
            let error = #expect(throws: RejectedSignal.self) {
                try TraitLearner.apply(signal, to: state, spec: formality, settings: settings)
            }
            #expect(error?.reason == reason && error?.signal.trait == signal.trait)
        }
    }

    @Test func severalSignalsApplyInOrderAndReportTheUnknown() {
        let specs = [formality, TraitSpec(name: "warmth", initial: 0.4)]
        let update = TraitLearner.apply([
            TraitSignal(trait: "formality", adjustment: -0.2, time: 0),
            TraitSignal(trait: "humour", adjustment: 0.3, time: 0),
            TraitSignal(trait: "warmth", adjustment: 0.2, time: 0),
        ], to: [:], specs: specs, settings: settings)
        #expect(update.changes.map(\.trait) == ["formality", "warmth"])
        #expect(update.rejected.map(\.signal.trait) == ["humour"])
        #expect(update.rejected.first?.description == "signal for \"humour\" rejected: unknown trait")
        #expect(Set(update.states.keys) == ["formality", "warmth"])
        #expect(update.changes[0].message == "formality 0.80 → 0.77")
        #expect(update.states["warmth"]!.value > 0.4)
    }

    @Test func changeMessagesUseTwoDecimals() {
        #expect(TraitChange(trait: "formality", from: 0.62, to: 0.55).message == "formality 0.62 → 0.55")
        #expect(TraitChange(trait: "multiplier.niacinamide", from: 1, to: 1.256).message == "multiplier.niacinamide 1.00 → 1.26")
        #expect(TraitChange.format(-0.104) == "-0.10" && TraitChange.format(-0.001) == "0.00")
        #expect(TraitChange(trait: "x", from: 0.9, to: 1, limitedBy: [.maxStep, .range]).description == "x 0.90 → 1.00 (limited by max step, range)")
    }
}
