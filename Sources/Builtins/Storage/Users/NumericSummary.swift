/// A numeric column's non-NULL values at a glance: range, quartiles, mean and spread.
///
/// Percentiles are exact, interpolated between the closest ranks (see ``OrderStatistics``); the
/// standard deviation is the population one (divided by n, as the clustering's z-scores use),
/// so a single value has a deviation of 0.
public struct NumericSummary: Sendable, Hashable {
    /// How many values were summarised (the non-NULL ones).
    public let count: Int
    public let min: Double
    /// The 25th percentile.
    public let p25: Double
    public let median: Double
    /// The 75th percentile.
    public let p75: Double
    public let max: Double
    public let mean: Double
    /// The population standard deviation, √(Σ(x − mean)² / n).
    public let standardDeviation: Double

    public init(count: Int, min: Double, p25: Double, median: Double, p75: Double, max: Double,
                mean: Double, standardDeviation: Double) {
        self.count = count
        self.min = min
        self.p25 = p25
        self.median = median
        self.p75 = p75
        self.max = max
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The summary of `values`, where NaN stands for NULL and is left out; nil when every
    /// value is NULL (or there are none).
    public init?(values: [Double]) {
        var minimum = Double.infinity, maximum = -Double.infinity, sum = 0.0, count = 0
        for value in values where !value.isNaN {
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
            sum += value
            count += 1
        }
        guard count > 0 else { return nil }
        let present = count == values.count ? values : values.filter { !$0.isNaN }  // the non-NULL values
        let n = Double(present.count)
        // The mean clamped into the range, so rounding never puts it outside (n equal values).
        let mean = Swift.min(Swift.max(sum / n, minimum), maximum)
        var squares = 0.0
        for value in present {
            let d = value - mean
            squares += d * d
        }
        guard let quartiles = OrderStatistics.percentiles([0.25, 0.5, 0.75], of: present) else { return nil }
        self.init(count: present.count, min: minimum, p25: quartiles[0], median: quartiles[1], p75: quartiles[2],
                  max: maximum, mean: mean, standardDeviation: (squares / n).squareRoot())
    }
}
