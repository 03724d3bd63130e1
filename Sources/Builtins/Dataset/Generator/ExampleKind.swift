/// What one generated example is about: the texts an instruction, its context and its reply
/// are assembled from. Each kind is written to carry the cue phrases of one persona's rule in
/// `plugins/dataset_personas/rules.lua` (and none of an earlier rule's), except a few templates
/// that deliberately mislead (a story about a "bug", a derivative of a "function") as real
/// collections do; `chat` carries no cue at all, so only the fallback claims it.
struct ExampleKind: Sendable {
    /// Instruction templates.
    let instructions: [Template]
    /// Context (`input`) templates, used for `inputPer1000` of the examples.
    let inputs: [Template]
    let inputPer1000: Int
    /// What `{topic}` fills in for this kind.
    let topics: [Fill]
    /// Reply sentences (neutral register, no contractions, no exclamations).
    let bodies: [Template]
    /// Code or other blocks a reply may end with (multi-line).
    let blocks: [Template]
    /// Whether replies may be numbered steps (how-to kinds).
    let stepwise: Bool

    init(instructions: [String], inputs: [String] = [], inputPer1000: Int = 0, topics: [String] = ["it"],
         bodies: [String], blocks: [String] = [], stepwise: Bool = false) {
        self.instructions = Template.all(instructions)
        self.inputs = Template.all(inputs)
        self.inputPer1000 = inputs.isEmpty ? 0 : inputPer1000
        self.topics = Fill.all(topics)
        self.bodies = Template.all(bodies)
        self.blocks = Template.all(blocks)
        self.stepwise = stepwise
    }

    /// The kinds, by name; ``ExampleSources`` mixes them per source.
    enum ID: Int, Sendable, CaseIterable {
        case safety, debugging, api, tools, code, math, debate, analysis, counseling, support
        case story, narrative, esoteric, problem, qa, factual, chat, dialogue
    }

    /// Every kind, indexed by `ID.rawValue`.
    static let all: [ExampleKind] = ID.allCases.map(kind)

    static func kind(_ id: ID) -> ExampleKind {
        switch id {
        case .safety: safety
        case .debugging: debugging
        case .api: api
        case .tools: tools
        case .code: code
        case .math: math
        case .debate: debate
        case .analysis: analysis
        case .counseling: counseling
        case .support: support
        case .story: story
        case .narrative: narrative
        case .esoteric: esoteric
        case .problem: problem
        case .qa: qa
        case .factual: factual
        case .chat: chat
        case .dialogue: dialogue
        }
    }
}

/// The values the shared slots fill in.
enum SlotValues {
    static let langs = Fill.all(["Python", "JavaScript", "Rust", "Go", "TypeScript", "Java", "C++", "Swift", "Kotlin", "Ruby"])
    static let names = Fill.all(["Maya", "Tom", "Aisha", "Lukas", "Sofia", "Daniel", "Priya", "Omar", "Emma", "Kenji",
                                 "Grace", "Mateo", "Hannah", "Ibrahim", "Lena", "Noah", "Chloe", "Arjun", "Zara", "Felix"])
    static let places = Fill.all(["Lisbon", "Toronto", "Nairobi", "Osaka", "Berlin", "Chile", "Melbourne", "Norway",
                                  "Mexico City", "Edinburgh", "Vietnam", "Cape Town", "Seattle", "Morocco", "Prague"])
    static let things = Fill.all(["lighthouse", "violin", "pocket watch", "teapot", "bicycle", "lantern", "paper boat",
                                  "music box", "umbrella", "compass", "snow globe", "typewriter"])
    static let foods = Fill.all(["chickpeas", "spinach", "salmon", "mushrooms", "tofu", "lentils", "sweet potato",
                                 "broccoli", "chicken thighs", "feta"])
}
