/// Decides, example by example, how many copies of one (persona, trait mask) group's examples
/// go into the mix, so that the group contributes exactly its quota.
///
/// Every example gets quota / available copies (integer division) and exactly
/// quota % available of them, chosen uniformly without replacement by Knuth's selection sampling
/// (Algorithm S, one pass in input order), get one more. After `available` calls the copies add
/// up to exactly `quota`. The choice depends only on the seed, so the same inputs and seed give
/// the same mix. O(1) and allocation-free per call.
public struct GroupSampler: Sendable {
    private let base: Int
    private var remainingItems: Int
    private var remainingPicks: Int
    private var state: UInt64

    /// A sampler for a group of `available` examples that must contribute `quota` copies
    /// (negative values are read as 0; with no examples, every call returns 0).
    public init(available: Int, quota: Int, seed: UInt64) {
        let available = max(0, available)
        let quota = max(0, quota)
        base = available > 0 ? quota / available : 0
        remainingItems = available
        remainingPicks = available > 0 ? quota % available : 0
        state = seed
    }

    /// The copies of the next example of the group (in input order). Calls beyond `available`
    /// return 0.
    public mutating func copies() -> Int {
        guard remainingItems > 0 else { return 0 }
        var extra = 0
        if remainingPicks > 0 {
            // Select with probability remainingPicks / remainingItems.
            if remainingPicks >= remainingItems || bounded(UInt64(remainingItems)) < UInt64(remainingPicks) {
                extra = 1
                remainingPicks -= 1
            }
        }
        remainingItems -= 1
        return base + extra
    }

    /// The seed of one group: FNV-1a 64 of the persona's UTF-8 bytes, mixed with `base` and
    /// `mask` through the SplitMix64 finaliser. Stable across runs, platforms and builds.
    public static func seed(base: UInt64, persona: String, mask: UInt32) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in persona.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        h = mix(h ^ (UInt64(mask) &* 0x9e37_79b9_7f4a_7c15))
        return mix(h ^ base)
    }

    /// The SplitMix64 finaliser: a bijective scramble of 64 bits.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The next SplitMix64 output.
    private mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// A uniform value in 0..<n (n > 0): Lemire's multiply-shift with rejection, unbiased.
    private mutating func bounded(_ n: UInt64) -> UInt64 {
        var m = next().multipliedFullWidth(by: n)
        if m.low < n {
            let threshold = (0 &- n) % n
            while m.low < threshold {
                m = next().multipliedFullWidth(by: n)
            }
        }
        return m.high
    }
}
