import Builtins

/// The schema of `tagging` (training-data personas, seed 003): the function form, and the
/// table form whose rules the host compiles (sources, phrase and pattern rules, traits from
/// text measures) with the dataset's targets, caps, upsampling and curriculum.
extension ContractSchema {
    /// The example a tagging function or a condition's `when` is given.
    public static let taggingExample = TableShape(
        name: "TaggingExample", doc: "One training example, as tagging functions see it.",
        fields: [
            .required("instruction", .string, "The instruction (without a <persona:…> prefix)."),
            .required("input", .string, "The input (\"\" when the example has none)."),
            .required("output", .string, "The reply."),
            .required("source", .string, "The source dataset: the source field's value, or the file's name."),
        ])

    /// What a tagging function returns.
    public static let taggingResult = TableShape(
        name: "TaggingResult", doc: "A persona and traits for one example.",
        fields: [
            .required("persona", .string, "The persona's name."),
            .optional("traits", .list(.string), "Secondary traits (default none)."),
        ])

    /// `tagging(example, measures)`, the function form.
    public static let taggingFunction = FunctionShape(
        name: "TaggingFunction", signature: "tagging(example, measures)",
        doc: "The persona and traits of one example (the whole rule set as one function; slower than the table form).",
        parameters: [.required("example", .shape(taggingExample), "The example."),
                     .required("measures", .shape(measures), "Text measures of the reply.")],
        results: [.required("tag", .shape(taggingResult), "The example's persona and traits.")])

    /// `when(example, measures)` in a rule or trait.
    public static let taggingCondition = FunctionShape(
        name: "TaggingCondition", signature: "when(example, measures)",
        doc: "An extra condition: true when it holds (called only when the other conditions hold).",
        parameters: [.required("example", .shape(taggingExample), "The example."),
                     .required("measures", .shape(measures), "Text measures of the reply.")],
        results: [.required("holds", .boolean, "Whether the condition holds.")])

    /// An inclusive range on one measure.
    public static let measureBound = TableShape(
        name: "MeasureBound", doc: "Inclusive bounds on a text measure of the reply.",
        fields: [.optional("min", .number, "Smallest value allowed."), .optional("max", .number, "Largest value allowed.")])

    /// What a rule or a trait checks.
    public static let taggingConditions = TableShape(
        name: "TaggingConditions", doc: "Conditions that must all hold (one phrase is enough).",
        fields: [
            .optional("fields", .list(.string), "The example's string fields to look in (rules: instruction, input; traits: output)."),
            .optional("phrases", .list(.string), "Any of these as a whole word, ignoring case."),
            .optional("pattern", .string, "An extended regular expression (as grep -E), ignoring case."),
            .optional("when", .function(taggingCondition), "when(example, measures): an extra condition in Lua."),
        ] + TextMeasures.measureNames.map { .optional($0, .shape(measureBound), "Bounds on the reply's \($0.replacingOccurrences(of: "_", with: " ")).") })

    /// A persona rule.
    public static let taggingRule = TableShape(
        name: "TaggingRule", doc: "When its conditions hold, the example is this persona's (the first rule that holds wins).",
        fields: [.required("persona", .string, "A declared persona.")] + taggingConditions.fields)

    /// A source dataset that belongs to one persona.
    public static let taggingSource = TableShape(
        name: "TaggingSource", doc: "Every example of a matching source is this persona's.",
        fields: [.required("match", .string, "Found, ignoring case, in the source's name."),
                 .required("persona", .string, "A declared persona.")])

    /// A persona category with its target share.
    public static let taggingCategory = TableShape(
        name: "TaggingCategory", doc: "A category of personas and its target share of the dataset.",
        fields: [.required("name", .string, "The category's name."),
                 .required("target", .list(.number), "{ min, max }: shares from 0 to 1."),
                 .required("personas", .list(.string), "Its personas (each in one category).")])

    /// A persona's own share or cap.
    public static let mixPersona = TableShape(
        name: "MixPersona", doc: "A persona's own target share, or its ceiling.",
        fields: [.optional("share", .number, "Its target share (0–1), instead of an equal part of its category's."),
                 .optional("cap", .number, "The largest share it may take (0–1).")])

    /// One curriculum phase.
    public static let curriculumPhase = TableShape(
        name: "CurriculumPhase", doc: "One phase of the training curriculum.",
        fields: [.required("name", .string, "The phase's name."),
                 .optional("purpose", .string, "What it is for."),
                 .required("learning_rate", .number, "Its learning rate (> 0)."),
                 .required("personas", .union([.list(.string), .literals(["all"])]), "Its personas, or \"all\"."),
                 .optional("shuffle", .boolean, "Whether the trainer shuffles it (default false).")])

    /// `tagging.mix`.
    public static let taggingMix = TableShape(
        name: "TaggingMix", doc: "What dataset mix aims for.",
        fields: [.optional("personas", .map(.shape(mixPersona)), "Persona → its own share or cap."),
                 .optional("upsample", .map(.number), "Persona → how many times its examples may be used (≥ 1)."),
                 .optional("traits", .map(.number), "Trait → its target share within every persona (0–1)."),
                 .optional("curriculum", .list(.shape(curriculumPhase)), "The training phases, in order.")])

    /// The table form of `tagging`.
    public static let tagging = TableShape(
        name: "Tagging", doc: "How training examples get a persona and traits, and what the dataset should look like.",
        fields: [
            .required("fallback", .string, "The persona of an example nothing claims (counted)."),
            .optional("prefix", .boolean, "Write <persona:NAME> and a newline before each instruction (default false)."),
            .optional("source_field", .string, "The field naming an example's source dataset (default \"source\"; without it, the file's name)."),
            .optional("categories", .list(.shape(taggingCategory)), "The personas by category, with target shares (needed by stats targets and mix)."),
            .optional("sources", .list(.shape(taggingSource)), "Source datasets that belong to one persona (tried first)."),
            .optional("rules", .list(.shape(taggingRule)), "Persona rules, in order: the first that holds wins."),
            .optional("traits", .map(.union([.shape(taggingConditions), .list(.shape(taggingConditions))])),
                      "Trait → conditions (or a list of alternatives)."),
            .optional("mix", .shape(taggingMix), "Caps, shares, upsampling, trait targets and curriculum for dataset mix."),
        ])
}
