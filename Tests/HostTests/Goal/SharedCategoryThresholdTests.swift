import Foundation
import Testing
@testable import Host
import Plugins
import TestSupport

/// A category declared by several plugins has one threshold: the one declared, whichever plugin
/// declares it; two different ones are refused, so neither is silently ignored.
@Suite struct SharedCategoryThresholdTests {
    func load(_ files: [String: String]) throws -> PluginSet {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(files, in: folder)
        return try PluginLoader().loadAll(from: folder)
    }

    /// Plugin `name` (load order is by name) declaring `pets` with the term `term`.
    static func plugin(_ name: String, _ term: String, threshold: String) -> String {
        """
        return { name = "\(name)", version = "1", api = 1, description = "",
          intents = { pets = { terms = { "\(term)" }\(threshold.isEmpty ? "" : ", threshold = \(threshold)") } } }
        """
    }

    @Test func theDeclaredThresholdCountsEvenFromALaterPlugin() throws {
        let set = try load(["a/init.lua": Self.plugin("a", "dog", threshold: ""), "b/init.lua": Self.plugin("b", "cat", threshold: "0.95")])
        #expect(set.failures.isEmpty)
        let taxonomy = Taxonomy(plugins: set.plugins)
        #expect(taxonomy.categories.first?.threshold == 0.95)
        let vocabulary = try IntentVocabulary(plugins: set.plugins)
        #expect(vocabulary.categories.first?.thresholdFrom == "b")
        #expect(vocabulary.categories.first?.thresholdIsDefault == false)
        // The exact term alone (0.90) no longer reaches 0.95.
        #expect(GoalReading(text: "dog", taxonomy: taxonomy).detected.isEmpty)
    }

    @Test func twoDifferentThresholdsAreAConflict() throws {
        let set = try load(["a/init.lua": Self.plugin("a", "dog", threshold: "0.7"), "b/init.lua": Self.plugin("b", "cat", threshold: "0.9")])
        #expect(set.plugins.map(\.name) == ["a"])
        let message = try #require(set.failures.first?.error.description)
        #expect(message.contains("intents.pets.threshold is 0.9, but a declares 0.7"))
    }

    @Test func theSameThresholdTwiceIsFine() throws {
        let set = try load(["a/init.lua": Self.plugin("a", "dog", threshold: "0.7"), "b/init.lua": Self.plugin("b", "cat", threshold: "0.7")])
        #expect(set.failures.isEmpty)
    }
}
