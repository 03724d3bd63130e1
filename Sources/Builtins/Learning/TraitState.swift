/// What the learner remembers about one trait between updates.
///
/// The state is a value: the learner returns a new one rather than mutating shared storage, so
/// callers decide when to persist it, and replaying the same signals on the same state always
/// gives the same result.
public struct TraitState: Sendable, Codable, Hashable {
    /// The trait's current value.
    public var value: Double
    /// The exponentially smoothed effective adjustment (adjustment × confidence × weight) of
    /// recent signals; a single signal moves it only by `smoothing` of its size.
    public var ema: Double
    /// When the current rate-limit window opened (signal time, seconds); nil before the first
    /// immediate update.
    public var windowStart: Double?
    /// The total absolute change made to `value` since `windowStart`.
    public var windowChange: Double

    /// A state; by default with nothing smoothed and no window open.
    public init(value: Double, ema: Double = 0, windowStart: Double? = nil, windowChange: Double = 0) {
        self.value = value
        self.ema = ema
        self.windowStart = windowStart
        self.windowChange = windowChange
    }
}

/// What one update did to one trait: the value before and after, and which limits held it
/// back.
///
/// The CLI prints it as one line ("formality 0.62 → 0.55") so a user sees how the persona
/// evolved; `limitedBy` explains a smaller move than the feedback asked for (the step cap, the
/// window's budget, or the end of the trait's range).
public struct TraitChange: Sendable, Codable, Hashable, CustomStringConvertible {
    /// A limit that made the change smaller than the undamped step.
    public enum Limit: String, Sendable, Codable, Hashable, CaseIterable {
        /// The step was larger than `LearningSettings.maxStep`, or the signal's effective
        /// adjustment was clipped to `LearningSettings.signalBound`.
        case maxStep = "max step"
        /// The window's remaining budget (`maxChangePerWindow` minus what was already spent)
        /// was smaller than the step.
        case window
        /// The new value would have left `TraitSpec.range`.
        case range
    }

    /// The trait's name.
    public var trait: String
    /// The value before the update.
    public var from: Double
    /// The value after the update.
    public var to: Double
    /// The limits that held the change back, in the order they were applied; empty when the
    /// step was taken in full.
    public var limitedBy: [Limit]

    /// A change record.
    public init(trait: String, from: Double, to: Double, limitedBy: [Limit] = []) {
        self.trait = trait
        self.from = from
        self.to = to
        self.limitedBy = limitedBy
    }

    /// `to − from`.
    public var delta: Double { to - from }

    /// Whether the value changed at all.
    public var moved: Bool { to != from }

    /// "formality 0.62 → 0.55": the trait and both values to two decimals.
    public var message: String {
        "\(trait) \(Self.format(from)) → \(Self.format(to))"
    }

    /// The message, followed by the limits when there are any:
    /// "formality 0.80 → 0.60 (limited by window)".
    public var description: String {
        guard !limitedBy.isEmpty else { return message }
        return message + " (limited by " + limitedBy.map(\.rawValue).joined(separator: ", ") + ")"
    }

    /// `value` with exactly two decimals, rounded half away from zero, without Foundation
    /// ("0.55", "-0.10", "1.25"); huge or non-finite values print as Swift prints them.
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
