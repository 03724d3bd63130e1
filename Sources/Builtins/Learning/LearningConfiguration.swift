/// One learnable trait of a persona: its name, the values it may take and where it starts.
///
/// Conversational personas have style traits (`formality`, `verbosity`, `warmth`, `humour`,
/// `vocabulary_complexity`, usually in 0…1); skincare personas learn ingredient multipliers
/// (`multiplier.niacinamide`, e.g. in 0.5…2). The learner never moves a value outside `range`,
/// so the spec is what keeps a persona recognisable however much feedback arrives.
public struct TraitSpec: Sendable, Codable, Hashable {
    /// The trait's name, as plugins write it in signals.
    public var name: String
    /// The values the trait may take.
    public var range: ClosedRange<Double>
    /// The value before any feedback, inside `range`.
    public var initial: Double

    /// A spec; `initial` is clamped into `range` so a state built from it is always valid.
    public init(name: String, range: ClosedRange<Double> = 0...1, initial: Double) {
        self.name = name
        self.range = range
        self.initial = min(max(initial, range.lowerBound), range.upperBound)
    }

    /// `value` clamped into `range`.
    public func clamp(_ value: Double) -> Double {
        min(max(value, range.lowerBound), range.upperBound)
    }

    /// A fresh state at `initial`, with no smoothed signal and no window open.
    public func initialState() -> TraitState {
        TraitState(value: initial)
    }
}

/// How fast and how far feedback may move a persona's traits.
///
/// Feedback is noisy (a user clicks "too formal" once, in a bad mood) and sometimes hostile
/// (a burst of identical complaints). The settings damp it on three levels: smoothing over
/// recent signals, a cap on any one update, and a cap on the total change of a trait within a
/// time window. The defaults move a 0…1 trait at most 0.1 per update and 0.2 per hour.
public struct LearningSettings: Sendable, Codable, Hashable {
    /// The fraction of the smoothed signal turned into a step (default 0.5).
    public var learningRate: Double
    /// The largest change one update may make to one trait (default 0.1). A single signal's
    /// effective adjustment is also clipped to `maxStep / learningRate`, so the whole influence
    /// of one signal, summed over every later update its smoothing reaches, is at most
    /// `maxStep`.
    public var maxStep: Double
    /// The rate-limit window, in seconds (default 3600: one hour).
    public var window: Double
    /// The largest total absolute change of one trait within one window (default 0.2).
    public var maxChangePerWindow: Double
    /// The weight α of the newest signal in the exponential moving average
    /// `ema = α · effective + (1 − α) · ema` (default 0.3); 1 disables smoothing.
    public var smoothing: Double
    /// nil (the default): apply each feedback sample as it arrives. N: accumulate N feedback
    /// samples and apply them together as a weighted mean (see `TraitLearner.applyBatch`).
    public var batchSize: Int?

    /// Settings; every argument defaults to the documented value.
    public init(
        learningRate: Double = 0.5,
        maxStep: Double = 0.1,
        window: Double = 3600,
        maxChangePerWindow: Double = 0.2,
        smoothing: Double = 0.3,
        batchSize: Int? = nil
    ) {
        self.learningRate = learningRate
        self.maxStep = maxStep
        self.window = window
        self.maxChangePerWindow = maxChangePerWindow
        self.smoothing = smoothing
        self.batchSize = batchSize
    }

    /// The documented defaults.
    public static let standard = LearningSettings()

    /// The largest effective adjustment one signal may contribute: `maxStep / learningRate`
    /// (unbounded when the learning rate is 0, which moves nothing anyway).
    public var signalBound: Double {
        learningRate > 0 ? maxStep / learningRate : .infinity
    }

    /// What is wrong with these settings, one line each; empty when they are usable.
    public var problems: [String] {
        var found: [String] = []
        if !(learningRate >= 0 && learningRate.isFinite) { found.append("learningRate must be a finite number ≥ 0") }
        if !(maxStep >= 0 && maxStep.isFinite) { found.append("maxStep must be a finite number ≥ 0") }
        if !(window > 0 && window.isFinite) { found.append("window must be a finite number of seconds > 0") }
        if !(maxChangePerWindow >= 0) { found.append("maxChangePerWindow must be ≥ 0") }
        if !(smoothing > 0 && smoothing <= 1) { found.append("smoothing must be in (0, 1]") }
        if let size = batchSize, size < 1 { found.append("batchSize must be nil or ≥ 1") }
        return found
    }
}
