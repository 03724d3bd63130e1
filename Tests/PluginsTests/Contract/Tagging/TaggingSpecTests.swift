import Foundation
import Testing
import Builtins
@testable import Plugins
import TestSupport

/// `tagging` is read at load into typed rules and targets: every problem at once, each with its
/// path, a "did you mean" for names, and the line where it is written.
@Suite struct TaggingSpecTests {
    func load(_ tagging: String) throws -> (spec: TaggingSpec?, problems: String) {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["t/init.lua": """
            return { name = "t", version = "1", api = 1, description = "",
              tagging = \(tagging),
            }
            """], in: folder)
        let set = try PluginLoader().loadAll(from: folder)
        return (set.plugins.first?.contract.tagging, set.failures.map(\.error.description).joined(separator: "\n"))
    }

    static let valid = """
        {
          prefix = true, fallback = "chat",
          categories = {
            { name = "Tech", target = { 0.4, 0.6 }, personas = { "coder" } },
            { name = "Other", target = { 0.2, 0.5 }, personas = { "chat", "rare" } },
          },
          sources = { { match = "toolbench", persona = "coder" } },
          rules = {
            { persona = "coder", phrases = { "python" }, words = { min = 3 } },
            { persona = "rare", pattern = [[\\d+ \\+ \\d+]], fields = { "instruction" }, when = function() return true end },
          },
          traits = { brief = { words = { max = 40 } }, casual = { { contractions = { min = 1 } }, { phrases = { "hey" } } } },
          mix = {
            personas = { coder = { cap = 0.3 }, chat = { share = 0.25 } },
            upsample = { rare = 2 },
            traits = { brief = 0.5 },
            curriculum = { { name = "all", learning_rate = 1e-5, personas = "all", shuffle = true } },
          },
        }
        """

    @Test func theTableFormIsReadIntoRulesAndTargets() throws {
        let (spec, problems) = try load(Self.valid)
        #expect(problems.isEmpty)
        let rules = try #require(spec?.rules)
        #expect(rules.prefix && rules.fallback == "chat" && rules.sourceField == "source")
        #expect(rules.sources == [.init(match: "toolbench", persona: "coder")])
        #expect(rules.rules.map(\.persona) == ["coder", "rare"])
        #expect(rules.rules[0].conditions.fields == ["instruction", "input"])
        #expect(rules.rules[0].conditions.bounds == [.init(measure: "words", min: 3)])
        #expect(rules.rules[1].conditions.function == 0 && rules.rules[1].conditions.fields == ["instruction"])
        #expect(rules.traits.map(\.name) == ["brief", "casual"])
        #expect(rules.traits[1].alternatives.count == 2 && rules.traits[1].alternatives[0].fields == ["output"])
        let targets = try #require(spec?.targets)
        #expect(targets.personas == ["coder", "chat", "rare"])
        #expect(targets.settings["coder"]?.cap == 0.3 && targets.settings["chat"]?.share == 0.25 && targets.settings["rare"]?.upsample == 2)
        #expect(targets.traits == [.init(name: "brief", share: 0.5)])
        #expect(targets.curriculum == [.init(name: "all", learningRate: 1e-5, personas: nil, shuffle: true)])
        #expect(spec?.conditionFunctions.count == 1)
    }

    @Test func everyProblemIsReportedAtOnceWithItsPath() throws {
        let (spec, problems) = try load("""
            {
              fallback = "chatt",
              categories = { { name = "A", target = { 0.6, 0.4 }, personas = { "chat", "coder" } },
                             { name = "B", target = { 0.1, 0.2 }, personas = { "coder" } } },
              rules = {
                { persona = "codr", phrases = { "x" } },
                { persona = "chat" },
                { persona = "chat", pattern = "(unclosed" },
                { persona = "chat", wordz = { min = 1 }, phrases = { "y" } },
                { persona = "chat", words = { min = 5, max = 2 } },
              },
              traits = { brief = { words = "few" } },
              mix = { traits = { breif = 0.5 }, upsample = { chat = 0.5 } },
            }
            """)
        #expect(spec == nil)
        for expected in [
            "tagging.fallback names \"chatt\", which no category declares (did you mean 'chat'?)",
            "tagging.categories[1].target has min 0.6 above max 0.4",
            "lists \"coder\", already in category A: a persona belongs to one category",
            "tagging.rules[1].persona names \"codr\", which no category declares (did you mean 'coder'?)",
            "tagging.rules[2] has no condition",
            "tagging.rules[3].pattern is not a valid regular expression",
            "tagging.rules[4].wordz is not a known field (did you mean 'words'?)",
            "tagging.rules[5].words has min 5 above max 2",
            "tagging.traits.brief.words must be a table { min = …, max = … }",
            "tagging.mix.traits.breif names trait \"breif\", which tagging.traits does not define (did you mean 'brief'?)",
            "tagging.mix.upsample.chat must be from 1 to 100, got 0.5",
        ] {
            #expect(problems.contains(expected), "\(expected)\n— in —\n\(problems)")
        }
    }

    @Test func theFunctionFormNeedsNoTargets() throws {
        let (spec, problems) = try load("function(example) return { persona = example.source } end")
        #expect(problems.isEmpty)
        #expect(spec?.function != nil && spec?.rules == nil && spec?.targets == nil)
    }

    @Test func mixNeedsCategories() throws {
        let (_, problems) = try load("{ fallback = \"x\", rules = { { persona = \"y\", phrases = { \"z\" } } }, mix = { upsample = { y = 2 } } }")
        #expect(problems.contains("tagging.mix needs `categories`"))
    }
}
