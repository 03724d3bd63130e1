import Foundation
import Testing
import Builtins
import TestSupport

/// `persona-host data …` and `runs show` as a user types them: messages and exit codes.
@Suite struct DataCommandTests {
    @Test func generateImportAndStatsReportClearlyAndFailCleanly() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("d.sqlite").path
        #expect(try CLIRunner.run(["data", "generate", "--rows", "300", "--db", db]).status == 0)
        let again = try CLIRunner.run(["data", "generate", "--rows", "300", "--db", db])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--replace"))

        try Support.write(["bad.csv": "user_id,age,score\n9001,30,1.5\n9002,abc,2\n",
                           "ok.csv": "user_id,age,score\n9001,30,1.5\n9002,31,2\n"], in: folder)
        let bad = try CLIRunner.run(["data", "import", folder.appendingPathComponent("bad.csv").path, "--db", db])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.csv:3: column 'age': 'abc' is not an integer"))
        let ok = try CLIRunner.run(["data", "import", folder.appendingPathComponent("ok.csv").path, "--db", db])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("kept extra column score (REAL)"))

        let stats = try CLIRunner.run(["data", "stats", "--json", "--db", db])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["rows"] as? Int == 302)

        let missing = try CLIRunner.run(["runs", "show", "42", "--db", db])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no run with id 42"))
    }
}
