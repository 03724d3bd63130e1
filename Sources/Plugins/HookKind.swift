import LuaBridge
import Builtins
/// The kinds of rule a plugin can provide, one per manifest field.
///
/// The set is fixed by the host API version, so a plugin written for API 1 keeps meaning the
/// same thing; listings name hooks by kind; pipelines read the typed `PluginContract`.
public enum HookKind: String, CaseIterable, Sendable, Codable {
    /// Intent taxonomy: category → terms, synonyms and threshold (goal pipeline, stage 1).
    case intents
    /// The intents that select this plugin as the goal's domain.
    case selectedBy = "selected_by"
    /// Whether this plugin is the domain used when no other is selected.
    case defaultDomain = "default_domain"
    /// The users-table columns the plugin's formulas read.
    case columns
    /// Columns the plugin can do without: column → the value that stands in for it.
    case optionalColumns = "optional_columns"
    /// `filters(goal)`: structured conditions on the users table (stage 2).
    case filters
    /// Named feature formulas, each a function of one user row (stage 3).
    case features
    /// Clustering settings: feature weights, algorithm, k range, smallest share (stage 4).
    case clustering
    /// `persona(cluster)`: a name and traits for one cluster (stage 5).
    case persona
    /// An ingredient catalogue (formulation).
    case ingredients
    /// Declared personas with their profile fields (formulation, feedback).
    case personas
    /// Ingredient preference multipliers for a persona (formulation).
    case multipliers
    /// Feedback type → function that maps one feedback to trait signals.
    case feedback
    /// Tagging rules for training records (seed 003).
    case tagging
    /// Photo-set rules for face personas: scores, rejection, the training gate, the training
    /// configuration and the validation gate.
    case photos

    /// The manifest field that declares this hook.
    public var field: String { rawValue }

    /// What the host expects in that field, as a person reads it in an error.
    public var expectation: String {
        switch self {
        case .intents: "a table of category = { terms = {...}, synonyms = {...}, threshold = number }"
        case .selectedBy, .columns: "a list of strings"
        case .optionalColumns: "a table of column = stand-in value"
        case .defaultDomain: "a boolean"
        case .filters, .persona: "a function"
        case .features: "a table of name = function(user)"
        case .clustering: "a table { weights = {...}, algorithm = 'kmeans'|'ward'|'gmm', k = { min =, max = } }"
        case .ingredients: "a list of ingredient tables"
        case .personas: "a table of id = persona table"
        case .multipliers: "a function or a table"
        case .feedback: "a table of feedback_type = function(feedback)"
        case .tagging: "a table or a function"
        case .photos: "a table { scores = {...}, weights = {...}, gate = function, training = function, validation = function }"
        }
    }
}
