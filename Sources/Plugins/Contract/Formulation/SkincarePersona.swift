/// A skincare persona as a formulation domain plugin declares it (seed 000's PersonaProfile),
/// read and checked when the plugin loads.
public struct SkincarePersona: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    public var skinType: String
    public var primaryConcerns: [String]
    /// 0–1: how strongly the skin reacts to actives.
    public var sensitivityLevel: Double
    /// `budget`, `mid-range` or `premium`.
    public var budgetPreference: String
    public var ingredientPreferences: [String]
    public var ingredientAversions: [String]
    public var efficacyTolerance: Double
    public var safetyPriority: Double
    public var naturalPreference: Double

    /// The budget preferences the host knows.
    public static let budgets = ["budget", "mid-range", "premium"]

    /// The persona's numeric traits, the first part of its profile vector.
    public var traits: [(name: String, value: Double)] {
        [("sensitivity_level", sensitivityLevel), ("efficacy_tolerance", efficacyTolerance),
         ("safety_priority", safetyPriority), ("natural_preference", naturalPreference),
         ("budget_level", ["budget": 0, "mid-range": 0.5, "premium": 1][budgetPreference] ?? 0.5)]
    }
}
