import Builtins

/// The learning shapes (personas with traits, `feedback` mappings, the `fb` they are given and
/// the signals they return).
extension ContractSchema {
    /// `personas.<id>.traits.<trait>`.
    public static let trait = TableShape(
        name: "Trait", doc: "A learnable trait: its declared value and range.",
        fields: [
            .required("value", .number, "The initial value, within [min, max]."),
            .optional("min", .number, "Default \(ContractDefaults.traitRange.lowerBound.formatted2)."),
            .optional("max", .number, "Default \(ContractDefaults.traitRange.upperBound.formatted2)."),
        ])

    /// `personas.<id>.learning`.
    public static let learningSettings = TableShape(
        name: "LearningSettings", doc: "How fast a persona learns (docs/PLUGINS.md, \"learning\"); every field optional.",
        fields: [
            .optional("learning_rate", .number, "step = learning_rate × smoothed signal (default 0.5)."),
            .optional("max_step", .number, "The most one update may move a trait (default 0.1)."),
            .optional("window", .number, "Seconds of the rate-limit window (default 3600)."),
            .optional("max_change_per_window", .number, "The most a trait may move within one window (default 0.2)."),
            .optional("smoothing", .number, "Weight of the newest signal in the moving average (default 0.3)."),
            .optional("batch_size", .integer, "nil: apply each feedback at once; N: apply N samples together."),
        ])

    /// `golden(traits)` checks.
    public static let goldenCheck = FunctionShape(
        name: "GoldenCheck", signature: "golden[i].check(traits)", doc: "A rule a candidate version must pass.",
        parameters: [.required("traits", .map(.number), "The candidate's trait values.")],
        results: [.required("ok", .boolean, "Whether the candidate passes."), .optional("message", .string, "Why not.")])

    /// One entry of `personas.<id>.golden`.
    public static let golden = TableShape(
        name: "Golden", doc: "A golden scenario: a trait range or a check every new version must pass.",
        fields: [
            .optional("name", .string, "Shown when the scenario fails."),
            .optional("trait", .string, "A trait of the persona, with min and/or max."),
            .optional("min", .number, "The trait's lowest allowed value."),
            .optional("max", .number, "The trait's highest allowed value."),
            .optional("check", .function(goldenCheck), "A rule a range cannot say."),
        ])

    /// `traits`, `learning`, `golden`: the fields that make a persona learn.
    static func learningFields(traitsRequired: Bool) -> [SchemaField] {
        let traits = SchemaType.union([.map(.shape(trait)), .function(FunctionShape(
            name: "TraitsFunction", signature: "personas.<id>.traits()", doc: "Builds the traits table once, when the plugin loads.",
            parameters: [], results: [.required("traits", .map(.shape(trait)), "Trait → { value, min, max }.")]))])
        let doc = "Trait → { value, min, max }, or a function returning that table: the persona learns."
        return [
            traitsRequired ? .required("traits", traits, doc) : .optional("traits", traits, doc),
            .optional("learning", .shape(learningSettings), "How fast the persona learns."),
            .optional("golden", .list(.shape(golden)), "Checks every new version must pass."),
        ]
    }

    /// A persona that learns, outside a formulation domain: `personas.<id>` with `traits`.
    public static let learningPersona = TableShape(
        name: "LearningPersona", doc: "A persona that learns from feedback (docs/PLUGINS.md, \"feedback\").",
        fields: personaIdentity + learningFields(traitsRequired: true))

    /// Text measures of one text (`fb.measures.*`).
    public static let textMeasures = TableShape(
        name: "TextMeasures", doc: "Measures of one text, computed by the host.",
        fields: [
            .required("length", .number, "Characters."),
            .required("words", .number, "Words."),
            .required("sentences", .number, "Sentences."),
            .required("sentence_length", .number, "Words per sentence."),
            .required("average_word_length", .number, "Letters per word."),
            .required("contractions", .number, "Contractions (it's, don't)."),
            .required("exclamations", .number, "Exclamation marks."),
            .required("emoji", .number, "Emoji."),
            .required("long_word_share", .number, "Share of words of 7 letters or more."),
            .required("questions", .number, "Question marks."),
        ])

    /// `fb.measures`.
    public static let measures = TableShape(
        name: "Measures", doc: "Text measures of every text the feedback involves.",
        fields: [
            .optional("output", .shape(textMeasures), "The interaction's output."),
            .optional("original", .shape(textMeasures), "The interaction's output (the text a correction corrects)."),
            .optional("corrected", .shape(textMeasures), "A correction's text."),
            .optional("chosen", .shape(textMeasures), "A comparative value's chosen text."),
            .optional("rejected", .shape(textMeasures), "A comparative value's rejected text."),
            .optional("text", .shape(textMeasures), "Any text value."),
        ])

    /// `fb.interaction`.
    public static let interaction = TableShape(
        name: "Interaction", doc: "The interaction a feedback names (--interaction N).",
        fields: [
            .required("id", .integer, "The interaction's id."),
            .required("input", .string, "What the persona was asked."),
            .required("output", .string, "What it answered."),
            .required("context", .any, "The context stored with it (JSON)."),
        ])

    /// The `fb` a feedback mapping is given.
    public static let feedback = TableShape(
        name: "Feedback", doc: "One feedback, as a mapping feedback[type](fb) sees it.",
        fields: [
            .required("type", .string, "The feedback type."),
            .required("value", .union([.string, .number, .table]), "What the user gave."),
            .optional("target", .string, "What the feedback is about, when given."),
            .required("persona", .string, "The persona's id."),
            .required("traits", .map(.number), "The persona's current trait values."),
            .optional("interaction", .shape(interaction), "The interaction, when the feedback names one."),
            .required("measures", .shape(measures), "Text measures the host computed."),
        ])

    /// One signal a mapping returns.
    public static let signal = TableShape(
        name: "Signal", doc: "A push on one trait.",
        fields: [
            .required("trait", .string, "A trait of the persona."),
            .required("adjustment", .number, "How far to move the trait, before damping."),
            .optional("confidence", .number, "0–1 (default \(ContractDefaults.signalConfidence.formatted2))."),
            .optional("weight", .number, "> 0 (default \(ContractDefaults.signalWeight.formatted2))."),
        ])

    /// `feedback.<type>(fb)`.
    public static let feedbackMapping = FunctionShape(
        name: "FeedbackMapping", signature: "feedback.<type>(fb)",
        doc: "Maps one feedback to trait signals; host.reject(message) when the user's input is wrong.",
        parameters: [.required("fb", .shape(feedback), "The feedback.")],
        results: [.required("signals", .list(.shape(signal)), "At most \(ContractDefaults.Limits.listItems) signals.")])
}
