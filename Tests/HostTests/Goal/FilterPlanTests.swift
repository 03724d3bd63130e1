import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Which goal words each condition applies, and every recognised word no condition applies.
@Suite struct FilterPlanTests {
    func plan(_ goal: String, _ files: [String: String]) throws -> FilterPlan {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(files, in: folder)
        let set = try PluginLoader().loadAll(from: folder)
        #expect(set.failures.isEmpty, "\(set.failures.map(\.error.description))")
        let reading = GoalReading(text: goal, taxonomy: Taxonomy(plugins: set.plugins))
        return try FilterPlan(reading: reading, plugins: set.plugins, domain: nil)
    }

    @Test func anUntaggedConditionAppliesItsPluginsOnlyDetectedIntent() throws {
        let p = try plan("moms", ["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { parenting = { terms = { "mom" } } },
              filters = function() return { { "has_children", "=", 1 } } end }
            """#])
        #expect(p.entries.map(\.terms) == [["mom"]])
        #expect(p.notApplied.isEmpty)
    }

    @Test func withSeveralIntentsUntaggedConditionsApplyNothingAndSaySo() throws {
        let p = try plan("budget students", ["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { budget = { terms = { "budget" } }, lifestyle = { terms = { "student" } } },
              filters = function() return { { "price_sensitivity", ">=", 0.6 } } end }
            """#])
        #expect(p.entries.first?.terms == [])
        #expect(p.notApplied.map(\.term) == ["budget", "student"])
        #expect(p.notApplied.first?.reason.contains("without saying which goal words they apply") == true)
    }

    @Test func taggedConditionsAndReasonsAreKept() throws {
        let p = try plan("budget fashion", ["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { budget = { terms = { "budget" } }, interests = { terms = { "fashion" } } },
              filters = function() return { { "price_sensitivity", ">=", 0.6, term = "budget" } }, { fashion = "no column" } end }
            """#])
        #expect(p.entries.map(\.terms) == [["budget"]])
        #expect(p.notApplied == [.init(category: "interests", term: "fashion", words: "fashion", reason: "p: no column")])
    }

    @Test func anIntentNoFiltersHookDeclaresIsReportedAsSuch() throws {
        let p = try plan("moms", ["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "", intents = { parenting = { terms = { "mom" } } } }
            """#])
        #expect(p.notApplied.first?.reason == "no plugin with a filters hook declares the parenting intent")
    }

    @Test func aConditionNamingAWordTheGoalDidNotMatchIsAPluginError() throws {
        #expect {
            _ = try plan("moms", ["p.lua": #"""
                return { name = "p", version = "1", api = 1, description = "",
                  intents = { parenting = { terms = { "mom", "dad" } } },
                  filters = function() return { { "gender", "=", "male", term = "dda" } } end }
                """#])
        } throws: { error in
            String(describing: error).contains("says it applies 'dda', which the goal did not match")
        }
    }
}
