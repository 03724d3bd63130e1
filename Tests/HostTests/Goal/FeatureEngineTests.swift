import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Feature formulas: traced formulas and row-by-row formulas agree with Lua, errors name the user,
/// and a formula sees the same environment whatever the table's size.
@Suite struct FeatureEngineTests {
    static let plugin = """
        return {
          name = "shapes", version = "1", api = 1, description = "",
          columns = { "a", "b", "kind" },
          features = {
            linear   = function(u) return u.a * 0.4 + u.b * 0.6 end,
            mixed    = function(u) return -(u.a - 3) ^ 2 / 4 + u.b % 3 - u.a // 2 end,
            branchy  = function(u) if u.kind == "x" then return u.a else return math.max(u.b, 2) end end,
          },
          persona = function(cluster) return { name = "S" .. cluster.index } end,
        }
        """

    func load(_ source: String = FeatureEngineTests.plugin) throws -> (Plugin, URL) {
        let folder = try Support.temporaryFolder()
        try Support.write(["shapes/init.lua": source], in: folder)
        let plugin = try PluginLoader().load(.folder(folder.appendingPathComponent("shapes")))
        return (plugin, folder)
    }

    func table(rows: Int) -> ColumnTable {
        ColumnTable(userIDs: (0..<rows).map { Int64($0 + 1000) },
                    numeric: ["a": (0..<rows).map { Double($0 % 17) - 4.5 }, "b": (0..<rows).map { Double($0 % 5) * 1.25 }],
                    text: ["kind": .init(name: "kind", (0..<rows).map { $0 % 3 == 0 ? "x" : "y" })])
    }

    func compute(_ plugin: Plugin, _ data: ColumnTable, engine: FeatureEngine = FeatureEngine(loader: PluginLoader())) throws -> FeatureEngine.Features {
        try engine.compute(plugin, domain: try #require(plugin.contract.domain), over: data, fields: ["a", "b", "kind"])
    }

    @Test func tracedAndPerRowEvaluationAgreeWithLua() throws {
        let (plugin, folder) = try load()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = table(rows: 300)
        var engine = FeatureEngine(loader: PluginLoader())
        let result = try compute(plugin, data, engine: engine)
        #expect(result.names == ["branchy", "linear", "mixed"])
        #expect(result.modes == ["linear": .traced, "mixed": .traced, "branchy": .perRow])
        #expect(result.reasons["branchy"]?.contains("not straight-line arithmetic") == true)
        // Every value equals calling the formula in Lua on that row.
        for feature in try #require(plugin.contract.domain).features {
            let expected = try plugin.sandbox.runtime.evaluateRows(feature.hook.function, columns: data, fields: ["a", "b", "kind"], rows: 0..<300)
            #expect(result.values[result.names.firstIndex(of: feature.name)!] == expected, "\(feature.name)")
        }
        // Two workers give the same numbers as one.
        engine.parallelThreshold = 10
        #expect(try compute(plugin, data, engine: engine).values == result.values)
    }

    /// A global changed by another hook during the run is never what a formula sees: formulas run
    /// in copies of the plugin loaded for the feature stage, below and above the two-core threshold.
    @Test func aFormulaSeesTheSameEnvironmentAtEverySize() throws {
        let (plugin, folder) = try load("""
            SCALE = 1
            return { name = "shapes", version = "1", api = 1, description = "",
              filters = function() SCALE = 1000 return {} end,
              features = { scaled = function(u) if u.kind then return u.a * SCALE end return 0 end },
              persona = function() return { name = "S" } end }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try plugin.call(try #require(plugin.contract.filters), [.table([:])])  // as a goal run does before features
        let small = try compute(plugin, table(rows: 2_000))
        let large = try compute(plugin, table(rows: 200_000))
        #expect(small.modes["scaled"] == .perRow)
        #expect(Array(large.values[0].prefix(2_000)) == small.values[0])
        #expect(small.values[0][0] == -4.5)   // SCALE as loaded, not as filters() left it
    }

    /// The copies a run loads for per-row formulas run the rules the run loaded, even if the file
    /// is edited on disk in between.
    @Test func copiesRunTheRulesTheRunLoadedEvenIfTheFileChanges() throws {
        let source = """
            return { name = "shapes", version = "1", api = 1, description = "", persona = function() return { name = "S" } end,
              features = { f = function(u) if u.kind then return u.a * FACTOR end return 0 end } }
            """
        let (plugin, folder) = try load("FACTOR = 2\n" + source)
        defer { try? FileManager.default.removeItem(at: folder) }
        try ("FACTOR = 1000\n" + source).write(to: folder.appendingPathComponent("shapes/init.lua"), atomically: true, encoding: .utf8)
        let values = try compute(plugin, table(rows: 10)).values[0]
        #expect(values[0] == -9)   // a = -4.5, FACTOR as first loaded
    }

    @Test func aFailingFormulaNamesPluginFormulaAndUser() throws {
        let (plugin, folder) = try load("""
            return { name = "shapes", version = "1", api = 1, description = "", persona = function() return { name = "S" } end,
              features = { score = function(u) if u.a > 3 then return u.missing.x end return 1 end } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try compute(plugin, table(rows: 50))
        } throws: { error in
            let text = String(describing: error)
            return text.contains("plugin 'shapes', formula 'score', user_id 1008")
                && text.contains("init.lua:2: u.missing is not a column this formula can read (columns: a, b, kind)")
        }
    }

    @Test func nonNumbersAndNonFiniteValuesAreRefused() throws {
        let (plugin, folder) = try load("""
            return { name = "shapes", version = "1", api = 1, description = "", persona = function() return { name = "S" } end,
              features = { ratio = function(u) return u.a / u.b end } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try compute(plugin, table(rows: 10))
        } throws: { error in
            String(describing: error).contains("formula 'ratio', user_id 1000: returned -inf, not a finite number")
        }
    }
}
