import Testing
@testable import Builtins

/// The curriculum YAML: exact text, quoting, floats YAML reads as floats, `all` expanded.
struct CurriculumFileTests {
    @Test func exactText() {
        let phases: [DatasetTargets.Phase] = [
            .init(name: "foundation", purpose: "stabilise syntax and task competence", learningRate: 2e-5,
                  personas: ["code_expert", "problem_solver"]),
            .init(name: "mixed_fluency", learningRate: 5e-6, personas: nil, shuffle: true),
            .init(name: "odd name", purpose: "two\nlines", learningRate: 0.001, personas: ["yes", "gone"]),
        ]
        let text = CurriculumFile.yaml(phases: phases,
                                       counts: ["code_expert": 10, "problem_solver": 5, "other": 7, "yes": 1],
                                       allPersonas: ["code_expert", "problem_solver", "other", "yes"],
                                       data: "my data.jsonl", seed: 7)
        #expect(text == """
            # Training curriculum written by persona-host dataset mix.
            data: "my data.jsonl"
            seed: 7
            phases:
              - name: foundation
                # stabilise syntax and task competence
                learning_rate: 2.0e-05
                shuffle: false
                examples: 15
                personas: [code_expert, problem_solver]
              - name: mixed_fluency
                learning_rate: 5.0e-06
                shuffle: true
                examples: 23
                personas: [code_expert, problem_solver, other, "yes"]
              - name: "odd name"
                # two lines
                learning_rate: 0.001
                shuffle: false
                examples: 1
                personas: ["yes", gone]

            """)
    }

    @Test func theSeedsCurriculum() {
        let t = SeedTargets.targets
        let counts = Dictionary(uniqueKeysWithValues: t.personas.map { ($0, 100) })
        let text = CurriculumFile.yaml(phases: t.curriculum, counts: counts, allPersonas: t.personas,
                                       data: "mix/data.jsonl.gz", seed: 3)
        #expect(text.contains("data: mix/data.jsonl.gz\n"))
        #expect(text.contains("    examples: 300\n"))
        #expect(text.contains("    examples: 1800\n"))
        #expect(text.contains("    # persona switching, all personas shuffled\n"))
    }

    @Test func noPhases() {
        #expect(CurriculumFile.yaml(phases: [], counts: [:], allPersonas: [], data: "d.jsonl", seed: 0)
            == "# Training curriculum written by persona-host dataset mix.\ndata: d.jsonl\nseed: 0\nphases: []\n")
    }

    @Test func scalarsAndFloats() {
        #expect(CurriculumFile.scalar("code_expert") == "code_expert")
        #expect(CurriculumFile.scalar("a/b-c.d") == "a/b-c.d")
        #expect(CurriculumFile.scalar("True") == "\"True\"")
        #expect(CurriculumFile.scalar("null") == "\"null\"")
        #expect(CurriculumFile.scalar("1st") == "\"1st\"")
        #expect(CurriculumFile.scalar("") == "\"\"")
        #expect(CurriculumFile.scalar("a: \"b\"\\\n\u{1}") == "\"a: \\\"b\\\"\\\\\\n\\x01\"")
        #expect(CurriculumFile.scalar("café") == "\"café\"")
        #expect(CurriculumFile.float(2e-5) == "2.0e-05")
        #expect(CurriculumFile.float(1.5e-5) == "1.5e-05")
        #expect(CurriculumFile.float(1) == "1.0")
        #expect(CurriculumFile.float(0.001) == "0.001")
        #expect(CurriculumFile.float(1e20) == "1.0e+20")
        #expect(CurriculumFile.float(.nan) == ".nan")
    }
}
