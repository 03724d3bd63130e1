/// The draws ``ExampleGenerator`` makes, on the users generator's frozen stream
/// (xoshiro256** seeded through SplitMix64): the generated examples, and every figure measured on
/// them, depend on each draw, so nothing here may change with the standard library or the
/// platform. Never `Hasher`, never system randomness.
typealias ExampleRandom = GeneratorRandom

extension GeneratorRandom {
    /// An integer in `0..<bound` (`bound` > 0): the high half of a 64×64 product. Its bias is
    /// below 2⁻⁵⁰ for the small bounds used here, and it never loops.
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(truncatingIfNeeded: bound)).high)
    }

    /// An integer in `range` (inclusive).
    @inline(__always) mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `percent` times in 100 (in tenths of a percent: `per1000`).
    @inline(__always) mutating func chance(per1000: Int) -> Bool {
        below(1000) < per1000
    }

    /// One element of a non-empty array, uniformly.
    @inline(__always) mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn from integer weights.
    @inline(__always) mutating func pick(_ table: WeightTable) -> Int {
        let u = below(table.total)
        let sums = table.sums
        var index = 0
        while index < sums.count - 1 && u >= sums[index] { index += 1 }
        return index
    }
}

/// Integer weights as running sums: `pick` walks them (the tables are short).
struct WeightTable: Sendable {
    let sums: [Int]
    let total: Int

    init(_ weights: [Int]) {
        var running = 0
        sums = weights.map { weight in
            running += max(weight, 0)
            return running
        }
        total = max(running, 1)
    }
}
