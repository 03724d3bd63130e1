import Builtins
import Plugins
import LuaBridge
import Plugins

/// Everything one `run formulate` decided and why: what `--json` prints and the text report reads.
public struct FormulationRun: Sendable, Codable {
    /// What was asked.
    public struct Request: Sendable, Codable, Hashable {
        public var persona: String
        public var concerns: [String]
        /// The skin type used (the request's, else the persona's).
        public var skinType: String
        /// The budget the user gave, if any (USD per kg of product).
        public var budget: Double?
        /// Ids or tags the user excluded.
        public var exclude: [String]

        public init(persona: String, concerns: [String], skinType: String? = nil, budget: Double? = nil, exclude: [String] = []) {
            self.persona = persona
            self.concerns = concerns
            self.skinType = skinType ?? ""
            self.budget = budget
            self.exclude = exclude
        }
    }

    /// One chosen ingredient.
    public struct Choice: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var inciName: String
        public var functionalClass: String
        /// Use level, percent of the product.
        public var level: Double
        public var useRange: [Double]
        /// Why the level is where it is.
        public var levelNote: String
        public var costPerKg: Double
        public var score: Double
        public var quality: Double
        public var preference: Double
        public var confidence: Double
        /// Target concerns it addresses.
        public var addresses: [String]
        /// Other chosen ingredients it is synergistic with.
        public var synergiesWith: [String]
        /// The rules that fired for it.
        public var why: [String]
    }

    /// One excluded ingredient that would have addressed a target concern.
    public struct Exclusion: Sendable, Codable, Hashable {
        public var id: String
        public var reason: String

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// A binding constraint and what lifting it would gain.
    public struct Binding: Sendable, Codable, Hashable {
        public var constraint: String
        public var wouldCover: [String]
        public var detail: String
    }

    /// How the search went.
    public struct Search: Sendable, Codable, Hashable {
        public var candidates: Int
        public var nodes: Int
        public var provenOptimal: Bool
        /// Proven optimal to within this much objective.
        public var tolerance: Double
        /// When stopped at the node limit: how much better a formula could still be.
        public var gap: Double
        public var objective: Double?
        public var objectiveSettings: FormulationObjective
    }

    /// `complete` (every concern covered), `partial` or `infeasible` (no formula meets the constraints).
    public var status: String
    public var persona: SkincarePersona
    public var request: Request
    public var weights: IngredientScoring.Weights
    public var budgetMultiplier: Double
    public var baseConfidence: Double
    public var constraints: FormulationConstraints
    public var rulesFired: [String]
    public var ingredients: [Choice]
    public var totals: FormulationMetrics
    public var covered: [String]
    public var notCovered: [String]
    public var binding: [Binding]
    /// Target concerns no ingredient of the catalogue addresses.
    public var unaddressable: [String]
    public var excluded: [Exclusion]
    public var search: Search
    /// The persona's learned version whose multipliers applied, if any.
    public var learnedVersion: String?
    /// The interaction this formula was logged as (`run formulate --log`).
    public var interactionID: Int64?
    /// Plugins left out under `--skip-broken`.
    public var skippedPlugins: [SkippedPlugin] = []
}
