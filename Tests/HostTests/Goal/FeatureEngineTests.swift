import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Feature formulas: traced formulas and row-by-row formulas agree with Lua, errors name the user.
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

    @Test func tracedAndPerRowEvaluationAgreeWithLua() throws {
        let (plugin, folder) = try load()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = table(rows: 300)
        var engine = FeatureEngine(loader: PluginLoader())
        let result = try engine.compute(plugin, over: data)
        #expect(result.names == ["branchy", "linear", "mixed"])
        #expect(result.modes == ["linear": .traced, "mixed": .traced, "branchy": .perRow])
        // Every value equals calling the formula in Lua on that row.
        for name in result.names {
            let formula = try #require(plugin.hook(.features)[name].functionValue)
            let expected = try plugin.sandbox.runtime.evaluateRows(formula, columns: data, fields: ["a", "b", "kind"], rows: 0..<300)
            #expect(result.values[result.names.firstIndex(of: name)!] == expected, "\(name)")
        }
        // Two workers give the same numbers as one.
        engine.parallelThreshold = 10
        #expect(try engine.compute(plugin, over: data).values == result.values)
    }

    @Test func aFailingFormulaNamesPluginFormulaAndUser() throws {
        let (plugin, folder) = try load("""
            return { name = "shapes", version = "1", api = 1, description = "",
              features = { score = function(u) if u.a > 3 then return u.missing.x end return 1 end } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try FeatureEngine(loader: PluginLoader()).compute(plugin, over: table(rows: 50))
        } throws: { error in
            let text = String(describing: error)
            return text.contains("plugin 'shapes', formula 'score', user_id 1008")
                && text.contains("init.lua:2: attempt to index a nil value (field 'missing')")
        }
    }

    @Test func nonNumbersAndNonFiniteValuesAreRefused() throws {
        let (plugin, folder) = try load("""
            return { name = "shapes", version = "1", api = 1, description = "",
              features = { ratio = function(u) return u.a / u.b end } }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try FeatureEngine(loader: PluginLoader()).compute(plugin, over: table(rows: 10))
        } throws: { error in
            String(describing: error).contains("formula 'ratio', user_id 1000: returned -inf, not a finite number")
        }
    }
}
