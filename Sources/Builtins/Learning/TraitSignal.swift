/// One nudge to one trait, produced by a feedback plugin from what a user said or did.
///
/// A plugin maps feedback ("too formal", a thumbs-down, an edited reply) to signals
/// `{trait, adjustment, confidence, weight}`; the host stamps the time. The learner combines
/// adjustment, confidence and weight into the signal's effective size, then damps it (see
/// `TraitLearner`), so a plugin states what the feedback means, not how fast to learn.
public struct TraitSignal: Sendable, Codable, Hashable {
    /// The trait to move, as named in a `TraitSpec`.
    public var trait: String
    /// The direction and size of the change the feedback asks for, in the trait's units
    /// (−0.2: "a good deal less formal").
    public var adjustment: Double
    /// How sure the plugin is that the feedback means this, in 0…1.
    public var confidence: Double
    /// How much this kind of feedback counts, > 0: explicit corrections ("too formal") weigh
    /// more than implicit signals (a reply left unread). The plugin chooses it.
    public var weight: Double
    /// When the feedback happened, in seconds (any fixed epoch; only differences matter).
    public var time: Double

    /// A signal; by default fully confident, of weight 1, at time 0.
    public init(trait: String, adjustment: Double, confidence: Double = 1, weight: Double = 1, time: Double = 0) {
        self.trait = trait
        self.adjustment = adjustment
        self.confidence = confidence
        self.weight = weight
        self.time = time
    }

    /// adjustment × confidence × weight: the size of the nudge before any damping.
    public var effective: Double { adjustment * confidence * weight }

    /// Why this signal cannot be applied, or nil when its numbers are usable. The trait name
    /// is checked by the learner, which knows the specs.
    public var problem: RejectedSignal.Reason? {
        if !adjustment.isFinite { return .nonFiniteAdjustment }
        if !(confidence >= 0 && confidence <= 1) { return .confidenceOutOfRange }
        if !(weight > 0 && weight.isFinite) { return .nonPositiveWeight }
        if !time.isFinite { return .nonFiniteTime }
        return nil
    }
}

/// A signal the learner refused, and why.
///
/// Refusals are reported, never silently dropped: a plugin that names a trait the persona does
/// not have (a typo, `formallity`) or sends a confidence of 3 has a bug its author must see.
/// `TraitLearner.apply` throws this; batch and session updates return them in `rejected` and
/// still apply every valid signal, so one bad signal cannot discard a whole sample.
public struct RejectedSignal: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    /// Why a signal was refused.
    public enum Reason: String, Sendable, Codable, Hashable {
        /// No spec has the signal's trait name.
        case unknownTrait = "unknown trait"
        /// The adjustment is NaN or infinite.
        case nonFiniteAdjustment = "adjustment is not a finite number"
        /// The confidence is outside 0…1 (or NaN).
        case confidenceOutOfRange = "confidence is outside 0…1"
        /// The weight is not a finite number > 0.
        case nonPositiveWeight = "weight is not a finite number > 0"
        /// The time is NaN or infinite.
        case nonFiniteTime = "time is not a finite number"
    }

    /// The refused signal.
    public var signal: TraitSignal
    /// Why it was refused.
    public var reason: Reason

    /// A refusal of `signal` for `reason`.
    public init(signal: TraitSignal, reason: Reason) {
        self.signal = signal
        self.reason = reason
    }

    /// "signal for "formallity" rejected: unknown trait".
    public var description: String {
        "signal for \"\(signal.trait)\" rejected: \(reason.rawValue)"
    }
}
