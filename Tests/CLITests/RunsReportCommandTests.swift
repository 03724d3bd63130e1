import Foundation
import Testing
import Builtins
import TestSupport

/// `runs report` against the built binary: the file is written (and only replaced with --force),
/// an unknown run is the user's error.
@Suite(.serialized) struct RunsReportCommandTests {
    @Test func writesTheFileRefusesToOverwriteAndAnUnknownRunIsExit2() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("users.sqlite").path
        func cli(_ arguments: [String]) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments + ["--db", db, "--plugins", Support.plugins.path], in: folder)
        }
        #expect(try CLIRunner.run(["data", "generate", "--rows", "3000", "--seed", "7", "--db", db]).status == 0)
        let goal = try cli(["run", "goal", "moms", "--json"])
        #expect(goal.status == 0, "\(goal.stderr)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(goal.stdout.utf8)) as? [String: Any])?["run_id"] as? Int)

        let written = try cli(["runs", "report", String(id)])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "run-\(id).html\n")
        let file = folder.appendingPathComponent("run-\(id).html")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<article class=\"persona\""))
        // An ordinary file, readable by others as the umask allows (not the temporary file's 0600).
        let mask = umask(0)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == Int(0o666 & ~mask))

        try Data("keep me".utf8).write(to: file)
        let refused = try cli(["runs", "report", String(id)])
        #expect(refused.status == 2 && refused.stderr.contains("already exists; pass --force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        let forced = try cli(["runs", "report", String(id), "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == html)

        let stdout = try cli(["runs", "report", String(id), "-o", "-"])
        #expect(stdout.status == 0 && stdout.stdout == html)
        // Nothing but the report and the database is left in the folder (no temporary file).
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("users.sqlite") }
        #expect(names == ["run-\(id).html"])

        let unknown = try cli(["runs", "report", "999"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no run with id 999"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("run-999.html").path))
    }
}
