import Foundation

/// A small, fast, explicitly seeded random number generator (xoshiro256**, seeded through SplitMix64).
///
/// The clustering code needs randomness (k-means++ seeding, row samples for Ward and the silhouette) but must
/// give the same answer on every run, platform and Swift version, so it never uses `SystemRandomNumberGenerator`
/// or the standard library's `random(in:)` algorithms (which are not specified to stay stable): every draw goes
/// through the helpers below, whose algorithms are fixed here.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole output stream is determined by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        s0 = Self.splitMix64(&sm)
        s1 = Self.splitMix64(&sm)
        s2 = Self.splitMix64(&sm)
        s3 = Self.splitMix64(&sm)
    }

    /// An independent stream derived from `seed` (e.g. one per k-means restart), so restarts never share draws.
    public init(seed: UInt64, stream: UInt64) {
        var mix = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        self.init(seed: Self.splitMix64(&mix) ^ stream)
    }

    @inline(__always)
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in 0..<bound (Lemire's nearly-divisionless method, unbiased). `bound` must be positive.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold {
                m = next().multipliedFullWidth(by: b)
            }
        }
        return Int(m.high)
    }

    /// A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple).
    public mutating func nextGaussian() -> Double {
        var u = nextDouble()
        while u == 0 { u = nextDouble() }
        let v = nextDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// `count` distinct indices from 0..<n, sorted ascending (all of 0..<n when count ≥ n).
    ///
    /// Uses Floyd's algorithm for small samples and sequential selection (Knuth's Algorithm S) otherwise;
    /// both are deterministic for a given generator state.
    public mutating func sampleWithoutReplacement(_ n: Int, count: Int) -> [Int] {
        precondition(n >= 0 && count >= 0, "negative sample size")
        if count >= n { return Array(0..<n) }
        if count == 0 { return [] }
        if count <= n / 16 {
            var chosen = Set<Int>(minimumCapacity: count)
            for j in (n - count)..<n {
                let t = nextInt(below: j + 1)
                if !chosen.insert(t).inserted { chosen.insert(j) }
            }
            return chosen.sorted()
        }
        var out = [Int]()
        out.reserveCapacity(count)
        var needed = count
        var i = 0
        while needed > 0 {
            // Select row i with probability needed / (n - i).
            if nextInt(below: n - i) < needed {
                out.append(i)
                needed -= 1
            }
            i += 1
        }
        return out
    }
}

@inline(__always)
private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
