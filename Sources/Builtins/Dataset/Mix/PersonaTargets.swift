/// One persona's target share of the whole dataset, derived from its category's range and the
/// plugin's per-persona settings (see ``PersonaTargets/personaTargets(_:)`` for the rule).
public struct PersonaTarget: Sendable, Equatable {
    /// The persona's name.
    public var persona: String
    /// The name of the category it belongs to.
    public var category: String
    /// Its target share of the whole dataset (0–1).
    public var range: ClosedRange<Double>
    /// The largest share it may take, when the plugin caps it.
    public var cap: Double?
    /// How many times each of its examples may be used at most (≥ 1).
    public var upsample: Double
    /// Whether the range comes from the persona's own `share` rather than from its category.
    public var explicitShare: Bool

    /// A target as given (the derivation lives in ``PersonaTargets``).
    public init(persona: String, category: String, range: ClosedRange<Double>, cap: Double?, upsample: Double, explicitShare: Bool) {
        self.persona = persona
        self.category = category
        self.range = range
        self.cap = cap
        self.upsample = upsample
        self.explicitShare = explicitShare
    }

    /// The middle of the range: the share the mix aims at.
    public var midpoint: Double { (range.lowerBound + range.upperBound) / 2 }
}

/// Per-persona targets from ``DatasetTargets``, and the notes that say where the plugin's
/// targets cannot all hold at once.
///
/// The rule, per category with range lo…hi:
/// - a persona with its own `share` s gets the range s…s;
/// - the k other personas of the category split what is left equally: with S the sum of the
///   explicit shares in the category, each gets max(0, lo − S)/k … max(0, hi − S)/k;
/// - then a `cap` c clamps: upper = min(upper, c), lower = min(lower, c). A cap does not hand
///   its unused part to the other personas of the category.
///
/// Upsampling factors below 1 (or not finite) are read as 1.
public enum PersonaTargets {
    /// Every declared persona's target, in declaration order.
    public static func personaTargets(_ t: DatasetTargets) -> [PersonaTarget] {
        var result: [PersonaTarget] = []
        for category in t.categories {
            var explicitSum = 0.0
            var others = 0
            for persona in category.personas {
                if let share = t.setting(of: persona).share { explicitSum += max(0, share) } else { others += 1 }
            }
            let lo = others > 0 ? max(0, category.target.lowerBound - explicitSum) / Double(others) : 0
            let hi = others > 0 ? max(0, category.target.upperBound - explicitSum) / Double(others) : 0
            for persona in category.personas {
                let setting = t.setting(of: persona)
                var lower = lo
                var upper = hi
                if let share = setting.share {
                    lower = max(0, share)
                    upper = lower
                }
                if let cap = setting.cap {
                    let c = max(0, cap)
                    upper = min(upper, c)
                    lower = min(lower, c)
                }
                let factor = setting.upsample.isFinite ? max(1, setting.upsample) : 1
                result.append(PersonaTarget(persona: persona, category: category.name, range: lower...upper,
                                            cap: setting.cap, upsample: factor, explicitShare: setting.share != nil))
            }
        }
        return result
    }

    /// Sentences for every way the targets contradict themselves: category minimums above 100%,
    /// maximums below 100%, midpoints away from 100% (the mix scales them), explicit shares
    /// beyond their category's range, and caps that keep a category from its minimum.
    /// Empty when the targets are consistent.
    public static func consistencyNotes(_ t: DatasetTargets) -> [String] {
        guard !t.categories.isEmpty else { return [] }
        var notes: [String] = []
        let sumLo = t.categories.reduce(0) { $0 + $1.target.lowerBound }
        let sumHi = t.categories.reduce(0) { $0 + $1.target.upperBound }
        let sumMid = t.categories.reduce(0) { $0 + ($1.target.lowerBound + $1.target.upperBound) / 2 }
        if sumLo > 1 + 1e-9 {
            notes.append("the category minimums add up to \(MixFormat.target(sumLo)): not every category can reach its range at once")
        }
        if sumHi < 1 - 1e-9 {
            notes.append("the category maximums add up to \(MixFormat.target(sumHi)): the categories cannot fill the whole dataset within their ranges")
        }
        if abs(sumMid - 1) > 0.005 {
            notes.append("the category midpoints add up to \(MixFormat.target(sumMid)): the mix scales every target by the same factor to make 100%")
        }
        let targets = personaTargets(t)
        for category in t.categories {
            let lo = category.target.lowerBound, hi = category.target.upperBound
            let range = MixFormat.range(lo, hi)
            var explicitSum = 0.0
            var allExplicit = true
            for persona in category.personas {
                let setting = t.setting(of: persona)
                if let share = setting.share {
                    explicitSum += max(0, share)
                    if share > hi + 1e-9 {
                        notes.append("persona \(persona): its share \(MixFormat.target(share)) is above its category \(category.name)'s \(range) target")
                    }
                    if let cap = setting.cap, share > cap + 1e-9 {
                        notes.append("persona \(persona): its share \(MixFormat.target(share)) is above its \(MixFormat.target(cap)) cap")
                    }
                } else {
                    allExplicit = false
                }
            }
            if explicitSum > hi + 1e-9 && category.personas.count > 1 {
                notes.append("category \(category.name): its personas' own shares add up to \(MixFormat.target(explicitSum)), above its \(range) target")
            }
            if allExplicit && !category.personas.isEmpty && explicitSum < lo - 1e-9 {
                notes.append("category \(category.name): its personas' own shares add up to \(MixFormat.target(explicitSum)), below its \(range) target")
            }
            let members = targets.filter { $0.category == category.name }
            let reachable = members.reduce(0) { $0 + $1.range.upperBound }
            if !allExplicit && members.contains(where: { $0.cap != nil }) && reachable < lo - 1e-9 {
                notes.append("category \(category.name): its personas' caps allow at most \(MixFormat.target(reachable)), below its \(range) target")
            }
        }
        return notes
    }
}
