/// One intent category a plugin declares (`intents.parenting`): the words that signal it.
public struct IntentSpec: Sendable, Equatable {
    /// The category (`parenting`).
    public var category: String
    /// Canonical terms; filters see these.
    public var terms: [String]
    /// Alias → the term it stands for (`mother` → `mom`).
    public var synonyms: [String: String]
    /// The confidence the category needs to count as detected (default
    /// `ContractDefaults.intentThreshold`).
    public var threshold: Double
    /// Whether `threshold` was left to its default.
    public var thresholdIsDefault: Bool
}
