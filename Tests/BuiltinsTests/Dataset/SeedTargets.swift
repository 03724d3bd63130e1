@testable import Builtins

/// The dataset_personas plugin's figures (seed 003), as the Plugins module would build them.
enum SeedTargets {
    static let targets = DatasetTargets(
        categories: [
            .init(name: "Technical", target: 0.25...0.30, personas: ["code_expert", "debugging_assistant", "problem_solver"]),
            .init(name: "Empathetic", target: 0.20...0.25, personas: ["empathetic_counselor", "supportive"]),
            .init(name: "Analytical", target: 0.15...0.20, personas: ["analytical_reasoner", "critical_debater", "math_tutor"]),
            .init(name: "Creative", target: 0.10...0.15, personas: ["creative_storyteller", "narrative_writer"]),
            .init(name: "Conversational", target: 0.10...0.15, personas: ["conversational_agent", "multi_turn"]),
            .init(name: "Tool/API", target: 0.08...0.12, personas: ["tool_orchestrator", "api_specialist"]),
            .init(name: "Factual", target: 0.08...0.12, personas: ["factual_informant", "qa_specialist"]),
            .init(name: "Specialized", target: 0.05...0.10, personas: ["esoteric_scholar", "safety_guardian"]),
        ],
        settings: [
            "code_expert": .init(cap: 0.12),
            "empathetic_counselor": .init(share: 0.15),
            "creative_storyteller": .init(share: 0.08),
            "esoteric_scholar": .init(upsample: 2.0),
            "tool_orchestrator": .init(upsample: 1.5),
        ],
        traits: [.init(name: "formal", share: 0.15), .init(name: "casual", share: 0.20),
                 .init(name: "detailed", share: 0.30), .init(name: "brief", share: 0.35)],
        curriculum: [
            .init(name: "foundation", purpose: "stabilise syntax and task competence", learningRate: 2e-5,
                  personas: ["code_expert", "problem_solver", "factual_informant"]),
            .init(name: "mixed_fluency", purpose: "persona switching, all personas shuffled", learningRate: 5e-6,
                  personas: nil, shuffle: true),
        ])
}
