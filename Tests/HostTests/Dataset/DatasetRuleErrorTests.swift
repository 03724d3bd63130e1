import Foundation
import Testing
import TestSupport
@testable import Builtins
@testable import Host
@testable import Plugins

@Suite struct DatasetRuleErrorTests {
    func rules(_ source: String, in folder: URL) throws -> (DatasetRules, PluginLoader) {
        try Support.write(["plugins/p/init.lua": source], in: folder)
        let loader = PluginLoader()
        let set = try loader.loadAll(from: folder.appendingPathComponent("plugins"))
        #expect(set.failures.isEmpty, "\(set.failures.map(\.error.description))")
        return (try DatasetRules(from: set, named: nil), loader)
    }

    @Test func aFailingWhenNamesPluginRuleAndExampleLine() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rules, loader) = try rules("""
            return { name = "p", version = "1", api = 1, description = "d", tagging = {
              fallback = "chat",
              rules = { { persona = "coder", phrases = { "python" }, when = function(example, m)
                if m.words > 3 then error("too long") end
                return true
              end } },
            } }
            """, in: folder)
        let input = try DatasetFixture.write(to: folder)
        #expect {
            _ = try DatasetTagPipeline(rules: rules, loader: loader).run(.init(inputs: [input], output: folder.appendingPathComponent("o").path))
        } throws: { error in
            guard case .rule(let plugin, let rule, let file, let line, let message) = error as? DatasetError else { return false }
            let firstLongCoder = DatasetFixture.lines.firstIndex { $0.contains("longer answer") }! + 1
            return plugin == "p" && rule == "tagging.rules[1].when" && file == input && line == firstLongCoder && message.contains("too long")
                && (error as? DatasetError)?.exitStatus == .plugin
        }
    }

    @Test func theFunctionFormTagsEveryExampleInLua() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rules, loader) = try rules("""
            return { name = "p", version = "1", api = 1, description = "d",
              tagging = function(example, m)
                return { persona = example.source, traits = { m.words > 5 and "long" or "short" } }
              end }
            """, in: folder)
        let input = try DatasetFixture.write(to: folder)
        let report = try DatasetTagPipeline(rules: rules, loader: loader)
            .run(.init(inputs: [input], output: folder.appendingPathComponent("o").path, workers: 2))
        #expect(Dictionary(uniqueKeysWithValues: report.summary.personas.map { ($0.name, $0.count) }) == ["toolbench": 10, "alpaca": 40, "dolly": 50])
        #expect(Dictionary(uniqueKeysWithValues: report.summary.traits.map { ($0.name, $0.count) }) == ["long": 40, "short": 60])
    }

    @Test func aFunctionReturningNoPersonaIsARuleError() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rules, loader) = try rules("""
            return { name = "p", version = "1", api = 1, description = "d", tagging = function() return { traits = {} } end }
            """, in: folder)
        let input = try DatasetFixture.write(to: folder)
        #expect {
            _ = try DatasetTagPipeline(rules: rules, loader: loader).run(.init(inputs: [input], output: folder.appendingPathComponent("o").path))
        } throws: { "\($0)".contains("must return { persona") && "\($0)".contains(":1:") }
    }
}
