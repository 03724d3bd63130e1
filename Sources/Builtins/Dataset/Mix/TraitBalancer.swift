/// Splits one persona's planned examples over its trait-mask groups so that each secondary
/// trait's share comes as close to its target as the examples allow.
///
/// Weights come from iterative proportional fitting (raking): start with wᵍ = aᵍ (the group's
/// examples); for up to 50 rounds, or until every movable trait is within 1e-9 of its target,
/// for each trait t (in name order) with target rₜ and current weighted share sₜ, multiply the
/// groups carrying t by rₜ/sₜ and the others by (1 − rₜ)/(1 − sₜ); a trait with sₜ = 0 or 1 cannot
/// move and is skipped. Quotas are then planned × wᵍ/Σw, clamped to each group's capacity with
/// what does not fit handed to the groups with room in proportion to their weights (then to
/// their examples, when only zero-weight groups have room), rounded by largest remainder.
///
/// A group's capacity is its examples when the persona needs no more than it has; otherwise
/// (the persona is upsampled) aᵍ × upsample rounded by largest remainder so that the
/// capacities add up to ⌊a × upsample⌋ — repeats only when the persona as a whole needs them.
public enum TraitBalancer {
    /// The raked weights of `counts` (one per group, masks in `masks`) for the trait `targets`
    /// (bit i of a mask = `targets[i]`).
    public static func rake(masks: [UInt32], counts: [Int], targets: [Double], rounds: Int = 50) -> [Double] {
        var w = counts.map { Double(max(0, $0)) }
        let traits = min(targets.count, 32)
        guard traits > 0, !w.isEmpty else { return w }
        for _ in 0..<max(0, rounds) {
            var worst = 0.0
            for t in 0..<traits {
                let bit = UInt32(1) << UInt32(t)
                var total = 0.0, with = 0.0
                for g in w.indices {
                    total += w[g]
                    if masks[g] & bit != 0 { with += w[g] }
                }
                guard total > 0 else { return w }
                let s = with / total
                if s <= 1e-12 || s >= 1 - 1e-12 { continue }
                let r = min(1, max(0, targets[t].isFinite ? targets[t] : 0))
                worst = max(worst, abs(s - r))
                let up = r / s, down = (1 - r) / (1 - s)
                for g in w.indices { w[g] *= masks[g] & bit != 0 ? up : down }
            }
            if worst < 1e-9 { break }
        }
        return w
    }

    /// The quotas of `planned` examples over `groups` (trait mask → examples) for `traits`
    /// (name order), with `upsample` the persona's factor. Adds up to exactly
    /// min(planned, the capacities' sum), which is `planned` whenever planned ≤ ⌊a × upsample⌋.
    public static func quotas(planned: Int, groups: [UInt32: Int], traits: [DatasetTargets.TraitTarget],
                              upsample: Double) -> [UInt32: Int] {
        let masks = groups.keys.filter { (groups[$0] ?? 0) > 0 }.sorted()
        guard planned > 0, !masks.isEmpty else { return [:] }
        let counts = masks.map { groups[$0] ?? 0 }
        let capacity = capacities(planned: planned, counts: counts, upsample: upsample)
        let weights = rake(masks: masks, counts: counts, targets: traits.map(\.share))
        let q = Apportion.fill(total: planned, weights: weights, limits: capacity, fallback: counts.map(Double.init))
        var result: [UInt32: Int] = [:]
        for (i, mask) in masks.enumerated() where q[i] > 0 { result[mask] = q[i] }
        return result
    }

    /// Each group's capacity (see the type's comment): its examples when `planned` ≤ their sum,
    /// otherwise its share of ⌊a × upsample⌋ by largest remainder.
    static func capacities(planned: Int, counts: [Int], upsample: Double) -> [Int] {
        let available = counts.reduce(0, +)
        guard planned > available else { return counts }
        let factor = upsample.isFinite ? max(1, upsample) : 1
        let upsampled = counts.map { Double($0) * factor }
        let limit = MixCount.floor(Double(available) * factor)
        return Apportion.largestRemainder(upsampled, total: limit, limits: [Int](repeating: Int.max, count: counts.count))
    }
}
