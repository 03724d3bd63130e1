import Builtins

/// The goal hooks' shapes: intents, the goal `filters` sees and the conditions it returns,
/// feature formulas, clustering, and the cluster `persona` names.
extension ContractSchema {
    /// `intents.<category>`.
    public static let intent = TableShape(
        name: "Intent", doc: "One intent category: the words that signal it.",
        fields: [
            .required("terms", .list(.string), "Terms that signal the category (non-empty; several words allowed, e.g. \"gen z\")."),
            .optional("synonyms", .map(.string), "Alias → a term of this category."),
            .optional("threshold", .number, "Confidence in (0, 1] at which the category counts as detected (default \(ContractDefaults.intentThreshold.formatted2))."),
        ])

    /// The goal `filters(goal)` is given.
    public static let goal = TableShape(
        name: "Goal", doc: "The understood goal, as filters(goal) sees it.",
        fields: [
            .required("text", .string, "The goal as typed."),
            .required("intents", .map(.number), "Detected category → confidence."),
            .required("matched", .map(.boolean), "Canonical term → true, for every term the goal matched."),
        ])

    /// One condition `filters` returns: `{ field, op, value }` or named fields.
    public static let condition = TableShape(
        name: "Condition",
        doc: "A condition on the users table: { field, op, value } or { field = , op = , value = }, with the goal terms it applies.",
        fields: [
            .optional("field", .string, "A users-table column."),
            .optional("op", .literals(FilterCondition.Operator.allCases.map(\.rawValue)), "The comparison."),
            .optional("value", .any, "A number, string or boolean; { low, high } for between; a list for in."),
            .optional("term", .string, "The goal term this condition applies."),
            .optional("terms", .list(.string), "The goal terms this condition applies."),
        ],
        positional: [
            .optional("field", .string, "A users-table column."),
            .optional("op", .literals(FilterCondition.Operator.allCases.map(\.rawValue)), "The comparison."),
            .optional("value", .any, "A number, string or boolean; { low, high } for between; a list for in."),
        ])

    /// `filters(goal)`.
    public static let filtersHook = FunctionShape(
        name: "FiltersHook", signature: "filters(goal)",
        doc: "Which users the goal is about: conditions AND-ed with other plugins', and why some matched terms got none.",
        parameters: [.required("goal", .shape(goal), "The understood goal.")],
        results: [
            .required("conditions", .list(.shape(condition)), "At most \(ContractDefaults.Limits.conditions) conditions."),
            .optional("reasons", .map(.string), "Matched term → why it has no condition."),
        ])

    /// One `features` formula.
    public static let featureFormula = FunctionShape(
        name: "FeatureFormula", signature: "features.<name>(u)",
        doc: "One number per user: a pure function of one users-table row.",
        parameters: [.required("u", .row, "One user: the domain's columns (numbers as floats, text as strings, NULL as nil).")],
        results: [.required("value", .number, "A finite number.")])

    /// `clustering.k`.
    public static let kRange = TableShape(
        name: "KRange", doc: "The range k is chosen in: 2 <= min <= max <= 50.",
        fields: [.required("min", .integer, "Fewest clusters."), .required("max", .integer, "Most clusters.")])

    /// `clustering`.
    public static let clustering = TableShape(
        name: "Clustering", doc: "How to group the users (docs/PLUGINS.md, \"clustering\").",
        fields: [
            .optional("weights", .map(.number), "Feature → weight >= 0 (default: every feature 1)."),
            .optional("algorithm", .literals(ClusteringAlgorithm.allCases.map(\.rawValue)),
                      "The clustering algorithm (default \(ContractDefaults.algorithm.rawValue))."),
            .optional("k", .shape(kRange), "The range k is chosen in by silhouette (default \(ContractDefaults.kRange.lowerBound)–\(ContractDefaults.kRange.upperBound))."),
            .optional("min_share", .number, "Clusters smaller than this share merge into their nearest neighbour, in [0, 0.5) (default 0)."),
            .optional("profile", .list(.string), "Columns summarised per persona (default: the domain's columns)."),
        ])

    /// One entry of `cluster.distinguishing`.
    public static let distinguishing = TableShape(
        name: "Distinguishing", doc: "A feature and how far the cluster's mean is from the overall mean.",
        fields: [.required("feature", .string, "The feature."), .required("z", .number, "(cluster mean − overall mean) / overall sd.")])

    /// The cluster `persona(cluster)` is given.
    public static let cluster = TableShape(
        name: "Cluster", doc: "The summary of one cluster that persona(cluster) names.",
        fields: [
            .required("index", .integer, "1-based, by size."),
            .required("size", .integer, "Users in the cluster."),
            .required("share", .number, "The cluster's share of the matched users."),
            .required("means", .map(.number), "Feature → mean in the cluster."),
            .required("z", .map(.number), "Feature → (cluster mean − overall mean) / overall sd."),
            .required("distinguishing", .list(.shape(distinguishing)), "Every feature, largest |z| first."),
            .required("profile", .map(.union([.number, .string])), "Profile column → mean (numbers) or most common value (text)."),
            .required("filter", .map(.union([.number, .string])), "The = conditions that selected the users, by field."),
            .required("taken", .list(.string), "The names already given to larger clusters in this run, in order."),
            .required("attempt", .integer, "1, or 2 when the first name was already taken."),
        ])

    /// What `persona(cluster)` returns.
    public static let namedPersona = TableShape(
        name: "NamedPersona", doc: "A persona's name and traits, as persona(cluster) returns them.",
        fields: [
            .required("name", .string, "One line, 1–\(ContractDefaults.Limits.personaName) characters, distinct within the run."),
            .optional("traits", .table, "Any table of strings, numbers and lists; at most \(ContractDefaults.Limits.traitsBytes) bytes as JSON."),
        ])

    /// `persona(cluster)`.
    public static let personaHook = FunctionShape(
        name: "PersonaHook", signature: "persona(cluster)",
        doc: "A name and traits for one cluster; called once per cluster, largest first.",
        parameters: [.required("cluster", .shape(cluster), "The cluster's summary.")],
        results: [.required("persona", .shape(namedPersona), "{ name = \"…\", traits = {…} } and nothing else.")])
}
