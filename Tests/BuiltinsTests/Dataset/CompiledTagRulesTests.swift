import Testing
@testable import Builtins

@Suite struct CompiledTagRulesTests {
    let rules = TagRules(
        prefix: true, sourceField: "source", fallback: "chat",
        sources: [.init(match: "ToolBench", persona: "fixer")],
        rules: [
            .init(persona: "coder", conditions: .init(fields: ["instruction", "input"], phrases: ["python", "sql"], label: "rules[1]")),
            .init(persona: "carer", conditions: .init(fields: ["instruction"], pattern: "anxi(ous|ety)", label: "rules[2]")),
            .init(persona: "rare", conditions: .init(fields: ["instruction"], phrases: ["tarot"],
                                                      bounds: [.init(measure: "words", min: 3)], label: "rules[3]")),
            .init(persona: "asked", conditions: .init(fields: ["instruction"], phrases: ["please"], function: 0, label: "rules[4]")),
        ],
        traits: [
            .init(name: "long", alternatives: [.init(fields: ["output"], bounds: [.init(measure: "words", min: 6)], label: "traits.long")]),
            .init(name: "casual", alternatives: [
                .init(fields: ["output"], bounds: [.init(measure: "contractions", min: 1)], label: "traits.casual[1]"),
                .init(fields: ["output"], phrases: ["yeah"], label: "traits.casual[2]"),
            ]),
        ])

    func tag(_ fields: [String: String], source: String = "file", call: (Int) -> Bool = { _ in true }) throws -> TagDecision {
        try CompiledTagRules(rules).tag(strings: fields, sourceName: source, call: call)
    }

    @Test func sourcesComeFirstIgnoringCase() throws {
        let d = try tag(["instruction": "python please", "output": "ok"], source: "the_toolbench_v2")
        #expect(d.persona == "fixer")
        #expect(d.claim == .source(0))
    }

    @Test func firstMatchingRuleWins() throws {
        #expect(try tag(["instruction": "anxious about SQL", "output": "ok"]).claim == .rule(0))
        #expect(try tag(["instruction": "I am anxious", "output": "ok"]).persona == "carer")
        #expect(try tag(["instruction": "x", "input": "some python", "output": "ok"]).persona == "coder")
    }

    @Test func allConditionsOfARuleMustHold() throws {
        #expect(try tag(["instruction": "tarot", "output": "one two three"]).persona == "rare")
        #expect(try tag(["instruction": "tarot", "output": "one two"]).persona == "chat")
        #expect(try tag(["instruction": "tarot", "output": "one two"]).claim == .fallback)
    }

    @Test func functionConditionsAreAskedOnlyWhenTheRestHolds() throws {
        var calls = 0
        let asked = try tag(["instruction": "please help", "output": "ok"]) { _ in calls += 1; return true }
        #expect(asked.persona == "asked")
        let refused = try tag(["instruction": "please help", "output": "ok"]) { _ in calls += 1; return false }
        #expect(refused.persona == "chat")
        _ = try tag(["instruction": "nothing", "output": "ok"]) { _ in calls += 1; return true }
        #expect(calls == 2)
    }

    @Test func traitsInNameOrderAnyAlternative() throws {
        let d = try tag(["instruction": "hi", "output": "Yeah, I'd say it is a rather long reply"])
        #expect(d.traits == ["casual", "long"])
        #expect(try tag(["instruction": "hi", "output": "yeah ok"]).traits == ["casual"])
        #expect(try tag(["instruction": "hi", "output": "fine"]).traits == [])
    }

    @Test func aBadPatternIsRefusedWhenCompiling() {
        var bad = rules
        bad.rules[1].conditions.pattern = "anxi(ous"
        #expect(throws: PatternError.self) { _ = try CompiledTagRules(bad) }
    }
}
