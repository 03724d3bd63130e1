/// One persona's traits learning from a stream of feedback samples, in immediate or batch mode.
///
/// A feedback sample is everything one piece of feedback produced: the signals a plugin's
/// `feedback` function returned for it (often one, sometimes several traits). With
/// `settings.batchSize == nil` each sample is applied as it arrives (`TraitLearner.apply`);
/// with N, samples accumulate and every Nth sample applies them together
/// (`TraitLearner.applyBatch`). The session is a value: persist it (it is `Codable`) between
/// runs to keep the pending batch and the rate-limit windows.
public struct LearningSession: Sendable, Codable, Hashable {
    /// The traits that can learn, in the order changes are reported in batch mode.
    public private(set) var specs: [TraitSpec]
    /// How fast and how far feedback may move the traits.
    public var settings: LearningSettings
    /// Every trait's current state, by name.
    public private(set) var states: [String: TraitState]
    /// Valid signals of samples recorded but not yet applied (batch mode only).
    public private(set) var pending: [TraitSignal] = []
    /// How many samples `pending` holds.
    public private(set) var pendingSamples = 0

    /// A session over `specs`; traits without a state in `states` start at their initial
    /// value. States of traits no spec names are dropped.
    public init(specs: [TraitSpec], settings: LearningSettings = .standard, states: [String: TraitState] = [:]) {
        let byName = TraitLearner.index(specs)
        self.specs = specs
        self.settings = settings
        self.states = byName.mapValues { states[$0.name] ?? $0.initialState() }
    }

    /// The current value of `trait`, or nil when no spec names it.
    public func value(of trait: String) -> Double? {
        states[trait]?.value
    }

    /// Every trait's current value, by name.
    public var values: [String: Double] {
        states.mapValues(\.value)
    }

    /// Records one feedback sample. Immediate mode applies it now. Batch mode refuses its
    /// invalid signals now (so they are reported at once), holds the rest, and applies all
    /// pending samples when this is the Nth; otherwise the update has no changes.
    public mutating func record(_ sample: [TraitSignal]) -> LearningUpdate {
        guard let size = settings.batchSize else {
            let update = TraitLearner.apply(sample, to: states, specs: specs, settings: settings)
            states = update.states
            return update
        }
        var rejected: [RejectedSignal] = []
        for signal in sample {
            if let reason = signal.problem ?? (states[signal.trait] == nil ? .unknownTrait : nil) {
                rejected.append(RejectedSignal(signal: signal, reason: reason))
            } else {
                pending.append(signal)
            }
        }
        pendingSamples += 1
        guard pendingSamples >= size else {
            return LearningUpdate(states: states, rejected: rejected)
        }
        var update = flush()
        update.rejected = rejected + update.rejected
        return update
    }

    /// Records one sample holding a single signal.
    public mutating func record(_ signal: TraitSignal) -> LearningUpdate {
        record([signal])
    }

    /// Applies the pending samples now as one batch, whatever their number (at the end of a
    /// conversation, say), and empties the batch. Without pending signals nothing changes.
    public mutating func flush() -> LearningUpdate {
        let update = TraitLearner.applyBatch(pending, to: states, specs: specs, settings: settings)
        states = update.states
        pending = []
        pendingSamples = 0
        return update
    }
}
