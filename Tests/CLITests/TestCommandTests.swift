import Foundation
import Testing
import TestSupport

/// `persona-host test` against the built binary: output, exit codes and JSON.
@Suite struct TestCommandTests {
    static let plugin = """
        return {
          name = "tiny", version = "0.1.0", api = 1, description = "A tiny intent",
          intents = { tiny = { terms = { "tiny" } } },
        }
        """

    func folder(_ files: [String: String]) throws -> URL {
        let folder = try Support.temporaryFolder()
        try Support.write(["tiny/init.lua": Self.plugin].merging(files) { $1 }, in: folder)
        return folder
    }

    @Test func theShippedPluginsPassTheirOwnTests() throws {
        let result = try CLIRunner.run(["test", "plugins", "--require-tests"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix("passed, 0 failed"))
        #expect(!result.stdout.contains("no tests:"))
    }

    @Test func aFailureShowsWhereAndBothValuesAndExitsOne() throws {
        let folder = try folder(["tiny/tests/a_test.lua": """
            test.case("adds", function() test.equal(1 + 1, 2) end)
            test.case("wrong", function()
              test.equal(#{ "tiny" }, 2)
            end)
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["test", "tiny"], in: folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == ["ok   tiny/tests/a_test.lua: adds",
                          "FAIL tiny/tests/a_test.lua: wrong",
                          "     tiny/tests/a_test.lua:3: values differ",
                          "       expected: 2",
                          "       actual:   1",
                          "1 passed, 1 failed"])
    }

    @Test func jsonIsTheReportAlone() throws {
        let folder = try folder(["tiny/tests/a_test.lua": "test.case('x', function() test.truthy(false, 'nope') end)\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["test", "--json", "tiny/tests/a_test.lua"], in: folder)
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["passed"] as? Int == 0)
        #expect(json["failed"] as? Int == 1)
        let cases = try #require(json["cases"] as? [[String: Any]])
        let failure = try #require(cases.first?["failure"] as? [String: Any])
        #expect(failure["location"] as? String == "tiny/tests/a_test.lua:1")
        #expect(failure["message"] as? String == "nope")
    }

    @Test func exitCodesSayWhatWentWrong() throws {
        let folder = try folder(["broken/init.lua": "return {", "tiny/tests/a_test.lua": "test.case('x', function() end)\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try CLIRunner.run(["test", "."], in: folder)
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("broken"))
        #expect(broken.stdout.isEmpty)
        let missing = try CLIRunner.run(["test", "nowhere"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere: no such file or folder"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("broken"))
        try Support.write(["untested/init.lua": Self.plugin.replacingOccurrences(of: "tiny", with: "untested")], in: folder)
        let noted = try CLIRunner.run(["test", "."], in: folder)
        #expect(noted.status == 0)
        #expect(noted.stdout.contains("note no tests: untested"))
        let required = try CLIRunner.run(["test", ".", "--require-tests"], in: folder)
        #expect(required.status == 1)
        let explicit = try CLIRunner.run(["test", "untested"], in: folder)
        #expect(explicit.status == 2)
        #expect(explicit.stderr.contains("untested: no tests"))
    }
}
