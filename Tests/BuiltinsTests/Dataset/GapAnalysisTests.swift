import Foundation
import Testing
@testable import Builtins

/// `dataset stats`: counts against targets, exact needed and excess, traits and unknown personas.
struct GapAnalysisTests {
    let targets = DatasetTargets(
        categories: [.init(name: "A", target: 0.40...0.60, personas: ["a1", "a2"]),
                     .init(name: "B", target: 0.40...0.60, personas: ["b1"])],
        settings: ["a2": .init(cap: 0.2)],
        traits: [.init(name: "formal", share: 0.25), .init(name: "brief", share: 0.5)])
    let counts = ["a1": 10, "a2": 35, "b1": 50, "ghost": 5]
    let traitCounts = ["a1": ["formal": 5, "brief": 2], "b1": ["formal": 10], "ghost": ["formal": 5]]

    @Test func atTheCurrentSize() {
        let gap = GapAnalysis(targets: targets, personaCounts: counts, traitCounts: traitCounts, total: 100)
        #expect(gap.categories == [
            .init(name: "A", count: 45, share: 0.45, targetMin: 0.4, targetMax: 0.6, status: .within, needed: 0, excess: 0),
            .init(name: "B", count: 50, share: 0.5, targetMin: 0.4, targetMax: 0.6, status: .within, needed: 0, excess: 0),
        ])
        #expect(gap.personas == [
            .init(name: "a1", category: "A", count: 10, share: 0.1, targetMin: 0.2, targetMax: 0.3, status: .under, needed: 10, excess: 0),
            .init(name: "a2", category: "A", count: 35, share: 0.35, targetMin: 0.2, targetMax: 0.2, status: .over, needed: 0, excess: 15),
            .init(name: "b1", category: "B", count: 50, share: 0.5, targetMin: 0.4, targetMax: 0.6, status: .within, needed: 0, excess: 0),
        ])
        #expect(gap.unknownPersonas == [.init(name: "ghost", count: 5)])
        #expect(gap.notes.isEmpty)
    }

    @Test func atAPlannedSize() {
        let gap = GapAnalysis(targets: targets, personaCounts: counts, traitCounts: traitCounts, total: 100, size: 200)
        #expect(gap.size == 200)
        #expect(gap.categories.map(\.needed) == [35, 30])
        #expect(gap.personas.map(\.needed) == [30, 5, 30])
        #expect(gap.personas.map(\.status) == [.under, .under, .under])
        #expect(gap.personas.map(\.excess) == [0, 0, 0])
        let smaller = GapAnalysis(targets: targets, personaCounts: counts, traitCounts: traitCounts, total: 100, size: 50)
        // a2: 35 − ⌊0.2 × 50⌋ = 25; b1: 50 − ⌊0.6 × 50⌋ = 20; A: 45 − 30 = 15.
        #expect(smaller.personas.map(\.excess) == [0, 25, 20])
        #expect(smaller.categories.map(\.excess) == [15, 20])
    }

    @Test func traitsOverallAndPerPersona() {
        let gap = GapAnalysis(targets: targets, personaCounts: counts, traitCounts: traitCounts, total: 100)
        #expect(gap.traits.map(\.name) == ["brief", "formal"])
        #expect(gap.traits.map(\.count) == [2, 20])
        #expect(gap.traits[1].share == 0.2)
        #expect(abs(gap.traits[1].difference - -0.05) < 1e-12)
        #expect(gap.personaTraits["a1"] == [
            .init(name: "brief", count: 2, share: 0.2, target: 0.5, difference: 0.2 - 0.5),
            .init(name: "formal", count: 5, share: 0.5, target: 0.25, difference: 0.25),
        ])
        #expect(gap.personaTraits["a2"]?.map(\.share) == [0, 0])
        #expect(gap.personaTraits["ghost"] == nil)
    }

    @Test func anEmptyDatasetIsAllUnder() {
        let gap = GapAnalysis(targets: targets, personaCounts: [:], traitCounts: [:], total: 0, size: 1000)
        #expect(gap.personas.map(\.needed) == [200, 200, 400])
        #expect(gap.personas.map(\.share) == [0, 0, 0])
    }

    @Test func seedNotesAndSnakeCaseJSON() throws {
        let gap = GapAnalysis(targets: SeedTargets.targets, personaCounts: ["code_expert": 3], traitCounts: [:], total: 3)
        #expect(gap.notes.count == 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(gap.personas[0]), as: UTF8.self)
        #expect(text.contains("\"target_min\":"))
        #expect(text.contains("\"target_max\":"))
        #expect(text.contains("\"status\":\"over\""))
        let whole = String(decoding: try encoder.encode(gap), as: UTF8.self)
        #expect(whole.contains("\"unknown_personas\":[]"))
        #expect(whole.contains("\"persona_traits\":{"))
        #expect(try JSONDecoder().decode(GapAnalysis.self, from: try encoder.encode(gap)) == gap)
    }
}
