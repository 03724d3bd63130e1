import Builtins

/// Every default of the plugin contract, in one place (docs/PLUGINS.md lists the same values).
/// Specs fill these in at load, so no pipeline carries a default of its own.
public enum ContractDefaults {
    /// `priority`: load order, lower first.
    public static let priority: Int64 = 100
    /// `intents.<category>.threshold`: the confidence a category needs to count as detected.
    public static let intentThreshold = 0.5
    /// `clustering.weights`: without a weights table, every feature weighs this much.
    public static let featureWeight = 1.0
    /// `clustering.algorithm`.
    public static let algorithm = ClusteringAlgorithm.kmeans
    /// `clustering.k`.
    public static let kRange = 2...6
    /// `clustering.min_share`: no merging of small clusters.
    public static let minShare = 0.0
    /// `multipliers.base_confidence`.
    public static let baseConfidence = 0.7
    /// `personas.<id>.traits.<trait>.min` and `.max`.
    public static let traitRange = 0.0...1.0
    /// `personas.<id>.learning`: see `LearningSettings.standard`.
    public static let learning = LearningSettings.standard
    /// A feedback signal's `confidence` and `weight`.
    public static let signalConfidence = 1.0
    public static let signalWeight = 1.0

    /// Limits on what hooks return (strings are counted in characters).
    public enum Limits {
        /// A persona name.
        public static let personaName = 120
        /// Any other string a hook returns (a trait value, a reason, a condition's text value).
        public static let text = 1_000
        /// The JSON text of one persona's `traits`.
        public static let traitsBytes = 16_384
        /// Conditions one `filters` call may return.
        public static let conditions = 100
        /// Values in one `in` condition.
        public static let inValues = 1_000
        /// Reasons one rule call may give, and signals one feedback mapping may return.
        public static let listItems = 1_000
    }
}
