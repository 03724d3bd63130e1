import Builtins

/// The formulation domain's shapes: the catalogue, the skincare personas, the `multipliers`
/// rules with the request they are given and the tables they return.
extension ContractSchema {
    /// `{ min = a, max = b }` with numbers (`ph`, `use_level`, `actives`).
    public static let range = TableShape(
        name: "Range", doc: "A closed range { min = a, max = b } with a <= b.",
        fields: [.required("min", .number, "The lower end."), .required("max", .number, "The upper end.")])

    /// One entry of `ingredients`.
    public static let ingredient = TableShape(
        name: "Ingredient", doc: "One ingredient of the catalogue (docs/PLUGINS.md, \"ingredients\").",
        fields: [
            .required("id", .string, "Unique key; personas, incompatibilities and synergies use it."),
            .optional("name", .string, "Display name (default: the id)."),
            .optional("inci_name", .string, "INCI name; two ingredients with one INCI name are never used together."),
            .required("class", .string, "Functional class (cellular_turnover, hydration, …)."),
            .optional("concerns", .list(.string), "Concerns it addresses; their union is the request vocabulary."),
            .required("efficacy", .number, "Strength of effect, 0–10."),
            .required("safety", .number, "0–10; 10 = no known irritation at the use level."),
            .required("bioavailability", .number, "0–1."),
            .required("stability", .number, "0–1."),
            .required("ph", .shape(range), "The formula pH it works and keeps in, 0–14."),
            .required("use_level", .shape(range), "Use level in the finished product, %."),
            .required("cost_per_gram", .number, "USD per gram of the raw material, >= 0."),
            .required("natural", .boolean, "Natural origin."),
            .optional("incompatibilities", .list(.string), "Ids of ingredients it must never be used with."),
            .optional("synergies", .list(.string), "Ids of ingredients it works better with."),
            .optional("tags", .list(.string), "Words preferences, aversions and exclusions can name."),
        ])

    /// `id`, `name`, `description`: what every persona table may say about itself.
    static let personaIdentity: [SchemaField] = [
        .optional("id", .string, "Must equal the persona's key."),
        .optional("name", .string, "Display name (default: the id)."),
        .optional("description", .string, "One line."),
    ]

    /// A formulation persona: `personas.<id>` of a formulation domain.
    public static let skincarePersona = TableShape(
        name: "SkincarePersona",
        doc: "A persona of a formulation domain: its profile, and (with traits) how it learns (docs/PLUGINS.md, \"personas\").",
        fields: personaIdentity + [
            .required("skin_type", .string, "The persona's skin type."),
            .required("primary_concerns", .list(.string), "Concerns some ingredient addresses (non-empty)."),
            .required("sensitivity_level", .number, "0–1: how strongly the skin reacts to actives."),
            .required("budget_preference", .literals(SkincarePersona.budgets), "The persona's budget."),
            .optional("ingredient_preferences", .list(.string), "Ingredient ids or tags the persona prefers."),
            .optional("ingredient_aversions", .list(.string), "Ingredient ids or tags never used for the persona."),
            .required("efficacy_tolerance", .number, "0–1."),
            .required("safety_priority", .number, "0–1."),
            .required("natural_preference", .number, "0–1."),
        ] + learningFields(traitsRequired: false))

    /// The request `exclusion` and `limits` are given.
    public static let formulationRequest = TableShape(
        name: "FormulationRequest", doc: "What the user asked run formulate for.",
        fields: [
            .required("concerns", .list(.string), "--concerns."),
            .required("skin_type", .string, "--skin-type, else the persona's."),
            .optional("budget", .number, "--budget (nil when not given; a given budget wins over limits().budget)."),
            .required("exclude", .list(.string), "--exclude."),
        ])

    /// What `multipliers.weights(persona)` returns.
    public static let weights = TableShape(
        name: "Weights", doc: "Scoring weights, each 0–10.",
        fields: ["efficacy", "safety", "cost_efficiency", "bioavailability", "stability"].map { .required($0, .number, "0–10.") }
            + [.optional("natural", .number, "0–10 (default 0).")])

    /// What `multipliers.limits(persona, request)` returns.
    public static let limits = TableShape(
        name: "Limits", doc: "The hard limits of a formula for a persona and request.",
        fields: [
            .required("actives", .shape(range), "Total level of actives, %."),
            .required("budget", .number, "USD per kg of product."),
            .required("max_irritation", .number, "The most irritation the formula may carry."),
            .required("max_ingredients", .integer, "1–20."),
            .optional("fired", .list(.string), "The rules that set these limits, for the report."),
        ])

    static let reasons = SchemaField.optional("reasons", .list(.string), "Why, for the report (at most \(ContractDefaults.Limits.listItems)).")
    static let personaParameter = SchemaField.required("persona", .shape(skincarePersona), "The persona's own table.")
    static let ingredientParameter = SchemaField.required("ingredient", .shape(ingredient), "The ingredient's own table.")
    static let requestParameter = SchemaField.required("request", .shape(formulationRequest), "The user's request.")

    /// `multipliers`.
    public static let multipliers = TableShape(
        name: "Multipliers", doc: "The rules the host calls with a persona (docs/PLUGINS.md, \"multipliers\").",
        fields: [
            .required("weights", .function(FunctionShape(
                name: "WeightsRule", signature: "multipliers.weights(persona)", doc: "The persona's scoring weights.",
                parameters: [personaParameter], results: [.required("weights", .shape(weights), "Each 0–10.")])), "weights(persona)."),
            .required("preference", .function(FunctionShape(
                name: "PreferenceRule", signature: "multipliers.preference(persona, ingredient)", doc: "How much the persona prefers an ingredient.",
                parameters: [personaParameter, ingredientParameter],
                results: [.required("multiplier", .number, "A multiplier >= 0."), reasons])), "preference(persona, ingredient)."),
            .required("confidence", .function(FunctionShape(
                name: "ConfidenceRule", signature: "multipliers.confidence(persona, ingredient)",
                doc: "An adjustment added to base_confidence for an ingredient.",
                parameters: [personaParameter, ingredientParameter],
                results: [.required("adjustment", .number, "Added to base_confidence."), reasons])), "confidence(persona, ingredient)."),
            .required("budget", .function(FunctionShape(
                name: "BudgetRule", signature: "multipliers.budget(persona)", doc: "The persona's budget multiplier.",
                parameters: [personaParameter], results: [.required("multiplier", .number, "A positive number.")])), "budget(persona)."),
            .required("limits", .function(FunctionShape(
                name: "LimitsRule", signature: "multipliers.limits(persona, request)", doc: "The hard limits of the formula.",
                parameters: [personaParameter, requestParameter], results: [.required("limits", .shape(limits), "The limits.")])),
                      "limits(persona, request)."),
            .optional("exclusion", .function(FunctionShape(
                name: "ExclusionRule", signature: "multipliers.exclusion(persona, request, ingredient)",
                doc: "Why an ingredient may never be used for this request, or nil.",
                parameters: [personaParameter, requestParameter, ingredientParameter],
                results: [.optional("reason", .string, "nil, or the reason (at most \(ContractDefaults.Limits.text) characters).")])),
                      "exclusion(persona, request, ingredient) (optional)."),
            .optional("base_confidence", .number, "0–1 (default \(ContractDefaults.baseConfidence.formatted2))."),
        ])
}
