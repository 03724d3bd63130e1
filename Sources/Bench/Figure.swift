/// One measured figure as it appears in the report: what, how much, against which target.
struct Figure: Sendable {
    /// What was measured ("hook call, Swift `callNumber`").
    var name: String
    /// The median.
    var value: Double
    /// The unit of `value` and `target` ("ns", "ms", "x").
    var unit: String
    /// The figure must stay at or below this (at or above it with `atLeast`), when there is a target.
    var target: Double?
    /// How the median was taken ("median of 7 × 2,000,000 calls").
    var repetitions: String
    /// The target is a floor (a speed-up), not a ceiling.
    var atLeast = false

    /// Whether the figure meets its target (nil when it has none: context only).
    var passes: Bool? { target.map { atLeast ? value >= $0 : value <= $0 } }
}

/// One benchmark's output: its figures and notes that explain them.
struct BenchmarkResult: Sendable {
    var figures: [Figure]
    var notes: [String] = []
}
