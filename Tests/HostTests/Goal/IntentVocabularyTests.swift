import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// The vocabulary in force, each term's conditions found the way a run finds them.
@Suite struct IntentVocabularyTests {
    func vocabulary(_ files: [String: String]) throws -> IntentVocabulary {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(files, in: folder)
        let set = try PluginLoader().loadAll(from: folder)
        #expect(set.failures.isEmpty, "\(set.failures.map(\.error.description))")
        return try IntentVocabulary(plugins: set.plugins)
    }

    @Test func eachTermIsReadAloneAndPlannedByTheFilters() throws {
        let v = try vocabulary(["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { budget = { terms = { "budget", "premium", "cheapest" }, synonyms = { frugal = "budget" } } },
              filters = function(goal)
                local where = {}
                if goal.matched.budget then where[#where + 1] = { "price_sensitivity", ">=", 0.6, term = "budget" } end
                if goal.matched.premium then where[#where + 1] = { "price_sensitivity", "<=", 0.4, term = "premium" } end
                -- the goal the hook sees is just the term
                if goal.text ~= "budget" and goal.text ~= "premium" and goal.text ~= "cheapest" then error("goal " .. goal.text) end
                return where
              end }
            """#])
        let budget = try #require(v.categories.first)
        #expect(budget.category == "budget" && budget.plugin == "p" && budget.threshold == 0.5 && budget.thresholdIsDefault)
        #expect(budget.terms.map(\.term) == ["budget", "premium", "cheapest"])
        #expect(budget.terms[0].synonyms == ["frugal"])
        #expect(budget.terms[0].conditions == [.init(plugin: "p", field: "price_sensitivity", condition: "price_sensitivity >= 0.6")])
        #expect(budget.terms[1].conditions.map(\.condition) == ["price_sensitivity <= 0.4"])
        #expect(budget.terms[2].conditions.isEmpty)
        #expect(budget.terms[2].notApplied == "no condition from p")
        #expect(budget.terms.allSatisfy { $0.detectedAlone })
    }

    @Test func wordsTwoCategoriesShareAreListedAsAlsoMatching() throws {
        let v = try vocabulary(["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { place = { terms = { "city" } }, size = { terms = { "big" }, synonyms = { city = "big" } } } }
            """#])
        let city = try #require(v.categories.first { $0.category == "place" }?.terms.first)
        #expect(city.alsoMatches == [.init(category: "size", term: "big")])
        #expect(city.notApplied == "no plugin with a filters hook declares the place intent")
    }

    @Test func aThresholdAboveASynonymsQualityIsReported() throws {
        let v = try vocabulary(["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { pets = { terms = { "dog" }, synonyms = { puppy = "dog" }, threshold = 0.6 },
                          fish = { terms = { "trout" }, synonyms = { brook = "trout" }, threshold = 0.61 } } }
            """#])
        #expect(v.categories.first { $0.category == "pets" }?.synonymAloneDetects == true)
        #expect(v.categories.first { $0.category == "fish" }?.synonymAloneDetects == false)
    }

    @Test func aFailingFiltersHookIsAPluginError() throws {
        #expect(throws: PluginError.self) {
            try vocabulary(["p.lua": #"""
                return { name = "p", version = "1", api = 1, description = "",
                  intents = { pets = { terms = { "dog" } } }, filters = function() return "nope" end }
                """#])
        }
    }
}
