import Foundation
import Testing
import TestSupport
@testable import Builtins
@testable import Host

@Suite struct DatasetStatsPipelineTests {
    func stats(_ inputs: [String], size: Int? = nil, retag: Bool = false) throws -> DatasetStatsPipeline.Report {
        let (rules, loader) = try DatasetFixture.rules()
        return try DatasetStatsPipeline(rules: rules, loader: loader).run(.init(inputs: inputs, retag: retag, size: size, workers: 2))
    }

    @Test func gapAnalysisOnKnownCounts() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let report = try stats([input])
        #expect(report.taggedByRules == 100)
        let gaps = try #require(report.gaps)
        // Tech 50% in 40–60%, Care 20% in 20–30%, Other 30% in 10–30%.
        #expect(gaps.categories.map(\.status) == [.within, .within, .within])
        let personas = Dictionary(uniqueKeysWithValues: gaps.personas.map { ($0.name, $0) })
        // coder: 40 against 20–30% (its cap is 30%): 10 too many. fixer: 10 against 20%: needs 10.
        #expect(personas["coder"]?.status == .over)
        #expect(personas["coder"]?.excess == 10)
        #expect(personas["fixer"]?.status == .under)
        #expect(personas["fixer"]?.needed == 10)
        #expect(personas["carer"]?.status == .within)
        // chat and rare split Other's 10–30%: 5–15% each; chat 25 is 10 over, rare 5 is at its minimum.
        #expect(personas["chat"]?.excess == 10)
        #expect(personas["rare"]?.status == .within)
        let brief = try #require(gaps.traits.first { $0.name == "brief" })
        #expect(brief.count == 60)
        #expect(abs(brief.difference - 0.10) < 1e-12)
    }

    @Test func gapsAtAPlannedSize() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try DatasetFixture.write(to: folder)
        let gaps = try #require(try stats([input], size: 200).gaps)
        let personas = Dictionary(uniqueKeysWithValues: gaps.personas.map { ($0.name, $0) })
        // At 200 examples: coder's 40 is exactly 20%; fixer needs 40 − 10 = 30; carer 40 − 20 = 20.
        #expect(personas["coder"]?.status == .within)
        #expect(personas["fixer"]?.needed == 30)
        #expect(personas["carer"]?.needed == 20)
        #expect(gaps.size == 200)
    }

    @Test func taggedInputIsCountedByItsTagsUnlessRetagged() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tagged = folder.appendingPathComponent("tagged.jsonl")
        // Tagged by hand, against the rules: every example claims to be "carer".
        let lines = DatasetFixture.lines.map { $0.dropLast() + #","_persona":"carer","_traits":["long"]}"# }
        try lines.joined(separator: "\n").write(to: tagged, atomically: true, encoding: .utf8)
        let kept = try stats([tagged.path])
        #expect(kept.taggedByRules == 0)
        #expect(kept.summary.personas.first { $0.name == "carer" }?.count == 100)
        #expect(kept.summary.traits.first { $0.name == "long" }?.count == 100)
        let retagged = try stats([tagged.path], retag: true)
        #expect(retagged.taggedByRules == 100)
        #expect(retagged.summary.personas.first { $0.name == "carer" }?.count == 20)
    }

    @Test func personasThePluginDoesNotDeclareAreListed() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.jsonl")
        try #"{"instruction":"a","output":"b","_persona":"ghost","_traits":[]}"#.write(to: file, atomically: true, encoding: .utf8)
        let report = try stats([file.path])
        #expect(report.gaps?.unknownPersonas.map(\.name) == ["ghost"])
        #expect(report.summary.personas.last?.name == "ghost")
        #expect(report.summary.personas.last?.category == nil)
    }
}
