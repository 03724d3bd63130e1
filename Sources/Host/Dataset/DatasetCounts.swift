import Builtins

/// What a pass over a dataset counted: examples per persona, traits per persona, who claimed
/// them, and the malformed lines. Parts count on their own and merge in order.
public struct DatasetCounts: Sendable, Equatable {
    public var examples = 0
    /// Examples per persona.
    public var personas: [String: Int] = [:]
    /// Examples carrying each trait, per persona.
    public var traits: [String: [String: Int]] = [:]
    /// Examples per claim (`source:NAME`, `rule N`, `fallback`, `function`, `already tagged`).
    public var claims: [TagDecision.Claim: Int] = [:]
    /// Examples per persona and trait mask (bit i = the i-th trait target), when counted for a mix.
    public var masks: [String: [UInt32: Int]] = [:]
    /// Whitespace-only lines skipped.
    public var blank = 0
    /// Malformed lines skipped (within --max-errors).
    public var skipped = 0

    public init() {}

    /// Counts one tagged example.
    public mutating func add(_ decision: TagDecision) {
        examples += 1
        personas[decision.persona, default: 0] += 1
        claims[decision.claim, default: 0] += 1
        if !decision.traits.isEmpty {
            var perPersona = traits[decision.persona] ?? [:]
            for trait in decision.traits { perPersona[trait, default: 0] += 1 }
            traits[decision.persona] = perPersona
        }
    }

    /// Counts one tagged example with its trait mask.
    public mutating func add(_ decision: TagDecision, mask: UInt32) {
        add(decision)
        masks[decision.persona, default: [:]][mask, default: 0] += 1
    }

    /// Adds `other`'s counts.
    public mutating func merge(_ other: DatasetCounts) {
        examples += other.examples
        blank += other.blank
        skipped += other.skipped
        for (k, v) in other.personas { personas[k, default: 0] += v }
        for (k, v) in other.claims { claims[k, default: 0] += v }
        for (persona, counts) in other.masks {
            var mine = masks[persona] ?? [:]
            for (mask, n) in counts { mine[mask, default: 0] += n }
            masks[persona] = mine
        }
        for (persona, counts) in other.traits {
            var mine = traits[persona] ?? [:]
            for (trait, n) in counts { mine[trait, default: 0] += n }
            traits[persona] = mine
        }
    }

    /// Examples carrying each trait, over all personas.
    public var traitTotals: [String: Int] {
        var out: [String: Int] = [:]
        for counts in traits.values { for (trait, n) in counts { out[trait, default: 0] += n } }
        return out
    }
}
