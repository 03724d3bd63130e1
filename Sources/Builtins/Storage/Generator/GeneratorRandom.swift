import Foundation

/// The random stream behind ``UserGenerator``: xoshiro256** seeded through SplitMix64, with the
/// few distributions the synthetic users need (uniform, normal, gamma, beta, small binomials,
/// categorical draws).
///
/// It is deliberately separate from the clustering code's generator: every draw and algorithm
/// here is frozen, because changing any of them changes every generated sample (and the
/// figures measured on them). Same seed → same stream, on every run of the same build.
struct GeneratorRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The second normal of the last polar-method pair, if not used yet.
    private var spareNormal: Double?

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

    /// Uniform in [0, 1), 53 random bits.
    @inline(__always) mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    @inline(__always) mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// Standard normal (Marsaglia's polar method; the pair's second value is kept for the next call).
    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// Gamma(shape, 1) (Marsaglia–Tsang; shape < 1 boosted by U^(1/shape)).
    mutating func gamma(_ shape: Double) -> Double {
        if shape < 1 {
            let boost = pow(uniform(), 1 / shape)
            return gamma(shape + 1) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * (x * x) * (x * x) { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Beta with the given mean (clipped to 0.02…0.98) and concentration α + β.
    mutating func beta(mean: Double, concentration: Double) -> Double {
        let m = min(max(mean, 0.02), 0.98)
        let x = gamma(m * concentration)
        let y = gamma((1 - m) * concentration)
        return x / (x + y)
    }

    /// Binomial(n, p) for small n, as n Bernoulli draws.
    mutating func binomial(_ n: Int, _ p: Double) -> Int {
        var successes = 0
        for _ in 0..<n where uniform() < p { successes += 1 }
        return successes
    }

    /// An index drawn from a cumulative distribution (last entry 1).
    @inline(__always) mutating func pick(_ table: CumulativeTable) -> Int {
        let u = uniform()
        let cdf = table.cdf
        for index in 0..<(cdf.count - 1) where u < cdf[index] { return index }
        return cdf.count - 1
    }
}

/// A categorical distribution as its running sums, normalized so the last is exactly 1.
struct CumulativeTable: Sendable {
    let cdf: [Double]

    init(_ weights: [Double]) {
        var running = 0.0
        let sums = weights.map { weight -> Double in
            running += weight
            return running
        }
        cdf = sums.map { $0 / running }
    }
}
