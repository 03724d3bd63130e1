/// The sentences a ``MixPlan`` gives for a category or persona outside its target range: what
/// it got, the range, and why — its own examples (with upsampling) or cap ran out, the others
/// ran out, or the targets' minimums add up to more than 100% (or their maximums to less) so
/// every share was scaled.
struct ShortfallContext {
    let targets: [PersonaTarget]
    let personas: [MixPlan.PersonaOutcome]
    /// The bottoms and tops of the ranges of personas with examples (0 for the others).
    let lowers: [Double]
    let uppers: [Double]
    /// ⌊available × upsample⌋ per persona.
    let upsampled: [Int]
    /// ⌊cap × size⌋ per capped persona.
    let capped: [Int?]

    /// Whether persona `i` got all it could (its limit, or nothing for lack of examples).
    func full(_ i: Int) -> Bool { personas[i].planned >= personas[i].limit }

    /// Whether persona `i` is held by its cap rather than by its examples.
    func capBinds(_ i: Int) -> Bool {
        guard let cap = capped[i] else { return false }
        return cap < upsampled[i]
    }

    /// Whether a persona outside `members` that the targets want stopped at its limit.
    func othersRanOut(excluding members: (Int) -> Bool) -> Bool {
        personas.indices.contains { !members($0) && targets[$0].midpoint > 0 && full($0) }
    }

    /// Why a share is off without its own examples running out.
    func scaling(under: Bool) -> String {
        let lowest = lowers.reduce(0, +), highest = uppers.reduce(0, +)
        if under && lowest > 1 + 1e-9 {
            return "the minimums of the personas with examples add up to \(MixFormat.target(lowest)), so every minimum is scaled down to fit"
        }
        if !under && highest < 1 - 1e-9 {
            return "the maximums of the personas with examples add up to only \(MixFormat.target(highest)), so the rest goes past them"
        }
        return "rounding to whole examples"
    }

    /// The shortfall of a category outside its range, nil when it is within.
    func shortfall(category: MixPlan.CategoryOutcome) -> MixPlan.Shortfall? {
        guard category.status != .within else { return nil }
        let members = personas.indices.filter { personas[$0].category == category.name }
        let head = "category \(category.name): \(MixFormat.share(category.share)) of the mix, "
        let range = MixFormat.range(category.targetMin, category.targetMax)
        let reason: String
        if category.status == .under {
            let have = members.reduce(0) { $0 + personas[$1].available }
            let withUpsampling = members.reduce(0) { $0 + self.upsampled[$1] }
            if have == 0 {
                reason = "no examples are tagged with its personas"
            } else if members.allSatisfy(full) {
                if members.contains(where: capBinds) {
                    reason = "its personas' caps and examples allow no more"
                } else {
                    reason = "its personas have only \(MixFormat.count(have)) examples"
                        + (withUpsampling > have ? ", \(MixFormat.count(withUpsampling)) with upsampling" : "")
                }
            } else {
                let ranOut = members.filter { full($0) }.map { personas[$0].persona }
                if ranOut.isEmpty {
                    reason = scaling(under: true)
                } else {
                    let scaled = scaling(under: true)
                    reason = "\(ranOut.joined(separator: ", ")) ran out of examples"
                        + (scaled == "rounding to whole examples" ? "" : ", and " + scaled)
                }
            }
            return MixPlan.Shortfall(kind: "category", subject: category.name, message: head + "below its \(range) target: " + reason)
        }
        reason = othersRanOut(excluding: { personas[$0].category == category.name })
            ? "the other categories ran out of examples" : scaling(under: false)
        return MixPlan.Shortfall(kind: "category", subject: category.name, message: head + "above its \(range) target: " + reason)
    }

    /// The shortfall of persona `i` outside its range, nil when it is within.
    func shortfall(persona i: Int) -> MixPlan.Shortfall? {
        let p = personas[i]
        guard p.status != .within else { return nil }
        let head = "persona \(p.persona): \(MixFormat.share(p.share)) of the mix, "
        let range = MixFormat.range(p.targetMin, p.targetMax)
        let reason: String
        if p.status == .under {
            if p.available == 0 {
                reason = "no examples are tagged with it"
            } else if full(i) {
                if capBinds(i), let cap = targets[i].cap {
                    reason = "its \(MixFormat.target(cap)) cap"
                } else if upsampled[i] > p.available {
                    reason = "only \(MixFormat.count(p.available)) examples, \(MixFormat.count(upsampled[i])) with \(MixFormat.factor(targets[i].upsample))× upsampling"
                } else {
                    reason = "only \(MixFormat.count(p.available)) examples"
                }
            } else {
                reason = scaling(under: true)
            }
            return MixPlan.Shortfall(kind: "persona", subject: p.persona, message: head + "below its \(range) target: " + reason)
        }
        reason = othersRanOut(excluding: { $0 == i }) ? "the other personas ran out of examples" : scaling(under: false)
        return MixPlan.Shortfall(kind: "persona", subject: p.persona, message: head + "above its \(range) target: " + reason)
    }
}
