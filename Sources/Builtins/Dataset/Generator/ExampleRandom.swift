/// The random stream behind ``ExampleGenerator``: xoshiro256** seeded through SplitMix64.
///
/// Its own copy, frozen: the generated examples (and every figure measured on them) depend on
/// each draw, so nothing here may change with the standard library, the platform or another
/// generator's needs. Never `Hasher`, never system randomness.
struct ExampleRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 bits (xoshiro256**).
    @inline(__always) mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

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
