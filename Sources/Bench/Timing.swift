import Builtins
import Foundation

/// Timing primitives: a monotonic clock reading and the median of repeated samples.
enum Timing {
    /// Nanoseconds `body` took on the monotonic clock, and what it returned.
    static func measure<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (nanoseconds: Double, result: T) {
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) * 1e9 + Double(attoseconds) / 1e9, result)
    }

    /// The median of `samples` (the mean of the two middle ones for an even count).
    static func median(_ samples: [Double]) -> Double {
        precondition(!samples.isEmpty, "median of no samples")
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Stops the benchmark with a message on stderr and exit status 1: a figure that cannot be
/// trusted (a plugin that did not load, a process that failed) must never reach the report.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("persona-bench: \(message)\n".utf8))
    exit(1)
}
