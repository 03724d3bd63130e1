/// The source datasets generated examples claim to come from, with their weights and what each
/// is about. Half the lines come from the seed 003 datasets `plugins/dataset_personas/sources.lua`
/// names (a whole dataset, one persona); the other half from general collections whose
/// examples only the phrase and pattern rules can place.
struct ExampleSource: Sendable {
    /// The `source` field, JSON-escaped.
    let name: Fill
    /// Lines per 1000 from this source.
    let weight: Int
    /// The kinds of its examples, and their weights.
    let kinds: [ExampleKind.ID]
    let kindTable: WeightTable
    /// Conversation datasets: some examples carry earlier turns as input and a `turns` count.
    let multiTurn: Bool
    /// A general collection (no entry in sources.lua claims it).
    let general: Bool

    init(_ name: String, _ weight: Int, general: Bool = false, multiTurn: Bool = false,
         _ kinds: [(ExampleKind.ID, Int)]) {
        self.name = Fill(name)
        self.weight = weight
        self.kinds = kinds.map(\.0)
        kindTable = WeightTable(kinds.map(\.1))
        self.multiTurn = multiTurn
        self.general = general
    }
}

/// The sources and how often each is drawn.
enum ExampleSources {
    static let all: [ExampleSource] = [
        // Seed 003 datasets (sources.lua claims them whole): 50%.
        ExampleSource("mental_health_counseling", 40, [(.counseling, 1)]),
        ExampleSource("empathetic_dialogues", 40, multiTurn: true, [(.counseling, 3), (.support, 1)]),
        ExampleSource("emotional_support", 30, [(.support, 3), (.counseling, 1)]),
        ExampleSource("persona_chat", 40, multiTurn: true, [(.dialogue, 1)]),
        ExampleSource("daily_dialog", 30, multiTurn: true, [(.dialogue, 2), (.chat, 1)]),
        ExampleSource("wizardlm_conversations", 60, multiTurn: true,
                      [(.code, 30), (.factual, 20), (.chat, 15), (.analysis, 10), (.story, 10), (.problem, 10), (.math, 5)]),
        ExampleSource("sharegpt_cleaned", 70, multiTurn: true,
                      [(.code, 25), (.factual, 20), (.chat, 25), (.analysis, 10), (.narrative, 10), (.problem, 10)]),
        ExampleSource("berkeley_function_calling", 30, [(.tools, 7), (.api, 3)]),
        ExampleSource("toolbench", 30, [(.tools, 1)]),
        ExampleSource("ethics_commonsense", 30, [(.debate, 1)]),
        ExampleSource("moral_stories", 20, [(.debate, 2), (.story, 1)]),
        ExampleSource("cot_collection", 50, [(.analysis, 3), (.math, 1)]),
        ExampleSource("arc_challenge", 30, [(.analysis, 1)]),
        // General collections the rules decide on: 50%.
        ExampleSource("alpaca", 120, general: true,
                      [(.factual, 22), (.code, 8), (.problem, 10), (.analysis, 8), (.story, 5), (.narrative, 6), (.qa, 8),
                       (.math, 5), (.debate, 4), (.chat, 7), (.support, 2), (.counseling, 1), (.api, 2), (.tools, 1),
                       (.debugging, 2), (.safety, 1), (.esoteric, 1)]),
        ExampleSource("dolly", 80, general: true,
                      [(.qa, 25), (.factual, 30), (.chat, 7), (.analysis, 8), (.problem, 8), (.debate, 4), (.narrative, 3),
                       (.story, 2), (.code, 3), (.support, 1), (.safety, 1)]),
        ExampleSource("oasst", 90, general: true, multiTurn: true,
                      [(.chat, 10), (.code, 15), (.factual, 12), (.problem, 10), (.debugging, 6), (.analysis, 6), (.api, 4),
                       (.support, 4), (.counseling, 4), (.debate, 4), (.story, 4), (.narrative, 3), (.math, 3), (.qa, 2),
                       (.safety, 2), (.esoteric, 1)]),
        ExampleSource("code_alpaca", 100, general: true, [(.code, 72), (.debugging, 15), (.api, 7), (.problem, 4), (.tools, 2)]),
        ExampleSource("gsm8k", 50, general: true, [(.math, 1)]),
        ExampleSource("squad", 35, general: true, [(.qa, 3), (.factual, 2)]),
        ExampleSource("writing_prompts", 21, general: true, [(.story, 3), (.narrative, 2)]),
        ExampleSource("esoteric_qa", 4, general: true, [(.esoteric, 1)]),
    ]

    static let table = WeightTable(all.map(\.weight))
}
