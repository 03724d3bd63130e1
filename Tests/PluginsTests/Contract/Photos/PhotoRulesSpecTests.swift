import Foundation
import Testing
import Builtins
@testable import Plugins
import TestSupport

/// `photos` is read at load into typed rules: every problem at once, each with its path.
@Suite struct PhotoRulesSpecTests {
    func load(_ photos: String) throws -> (spec: PhotoRulesSpec?, problems: String) {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["p/init.lua": """
            local function f() return 1 end
            return { name = "p", version = "1", api = 1, description = "",
              photos = \(photos),
            }
            """], in: folder)
        let set = try PluginLoader().loadAll(from: folder)
        return (set.plugins.first?.contract.photos, set.failures.map(\.error.description).joined(separator: "\n"))
    }

    @Test func aCompleteTableIsReadWithItsWeightsInNameOrder() throws {
        let (spec, problems) = try load("""
            { scores = { sharpness = f, resolution = f }, weights = { sharpness = 3, resolution = 1 },
              reject = f, duplicate_distance = 4, gate = f, training = f, validation = f }
            """)
        #expect(problems.isEmpty, "\(problems)")
        let rules = try #require(spec)
        #expect(rules.scores.map(\.name) == ["resolution", "sharpness"])
        #expect(rules.scores.map(\.weight) == [1, 3])
        #expect(rules.totalWeight == 4)
        #expect(rules.duplicateDistance == 4)
        #expect(rules.reject != nil)
    }

    @Test func defaultsApplyWhenOptionalFieldsAreLeftOut() throws {
        let (spec, problems) = try load("{ scores = { s = f }, weights = { s = 1 }, gate = f, training = f, validation = f }")
        #expect(problems.isEmpty, "\(problems)")
        #expect(spec?.duplicateDistance == 6)
        #expect(spec?.reject == nil)
    }

    @Test func everyProblemIsReportedWithItsPath() throws {
        let (spec, problems) = try load("""
            { scores = { sharp = f, light = 5 }, weights = { sharp = -1, lihgt = 1 }, duplicate_distance = 65,
              gate = f, training = "x", colour = 1 }
            """)
        #expect(spec == nil)
        #expect(problems.contains("photos.scores.light must be a function, got number 5"))
        #expect(problems.contains("photos.weights.sharp must be from 0 to 1000, got -1"))
        #expect(problems.contains("photos.weights.lihgt weighs a score `scores` does not define"))
        #expect(problems.contains("photos.duplicate_distance must be from 0 to 64, got 65"))
        #expect(problems.contains("photos.training must be a function"))
        #expect(problems.contains("photos.validation must be a function, got nothing (nil)"))
        #expect(problems.contains("photos.colour is not a known field"))
    }

    @Test func aScoreWithoutAWeightAndAllZeroWeightsAreRefused() throws {
        let missing = try load("{ scores = { a = f, b = f }, weights = { a = 1 }, gate = f, training = f, validation = f }")
        #expect(missing.problems.contains("photos.weights has no weight for score \"b\""))
        let zero = try load("{ scores = { a = f }, weights = { a = 0 }, gate = f, training = f, validation = f }")
        #expect(zero.problems.contains("photos.weights must not all be 0"))
        let none = try load("{ scores = {}, weights = {}, gate = f, training = f, validation = f }")
        #expect(none.problems.contains("photos.scores must name at least one score"))
    }

    @Test func theShippedPluginLoadsWithTheSeedsWeights() throws {
        let set = try PluginLoader().loadAll(from: Support.plugins)
        let spec = try #require(set.plugins.first { $0.name == "face_persona" }?.contract.photos)
        #expect(spec.scores.map(\.name) == ["face_detection", "lighting", "resolution", "sharpness"])
        #expect(abs(spec.totalWeight - 1) < 1e-9)
    }
}
