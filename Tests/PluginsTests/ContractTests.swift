import Foundation
import Testing
import Builtins
import LuaBridge
@testable import Plugins
import TestSupport

/// The plugin contract is read and checked at load: what passes `plugins check` runs; what would
/// fail a run fails the check, every problem at once, with the file and line where it is written.
@Suite struct ContractTests {
    /// Loads `files` (path → source) as a plugins folder.
    func load(_ files: [String: String]) throws -> (PluginSet, URL) {
        let folder = try Support.temporaryFolder()
        try Support.write(files, in: folder)
        return (try PluginLoader().loadAll(from: folder), folder)
    }

    func problems(_ files: [String: String]) throws -> String {
        let (set, folder) = try load(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return set.failures.map(\.error.description).joined(separator: "\n")
    }

    static let domain = """
        return {
          name = "d", version = "1", api = 1, description = "",
          intents = { parenting = { terms = { "mom" } } },
          selected_by = { "parenting" },
          columns = { "privacy_pref", "price_sensitivity" },
          features = {
            concern = function(u)
              return u.privacy_prf * 0.4 + u.price_sensitivity * 0.6
            end,
          },
          persona = function(cluster) return { name = "P" .. cluster.index } end,
        }
        """

    @Test func aFormulaReadingAColumnItDoesNotDeclareFailsAtItsLine() throws {
        let text = try problems(["d/init.lua": Self.domain])
        #expect(text.contains("d/init.lua:8: features.concern reads u.privacy_prf, which is not in columns (did you mean 'privacy_pref'?)"))
    }

    @Test func tableFieldsAreReportedAtTheLineOfTheirKey() throws {
        let text = try problems(["d/init.lua": """
            return {
              name = "d", version = "1", api = 1, description = "",
              features = { f = function(u) return u.x end },
              clustering = {
                algorithm = "wardd",
                k = { min = 1, max = 3 },
              },
              persona = function() return { name = "x" } end,
            }
            """])
        #expect(text.contains("d/init.lua:5: clustering.algorithm must be 'kmeans', 'ward' or 'gmm', got 'wardd' (did you mean 'ward'?)"))
        #expect(text.contains("d/init.lua:6: clustering.k must satisfy 2 <= min <= max <= 50"))
    }

    /// A table built in another file (a required module) is located in that file, at its key.
    @Test func fieldsOfRequiredModulesAreLocatedInTheirFile() throws {
        let text = try problems([
            "f/init.lua": """
                local items = require "items"
                return { name = "f", version = "1", api = 1, description = "", ingredients = items, personas = {},
                  multipliers = { weights = function() end, preference = function() end, confidence = function() end,
                                  budget = function() end, limits = function() end } }
                """,
            "f/items.lua": """
                local function ph() return { min = 4, max = 7 } end
                return {
                  { id = "a", class = "x", concerns = { "c" }, efficacy = 5, safety = 9, bioavailability = 0.5, stability = 0.5,
                    ph = ph(), use_level = { min = 1, max = 2 }, cost_per_gram = 1, natural = true, incompatibilities = { "b" } },
                  { id = "b", class = "x", concerns = { "c" },
                    efficacy = "high", safety = 9, bioavailability = 0.5, stability = 0.5,
                    ph = ph(), use_level = { min = 1, max = 2 }, cost_per_gram = 1, natural = true },
                }
                """,
        ])
        #expect(text.contains(#"f/items.lua:6: ingredients[2].efficacy must be a number, got string "high""#))
        #expect(!text.contains("'b' is not the id of any ingredient"))   // b's own problem is reported once
    }

    @Test func formulationHooksAreTypedAtLoad() throws {
        let text = try problems(["f/init.lua": """
            return {
              name = "f", version = "1", api = 1, description = "",
              ingredients = {
                { id = "a", class = "x", concerns = { "c" }, efficacy = "high", safety = 9, bioavailability = 0.5,
                  stability = 0.5, ph = { min = 4, max = 7 }, use_level = { min = 1, max = 2 }, cost_per_gram = 1,
                  natural = true },
              },
              personas = {},
              multipliers = function() return 1 end,
            }
            """])
        #expect(text.contains(#"f/init.lua:4: ingredients[1].efficacy must be a number, got string "high""#))
        #expect(text.contains("f/init.lua:9: multipliers must be a table of rules"))
    }

    @Test func aSynonymMustStandForATerm() throws {
        let text = try problems(["s/init.lua": """
            return { name = "s", version = "1", api = 1, description = "",
              intents = { parenting = { terms = { "mom" }, synonyms = { mother = "mum" } } } }
            """])
        #expect(text.contains("intents.parenting.synonyms.mother stands for 'mum', which is not a term of parenting (did you mean 'mom'?)"))
    }

    @Test func pluginsAreCheckedAgainstEachOther() throws {
        let domain = #"version = "1", api = 1, description = "", features = { f = function(u) return u.x end }, persona = function() return { name = "x" } end"#
        let (set, folder) = try load([
            "a.lua": #"return { name = "a", default_domain = true, "# + domain + " }",
            "b.lua": #"return { name = "b", default_domain = true, "# + domain + " }",
            "c.lua": #"return { name = "c", selected_by = { "parentng" }, "# + domain + " }",
            "i.lua": #"return { name = "i", version = "1", api = 1, description = "", intents = { parenting = { terms = { "mom" } } } }"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(set.plugins.map(\.name) == ["i"])
        let text = set.failures.map(\.error.description).joined(separator: "\n")
        #expect(text.contains("only one plugin may be the default domain"))
        #expect(text.contains("selected_by names 'parentng', which no plugin declares as an intent (did you mean 'parenting'?)"))
    }

    @Test func theShippedPluginsKeepTheContract() throws {
        let set = try PluginLoader().loadAll(from: Support.plugins)
        #expect(set.failures.isEmpty, "\(set.failures.map(\.error.description))")
        let parenting = try #require(set.plugin(named: "parenting")?.contract.domain)
        #expect(parenting.clustering.algorithm == .ward)
        #expect(parenting.features.allSatisfy { $0.reads?.isComplete == true })
        let read = Set(parenting.features.flatMap { $0.reads?.fields ?? [] })
        #expect(read.isSubset(of: Set(parenting.declaredColumns ?? [])))
        let skincare = try #require(set.plugin(named: "skincare")?.contract.formulation)
        #expect(skincare.ingredients.count == 58)
        #expect(skincare.rules.baseConfidence == 0.7)
    }
}
