import Testing
@testable import Host
import Plugins

/// The `test` API the runner gives test files is the one the editor types and luacheck know.
@Suite struct TestAPISchemaTests {
    @Test func theSchemaNamesEveryFunctionOfTheRunnersTestTable() throws {
        guard case .table(_, let entries) = HostAPISchema.test.kind else {
            Issue.record("HostAPISchema.test is not a table")
            return
        }
        #expect(entries.map(\.name).sorted() == TestSession.functions.sorted())
        #expect(HostAPISchema.testGlobals.map(\.name) == ["test"])
    }

    @Test func theRunnersTestTableHoldsExactlyTheDeclaredFunctions() throws {
        let report = try PluginTestRunnerTests().run(["cycling/tests/a_test.lua": """
            test.case("names", function()
              local names = {}
              for k, v in pairs(test) do
                test.equal(type(v), "function")
                names[#names + 1] = k
              end
              table.sort(names)
              test.equal(names, { \(TestSession.functions.sorted().map { "\"\($0)\"" }.joined(separator: ", ")) })
            end)
            """])
        #expect(report.cases.first?.passed == true, "\(String(describing: report.cases.first?.failure))")
    }
}
