/// Plans a balanced mix: how many examples of every persona, and of every trait-mask group
/// within it, to write for a dataset of a given size.
///
/// Personas: with aₚ a persona's available examples, its limit is
/// uₚ = min(⌊cap × size⌋ when capped, ⌊aₚ × upsample⌋), and its ``PersonaTarget`` range is
/// [loₚ, hiₚ]. The size is shared out in stages so that as many ranges as the data allows are
/// met (``Apportion/fillByRanges``): every persona up to loₚ (scaled down together when the
/// minimums add up to more than 100%), then towards hiₚ in proportion to the range's width,
/// then past it in proportion to the midpoints, then in proportion to the examples; never
/// above uₚ. Whole numbers by largest remainder (ties to declaration order):
/// Σ nₚ = min(size, Σ uₚ) exactly.
/// Within each persona, ``TraitBalancer`` splits nₚ over its trait-mask groups.
///
/// Personas the plugin does not declare are left out and listed in ``MixPlan/excluded``.
public enum MixPlanner {
    /// The plan for `size` examples from `available` (persona → trait mask → examples), with
    /// `unknown` the examples tagged with undeclared personas (listed, never mixed).
    public static func plan(size: Int, targets: DatasetTargets, available: [String: [UInt32: Int]],
                            unknown: [String: Int] = [:]) -> MixPlan {
        let size = max(0, size)
        let personaTargets = PersonaTargets.personaTargets(targets)
        let groups = personaTargets.map { target in (available[target.persona] ?? [:]).filter { $0.value > 0 } }
        let have = groups.map { $0.values.reduce(0, +) }
        let upsampled = personaTargets.indices.map { MixCount.floor(Double(have[$0]) * personaTargets[$0].upsample) }
        let capped = personaTargets.map { target in target.cap.map { MixCount.floor(max(0, $0) * Double(size)) } }
        let limits = personaTargets.indices.map { min(capped[$0] ?? Int.max, upsampled[$0]) }
        let weights = personaTargets.indices.map { have[$0] > 0 ? personaTargets[$0].midpoint : 0 }
        let lowers = personaTargets.indices.map { have[$0] > 0 ? personaTargets[$0].range.lowerBound : 0 }
        let uppers = personaTargets.indices.map { have[$0] > 0 ? personaTargets[$0].range.upperBound : 0 }
        let counts = Apportion.fillByRanges(total: size, lower: lowers, upper: uppers, weights: weights, limits: limits,
                                            fallback: have.map(Double.init))
        let total = counts.reduce(0, +)

        func share(_ n: Int, of whole: Int) -> Double { whole > 0 ? Double(n) / Double(whole) : 0 }
        func judge(_ n: Int, _ lo: Double, _ hi: Double) -> MixPlan.Status {
            if n < MixCount.ceil(lo * Double(total)) { return .under }
            if n > MixCount.floor(hi * Double(total)) { return .over }
            return .within
        }

        var quotas: [String: [UInt32: Int]] = [:]
        var personas: [MixPlan.PersonaOutcome] = []
        var traits: [String: [MixPlan.TraitOutcome]] = [:]
        var traitNotes: [MixPlan.Shortfall] = []
        for (i, target) in personaTargets.enumerated() {
            let q = TraitBalancer.quotas(planned: counts[i], groups: groups[i], traits: targets.traits, upsample: target.upsample)
            quotas[target.persona] = q
            personas.append(MixPlan.PersonaOutcome(
                persona: target.persona, category: target.category, available: have[i], limit: limits[i],
                planned: counts[i], repeats: max(0, counts[i] - have[i]), share: share(counts[i], of: total),
                targetMin: target.range.lowerBound, targetMax: target.range.upperBound,
                status: judge(counts[i], target.range.lowerBound, target.range.upperBound)))
            let outcome = traitOutcomes(persona: target.persona, planned: counts[i], groups: groups[i], quotas: q,
                                        traits: targets.traits, upsample: target.upsample)
            traits[target.persona] = outcome.traits
            traitNotes += outcome.shortfalls
        }

        let categories = targets.categories.map { category in
            let members = personas.filter { $0.category == category.name }
            let planned = members.reduce(0) { $0 + $1.planned }
            return MixPlan.CategoryOutcome(
                name: category.name, available: members.reduce(0) { $0 + $1.available }, planned: planned,
                share: share(planned, of: total), targetMin: category.target.lowerBound,
                targetMax: category.target.upperBound,
                status: judge(planned, category.target.lowerBound, category.target.upperBound))
        }

        let context = ShortfallContext(targets: personaTargets, personas: personas, lowers: lowers, uppers: uppers,
                                       upsampled: upsampled, capped: capped)
        var unmet: [MixPlan.Shortfall] = []
        if total < size {
            unmet.append(MixPlan.Shortfall(kind: "size", subject: "size", message:
                "size: \(MixFormat.count(total)) of \(MixFormat.count(size)) examples: caps and available examples (with upsampling) allow no more"))
        }
        unmet += categories.compactMap { context.shortfall(category: $0) }
        unmet += personas.indices.compactMap { context.shortfall(persona: $0) }
        unmet += traitNotes

        let declared = Set(personaTargets.map(\.persona))
        var excludedCounts: [String: Int] = [:]
        for (name, count) in unknown where !declared.contains(name) { excludedCounts[name, default: 0] += max(0, count) }
        for (name, masks) in available where !declared.contains(name) {
            excludedCounts[name, default: 0] += masks.values.reduce(0) { $0 + max(0, $1) }
        }
        let excluded = excludedCounts.keys.sorted().map { MixPlan.Excluded(persona: $0, count: excludedCounts[$0] ?? 0) }

        return MixPlan(requested: size, planned: total, quotas: quotas, personas: personas, categories: categories,
                       traits: traits, unmet: unmet, excluded: excluded, notes: PersonaTargets.consistencyNotes(targets))
    }

    /// One persona's trait outcomes (name order) and the traits it misses by more than one
    /// percentage point (or one example's worth of share, when it has under 100 examples).
    static func traitOutcomes(persona: String, planned: Int, groups: [UInt32: Int], quotas: [UInt32: Int],
                              traits: [DatasetTargets.TraitTarget], upsample: Double)
        -> (traits: [MixPlan.TraitOutcome], shortfalls: [MixPlan.Shortfall]) {
        let masks = groups.keys.sorted()
        let counts = masks.map { groups[$0] ?? 0 }
        let capacity = TraitBalancer.capacities(planned: planned, counts: counts, upsample: upsample)
        let have = counts.reduce(0, +)
        var outcomes: [MixPlan.TraitOutcome] = []
        var shortfalls: [MixPlan.Shortfall] = []
        for (t, trait) in traits.enumerated() where t < 32 {
            let bit = UInt32(1) << UInt32(t)
            var withTrait = 0, plannedWith = 0
            var fullWith = true, fullWithout = true
            for (g, mask) in masks.enumerated() {
                let q = quotas[mask] ?? 0
                if mask & bit != 0 {
                    withTrait += counts[g]
                    plannedWith += q
                    if q < capacity[g] { fullWith = false }
                } else if q < capacity[g] {
                    fullWithout = false
                }
            }
            let achieved = planned > 0 ? Double(plannedWith) / Double(planned) : 0
            outcomes.append(MixPlan.TraitOutcome(trait: trait.name, available: withTrait, planned: plannedWith,
                                                 share: achieved, target: trait.share))
            guard planned > 0, abs(achieved - trait.share) > max(0.01, 1 / Double(planned)) else { continue }
            let reason: String
            if achieved < trait.share {
                if withTrait == 0 {
                    reason = "none of its examples are \(trait.name)"
                } else if fullWith {
                    reason = "only \(MixFormat.count(withTrait)) of its examples are \(trait.name)"
                } else {
                    reason = "its examples combine traits so that not every trait target can be met at once"
                }
            } else {
                if have - withTrait == 0 {
                    reason = "all of its examples are \(trait.name)"
                } else if fullWithout {
                    reason = "only \(MixFormat.count(have - withTrait)) of its examples are not \(trait.name)"
                } else {
                    reason = "its examples combine traits so that not every trait target can be met at once"
                }
            }
            shortfalls.append(MixPlan.Shortfall(kind: "trait", subject: "\(trait.name) in \(persona)", message:
                "trait \(trait.name) in \(persona): \(MixFormat.share(achieved)), target \(MixFormat.target(trait.share)): \(reason)"))
        }
        return (outcomes, shortfalls)
    }
}
