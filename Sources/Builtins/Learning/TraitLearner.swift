/// Applies feedback signals to persona traits, with damping, deterministically.
///
/// Two modes, chosen by `LearningSettings.batchSize` (see `LearningSession`):
///
/// **Immediate** (`apply`), one signal at a time:
/// 1. effective = adjustment × confidence × weight, clipped to ±`signalBound`
///    (`maxStep / learningRate`), so that one signal's whole influence is at most `maxStep`;
/// 2. ema = smoothing · effective + (1 − smoothing) · ema;
/// 3. step = learningRate · ema, clamped to ±`maxStep`;
/// 4. if time − windowStart ≥ window (or no window is open), a new window opens at this time
///    with nothing spent; the step is then clamped so that windowChange + |step| ≤
///    `maxChangePerWindow` (a signal older than the window's start counts in the open window);
/// 5. value = clamp(value + step, spec.range); windowChange += |actual change|.
///
/// **Batch** (`applyBatch`), many samples at once: per trait, the mean of the adjustments
/// weighted by confidence × weight; step = learningRate × mean, clamped to ±`maxStep` and to
/// the range. Batch mode has no window limit and does not touch `ema` or the window fields:
/// a batch is already an average over many samples, applied at most once per batch, so the
/// batch size itself is the rate limit. Note that confidence and weight only weigh a signal
/// against the others of its batch: a batch of low-confidence signals moves as far as a batch
/// of confident ones.
///
/// Unknown traits and unusable numbers are refused: `apply` throws a `RejectedSignal`; the
/// many-signal functions return them in `LearningUpdate.rejected` and apply the rest.
public enum TraitLearner {
    /// Applies one signal to one trait's state (the immediate mode above).
    /// - Throws: `RejectedSignal` when the signal's numbers are unusable or its trait is not
    ///   `spec.name` (`.unknownTrait`).
    public static func apply(
        _ signal: TraitSignal, to state: TraitState, spec: TraitSpec, settings: LearningSettings = .standard
    ) throws(RejectedSignal) -> (state: TraitState, change: TraitChange) {
        if let reason = signal.problem { throw RejectedSignal(signal: signal, reason: reason) }
        guard signal.trait == spec.name else { throw RejectedSignal(signal: signal, reason: .unknownTrait) }
        var limits: [TraitChange.Limit] = []
        func hit(_ limit: TraitChange.Limit) { if !limits.contains(limit) { limits.append(limit) } }

        var effective = signal.effective
        if abs(effective) > settings.signalBound {
            effective = Double(signOf: effective, magnitudeOf: settings.signalBound)
            hit(.maxStep)
        }
        var next = state
        next.ema = settings.smoothing * effective + (1 - settings.smoothing) * state.ema
        var step = settings.learningRate * next.ema
        if abs(step) > settings.maxStep {
            step = Double(signOf: step, magnitudeOf: settings.maxStep)
            hit(.maxStep)
        }
        if let start = next.windowStart, signal.time - start < settings.window {
            // Still inside the open window.
        } else {
            next.windowStart = signal.time
            next.windowChange = 0
        }
        let remaining = max(0, settings.maxChangePerWindow - next.windowChange)
        if abs(step) > remaining {
            step = Double(signOf: step, magnitudeOf: remaining)
            hit(.window)
        }
        let target = state.value + step
        let value = spec.clamp(target)
        if value != target { hit(.range) }
        // A step cut to the window's remaining budget spends it exactly (no rounding crumbs).
        let spent = limits.contains(.window) && !limits.contains(.range)
        next.windowChange = spent ? settings.maxChangePerWindow : next.windowChange + abs(value - state.value)
        next.value = value
        return (next, TraitChange(trait: spec.name, from: state.value, to: value, limitedBy: limits))
    }

    /// Applies `signals` one after another in immediate mode. Traits missing from `states`
    /// start at their spec's initial value; the result holds every state of `states` plus
    /// those of traits that received a valid signal, and one change per applied signal.
    public static func apply(
        _ signals: [TraitSignal], to states: [String: TraitState], specs: [TraitSpec],
        settings: LearningSettings = .standard
    ) -> LearningUpdate {
        let byName = index(specs)
        var update = LearningUpdate(states: states)
        for signal in signals {
            guard let spec = byName[signal.trait] else {
                update.rejected.append(RejectedSignal(signal: signal, reason: signal.problem ?? .unknownTrait))
                continue
            }
            do {
                let (state, change) = try apply(signal, to: update.states[spec.name] ?? spec.initialState(), spec: spec, settings: settings)
                update.states[spec.name] = state
                update.changes.append(change)
            } catch {
                update.rejected.append(error)
            }
        }
        return update
    }

    /// Applies `signals` together in batch mode (see the type's documentation): at most one
    /// change per trait, listed in the order of `specs`. Traits missing from `states` start at
    /// their spec's initial value. A trait whose signals all have confidence 0 does not move.
    public static func applyBatch(
        _ signals: [TraitSignal], to states: [String: TraitState], specs: [TraitSpec],
        settings: LearningSettings = .standard
    ) -> LearningUpdate {
        let byName = index(specs)
        var update = LearningUpdate(states: states)
        var totals: [String: (weight: Double, weighted: Double)] = [:]
        for signal in signals {
            let reason = signal.problem ?? (byName[signal.trait] == nil ? .unknownTrait : nil)
            if let reason {
                update.rejected.append(RejectedSignal(signal: signal, reason: reason))
                continue
            }
            let weight = signal.confidence * signal.weight
            totals[signal.trait, default: (0, 0)].weight += weight
            totals[signal.trait, default: (0, 0)].weighted += weight * signal.adjustment
        }
        for spec in specs {
            guard let total = totals.removeValue(forKey: spec.name) else { continue }
            var state = update.states[spec.name] ?? spec.initialState()
            var limits: [TraitChange.Limit] = []
            let mean = total.weight > 0 ? total.weighted / total.weight : 0
            var step = settings.learningRate * mean
            if abs(step) > settings.maxStep {
                step = Double(signOf: step, magnitudeOf: settings.maxStep)
                limits.append(.maxStep)
            }
            let target = state.value + step
            let value = spec.clamp(target)
            if value != target { limits.append(.range) }
            update.changes.append(TraitChange(trait: spec.name, from: state.value, to: value, limitedBy: limits))
            state.value = value
            update.states[spec.name] = state
        }
        return update
    }

    /// Specs by name; with duplicate names the first spec wins.
    static func index(_ specs: [TraitSpec]) -> [String: TraitSpec] {
        Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The outcome of applying several signals: the new states, what changed, what was refused.
///
/// Returned rather than thrown so that one bad signal (a typo in a trait name) is reported
/// without discarding the valid signals of the same feedback.
public struct LearningUpdate: Sendable, Codable, Hashable {
    /// Every trait's state after the update, by trait name.
    public var states: [String: TraitState]
    /// The changes made, in application order (immediate) or spec order (batch).
    public var changes: [TraitChange]
    /// The signals refused, in arrival order.
    public var rejected: [RejectedSignal]

    /// An update record.
    public init(states: [String: TraitState] = [:], changes: [TraitChange] = [], rejected: [RejectedSignal] = []) {
        self.states = states
        self.changes = changes
        self.rejected = rejected
    }
}
