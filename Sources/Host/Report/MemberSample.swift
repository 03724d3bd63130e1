/// The members a run report places on its scatter: at most `limit`, spread evenly over the
/// run's members in user-id order, starting at an offset drawn from the run's seed, so the same
/// run always shows the same users and every part of the id range is represented.
enum MemberSample {
    /// Positions into `count` ascending members (all of them when `count` ≤ `limit`).
    static func positions(count: Int, limit: Int, seed: UInt64) -> [Int] {
        guard count > limit, limit > 0 else { return Array(0..<max(count, 0)) }
        let step = Double(count) / Double(limit)
        // SplitMix64 of the seed: a fixed offset within the first step.
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let offset = Double(z >> 11) / Double(1 << 53) * step
        return (0..<limit).map { min(count - 1, Int(offset + Double($0) * step)) }
    }
}
