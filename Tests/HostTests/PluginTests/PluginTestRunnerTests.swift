import Foundation
import Testing
@testable import Host
import Plugins
import TestSupport

/// `persona-host test`'s runner: cases, assertions with where they failed, drivers through the
/// real pipelines, and what stops a run.
@Suite struct PluginTestRunnerTests {
    func run(_ files: [String: String], paths: ((URL) -> [URL])? = nil) throws -> PluginTestReport {
        let folder = try PluginTestFixtures.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try PluginTestTarget.find(paths?(folder) ?? [folder])
        return try PluginTestRunner(loader: PluginLoader()).run(found.targets, untested: found.untested)
    }

    func test(_ source: String) throws -> PluginTestReport {
        try run(["cycling/tests/a_test.lua": source])
    }

    @Test func passingAndFailingCasesAreReportedInOrderWithTheirLine() throws {
        let report = try test("""
            test.case("adds", function() test.equal(1 + 1, 2) end)
            test.case("wrong sum", function()
              test.equal({ a = 1, b = { 2, 3 } }, { a = 1, b = { 2, 4 } }, "tables differ")
            end)
            test.case("numbers by value", function() test.equal(3, 3.0) end)
            """)
        #expect(report.cases.map(\.name) == ["adds", "wrong sum", "numbers by value"])
        #expect(report.cases.map(\.passed) == [true, false, true])
        let failure = try #require(report.cases[1].failure)
        #expect(failure.location?.hasSuffix("cycling/tests/a_test.lua:3") == true)
        #expect(failure.message == "tables differ")
        #expect(failure.expected == "{ a = 1, b = { 2, 4 } }")
        #expect(failure.actual == "{ a = 1, b = { 2, 3 } }")
        #expect(report.summary == "2 passed, 1 failed")
    }

    @Test func everyAssertionFailsWhenItShould() throws {
        let report = try test("""
            test.case("near", function() test.near(0.5, 0.6, 0.05) end)
            test.case("truthy", function() test.truthy(nil) end)
            test.case("falsy", function() test.falsy(0) end)
            test.case("contains", function() test.contains({ "a", "b" }, "c") end)
            test.case("contains text", function() test.contains("hello world", "word") end)
            test.case("excludes", function() test.excludes({ 1, 2 }, 2.0) end)
            test.case("fails without error", function() test.fails(function() return 1 end) end)
            test.case("fails with other text", function() test.fails(function() error("boom") end, "bang") end)
            test.case("passes", function()
              test.near(0.5, 0.52, 0.05); test.truthy(0); test.falsy(false); test.contains({ { x = 1 } }, { x = 1 })
              test.contains("hello world", "world"); test.excludes({ 1 }, 2)
              test.equal(test.fails(function() error("boom!") end, "boom"):match("boom!$"), "boom!")
            end)
            """)
        #expect(report.cases.map(\.passed) == [false, false, false, false, false, false, false, false, true])
        for (line, test) in report.cases.dropLast().enumerated() {
            #expect(test.failure?.location?.hasSuffix("a_test.lua:\(line + 1)") == true, "\(test.name)")
        }
        #expect(report.cases[7].failure?.actual?.contains("boom") == true)
    }

    @Test func aFailureCaughtWithPcallStillFails() throws {
        let report = try test("""
            test.case("swallowed", function() pcall(test.equal, 1, 2) end)
            """)
        #expect(report.cases.first?.passed == false)
        #expect(report.cases.first?.failure?.expected == "2")
    }

    @Test func anErrorInACaseFailsItAndTheNextCaseStillRuns() throws {
        let report = try test("""
            test.case("nil index", function() local t = nil; return t.x end)
            test.case("endless", function() while true do end end)
            test.case("after", function() test.equal(1, 1) end)
            """)
        #expect(report.cases.map(\.passed) == [false, false, true])
        #expect(report.cases[0].failure?.location?.hasSuffix("a_test.lua:1") == true)
        #expect(report.cases[1].failure?.message.contains("instruction budget") == true)
    }

    @Test func aFileThatDoesNotRunOrDeclaresNothingIsOneFailure() throws {
        let report = try run(["cycling/tests/a_test.lua": "test.case('x', function() end\n",
                              "cycling/tests/b_test.lua": "local x = 1\n",
                              "cycling/tests/c_test.lua": "test.case('dup', function() end)\ntest.case('dup', function() end)\n"])
        #expect(report.cases.count == 3)
        #expect(report.cases.allSatisfy { !$0.passed && $0.name.isEmpty })
        #expect(report.cases[0].failure?.location?.hasSuffix("a_test.lua:2") == true)
        #expect(report.cases[1].failure?.message.contains("declares no test cases") == true)
        #expect(report.cases[2].failure?.message.contains("already declared") == true)
    }

    @Test func driversRunTheRealPipelines() throws {
        let report = try test("""
            test.case("reading", function()
              local r = test.goal("bikers")
              test.equal(r.detected, { "cycling" })
              test.equal(r.conditions, { "device_count >= 2" })
              test.equal(r.domain.plugin, "cycling")
            end)
            test.case("run", function()
              local r = test.goal("cyclists", { users = "users.csv", k = 2 })
              test.equal(r.matched_rows, 40)
              test.equal(#r.names, 2)
              test.equal(r.personas[1].size + r.personas[2].size, 40)
            end)
            test.case("feature", function()
              test.near(test.feature("thrift", { price_sensitivity = 0.3 }), 0.6, 1e-12)
              test.equal(test.features({ device_count = 4, price_sensitivity = 0.5 }), { gear = 0.5, thrift = 1.0 })
            end)
            test.case("persona", function()
              local p = test.persona({ z = { gear = -1.5, thrift = 0.2 }, index = 3 })
              test.equal(p.name, "Low gear 3")
              test.equal(p.traits, { top = "gear", size = 100 })
            end)
            test.case("formula error names the column", function()
              test.fails(function() test.feature("thrift", { device_count = 1 }) end, "u.price_sensitivity")
            end)
            test.case("no intent", function() test.fails(function() test.goal("gardeners") end, "gardeners") end)
            """)
        #expect(report.cases.filter { !$0.passed }.map { "\($0.name): \($0.failure?.message ?? "")" } == [])
    }

    @Test func driverMisuseIsAFailureNamingTheCall() throws {
        let report = try run(["outside.csv": PluginTestFixtures.users, "cycling/tests/a_test.lua": """
            test.case("option", function() test.goal("cyclists", { user = "users.csv" }) end)
            test.case("outside", function() test.goal("cyclists", { users = "../../outside.csv" }) end)
            test.case("missing", function() test.goal("cyclists", { users = "nope.csv" }) end)
            test.case("feature name", function() test.feature("gears", {}) end)
            test.case("no tagging", function() test.tag({}) end)
            """])
        #expect(report.cases.allSatisfy { !$0.passed })
        #expect(report.cases[0].failure?.message.contains("did you mean 'users'") == true)
        #expect(report.cases[1].failure?.message.contains("inside the plugin's folder") == true)
        #expect(report.cases[2].failure?.message.contains("no such file") == true)
        #expect(report.cases[3].failure?.message.contains("did you mean 'gear'") == true)
        #expect(report.cases[4].failure?.message.contains("no `tagging` hook") == true)
        #expect(report.cases.allSatisfy { $0.failure?.location?.contains("a_test.lua:") == true })
    }

    @Test func testsCanRequireThePluginsModules() throws {
        let report = try run(["cycling/util.lua": "return { double = function(x) return 2 * x end }",
                              "cycling/tests/a_test.lua": "local util = require('util')\ntest.case('m', function() test.equal(util.double(2), 4) end)\n"])
        #expect(report.cases.map(\.passed) == [true])
    }

    @Test func aBrokenPluginInTheFolderStopsTheRun() throws {
        #expect {
            _ = try run(["cycling/tests/a_test.lua": "test.case('x', function() end)", "broken/init.lua": "return {"])
        } throws: { error in
            guard let e = error as? PluginTestError, case .pluginsFailed(let failures) = e else { return false }
            return e.exitStatus == .plugin && failures.map(\.name) == ["broken"]
        }
    }

    @Test func pathsNameAFolderAPluginOrAFile() throws {
        let folder = try PluginTestFixtures.folder(["cycling/tests/a_test.lua": "", "cycling/tests/b_test.lua": "",
                                                    "cycling/tests/helper.lua": "", "other/init.lua": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try PluginTestTarget.find([folder])
        #expect(all.targets.map(\.files) == [["tests/a_test.lua", "tests/b_test.lua"]])
        #expect(all.untested == ["other"])
        #expect(try PluginTestTarget.find([folder.appendingPathComponent("cycling")]).targets.first?.files.count == 2)
        let one = try PluginTestTarget.find([folder.appendingPathComponent("cycling/tests/b_test.lua")])
        #expect(one.targets.first?.files == ["tests/b_test.lua"])
        #expect(one.targets.first?.pluginsFolder.standardizedFileURL.path == folder.standardizedFileURL.path)
        for bad in ["cycling/tests/helper.lua", "missing", "other"] {
            #expect(throws: PluginTestError.self) { try PluginTestTarget.find([folder.appendingPathComponent(bad)]) }
        }
    }

    @Test func theSameTestsGiveTheSameReport() throws {
        let files = ["cycling/tests/a_test.lua": """
            test.case("run", function()
              local r = test.goal("cyclists", { users = "users.csv", k = "2-3" })
              test.equal(r.names, {})
            end)
            test.case("random", function() test.equal(math.random(1000), -1) end)
            """]
        let folder = try PluginTestFixtures.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        func report() throws -> PluginTestReport {
            try PluginTestRunner(loader: PluginLoader()).run(try PluginTestTarget.find([folder]).targets)
        }
        let first = try report(), second = try report()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let a = String(decoding: try encoder.encode(first), as: UTF8.self), b = String(decoding: try encoder.encode(second), as: UTF8.self)
        #expect(a == b, "\(a)\n\(b)")
        #expect(first.failed == 2)
    }
}

/// The drivers of the learning and formulation rules, on the shipped plugins.
@Suite struct PluginTestRuleDriverTests {
    func run(_ source: String, plugin: String) throws -> PluginTestReport {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Support.plugins, to: folder.appendingPathComponent("plugins"))
        let tests = folder.appendingPathComponent("plugins/\(plugin)/tests")
        try? FileManager.default.removeItem(at: tests)
        try Support.write(["a_test.lua": source], in: tests)
        return try PluginTestRunner(loader: PluginLoader()).run(try PluginTestTarget.find([tests.appendingPathComponent("a_test.lua")]).targets)
    }

    @Test func rejectsTellsARefusalFromAPluginError() throws {
        let report = try run("""
            test.case("refused", function()
              test.rejects(function() test.feedback{ persona = "echo", type = "categorical", value = "too_formall" } end, "too_formall")
            end)
            test.case("not a refusal", function() test.rejects(function() error("plain") end) end)
            test.case("no error", function() test.rejects(function() end) end)
            test.case("wrong text", function()
              test.rejects(function() test.feedback{ persona = "echo", type = "categorical", value = "too_formall" } end, "nope")
            end)
            """, plugin: "conversation")
        #expect(report.cases.map(\.passed) == [true, false, false, false], "\(report.cases.map { $0.failure?.message ?? "" })")
        #expect(report.cases[0].failure == nil)
        #expect(report.cases[1].failure?.location?.hasSuffix("a_test.lua:4") == true)
        #expect(report.cases[1].failure?.message.contains("did not come from a driver") == true)
        #expect(report.cases[3].failure?.message.contains("does not say \"nope\"") == true)
    }

    @Test func feedbackAtLaterTimesAndLearningCarriesIntoTheCase() throws {
        let report = try run("""
            test.case("time and duplicates", function()
              local fb = { persona = "echo", type = "categorical", value = "too_formal" }
              local first = test.feedback(fb)
              test.equal(first.status, "applied")
              test.equal(test.feedback(fb).status, "duplicate")
              fb.time = "2026-01-03T00:00:00Z"
              test.equal(test.feedback(fb).status, "applied")
            end)
            test.case("a new case starts over", function()
              local out = test.feedback{ persona = "echo", type = "categorical", value = "too_formal" }
              test.equal(out.version, "v1.1")
            end)
            test.case("bad time", function()
              test.fails(function() test.feedback{ persona = "echo", type = "categorical", value = "too_formal", time = "soon" } end, "ISO 8601")
            end)
            """, plugin: "conversation")
        #expect(report.cases.filter { !$0.passed }.map { "\($0.name): \($0.failure?.message ?? "")" } == [])
    }

    @Test func driverErrorsNameTheDriverOnce() throws {
        let report = try run("""
            test.case("x", function() test.feedback{ persona = "nobody", type = "categorical", value = "too_formal" } end)
            """, plugin: "conversation")
        let message = try #require(report.cases.first?.failure?.message)
        #expect(message.hasPrefix("test.feedback: "))
        #expect(!message.dropFirst(15).contains("test.feedback:"))
    }
}

/// Tests run on the files a server validated, not on the folder as it is later.
@Suite struct PluginTestRunnerSourcesTests {
    @Test func givenSourcesTheTestsSeeTheFilesAsTheyWereRead() throws {
        let folder = try PluginTestFixtures.folder(["cycling/tests/a_test.lua": """
            test.case("named after the strongest feature", function()
              test.equal(test.persona({ z = { gear = 1 } }).name, "High gear 1")
            end)
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try PluginDiscovery.plugins(in: folder)
        let loader = PluginLoader()
        #expect(loader.load(found.sources).failures.isEmpty)   // the validating load reads the files
        // The folder changes after validation: the rule now names personas differently.
        let file = folder.appendingPathComponent("cycling/init.lua")
        let changed = PluginTestFixtures.cycling.replacingOccurrences(of: "\"High \"", with: "\"BROKEN \"")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        let targets = try PluginTestTarget.find([folder]).targets

        var validated = PluginTestRunner(loader: loader)
        validated.sources = found.sources
        #expect(try validated.run(targets).failed == 0)
        // Read from disk, the same tests see the change (so the check above could fail).
        #expect(try PluginTestRunner(loader: loader).run(targets).failed == 1)
    }
}
