/// What the rules decided for one example: its persona, its traits (in name order) and which
/// rule claimed it, so reports can count how many examples each rule and the fallback took.
public struct TagDecision: Sendable, Equatable {
    /// Who claimed the example.
    public enum Claim: Sendable, Equatable, Hashable {
        /// `sources[i]` (0-based).
        case source(Int)
        /// `rules[i]` (0-based).
        case rule(Int)
        /// Nothing claimed it: the plugin's fallback persona.
        case fallback
        /// The plugin's `tagging` function.
        case function
        /// The example was already tagged (`_persona` in the input) and kept so.
        case existing
    }

    public var persona: String
    public var traits: [String]
    public var claim: Claim

    public init(persona: String, traits: [String], claim: Claim) {
        self.persona = persona
        self.traits = traits
        self.claim = claim
    }
}
