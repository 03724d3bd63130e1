import Foundation
import Testing
import TestSupport

/// What `run goal` prints, through the built binary: a table that fits 80 columns when piped,
/// `--wide`, colour only where it belongs, `--members -` alone on stdout, the few-users warning.
@Suite(.serialized) struct GoalOutputTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("users.sqlite").path
        let generated = try CLIRunner.run(["data", "generate", "--rows", "5000", "--seed", "7", "--db", db])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    func goal(_ goal: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(["run", "goal", goal, "--db", db] + extra, environment: environment)
    }

    func json(_ result: CLIRunner.Result) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    /// Runs the binary on a pseudo-terminal (util-linux `script`), as a person at a terminal would.
    func onTerminal(_ arguments: [String], environment: [String: String]) throws -> String {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "util-linux script is needed to give the binary a terminal")
        let quoted = ([CLIRunner.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        // stderr (progress lines, drawn on a terminal) is left out: only stdout is looked at.
        process.arguments = ["-qec", quoted.joined(separator: " ") + " 2>/dev/null", "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: ["Gen Z Moms", "budget families"])
    func everyLineFitsEightyColumnsWhenPiped(goal: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try self.goal(goal, environment: ["COLUMNS": "200"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(line.count <= 80, "\(line.count): \(line)") }
        let header = try #require(lines.first { $0.hasPrefix("#  PERSONA") })
        #expect(header.hasSuffix("USERS  SHARE  SET APART BY"))
        let personas = try #require(json(try self.goal(goal, ["--json"]))["personas"] as? [[String: Any]])
        let rows = lines.filter { $0.first?.isNumber == true }
        #expect(rows.count == personas.count)
        // The traits are an indented block under each row, not on it.
        #expect(rows.allSatisfy { !$0.contains("parenting_style") })
        #expect(lines.contains { $0.hasPrefix("   ") && $0.contains("parenting_style:") })
    }

    @Test func wideKeepsTraitsOnTheRow() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try goal("budget families", ["--wide"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("#  PERSONA") && $0.hasSuffix("TRAITS") })
        let rows = lines.filter { $0.first?.isNumber == true }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("parenting_style:") && $0.contains("(z ") })
    }

    @Test func colourOnlyWhenAskedOrOnATerminalWithoutNoColor() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let escape = "\u{1B}["
        #expect(!(try goal("budget families")).stdout.contains("\u{1B}"))
        #expect(!(try goal("budget families", ["--color", "auto"], environment: ["NO_COLOR": "1"])).stdout.contains("\u{1B}"))
        #expect(try goal("budget families", ["--color", "always"]).stdout.contains(escape))
        let json = try goal("budget families", ["--json", "--color", "always"])
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(self.json(json)["personas"] != nil)
        // On a terminal, auto colours, unless NO_COLOR is set or TERM is dumb.
        let arguments = ["run", "goal", "budget families", "--db", db]
        #expect(try onTerminal(arguments, environment: ["NO_COLOR": "", "TERM": "xterm"]).contains(escape + "1m#  PERSONA"))
        #expect(!(try onTerminal(arguments, environment: ["NO_COLOR": "1", "TERM": "xterm"])).contains(escape))
        #expect(!(try onTerminal(arguments, environment: ["NO_COLOR": "", "TERM": "dumb"])).contains(escape))
    }

    @Test func membersToStdoutPrintsTheCSVAlone() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try goal("budget families", ["--members", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "user_id,persona_index,persona")
        #expect(lines.last == "")
        let records = lines.dropFirst().dropLast()
        #expect(records.allSatisfy { $0.wholeMatch(of: /\d+,\d+,"[^"]+"/) != nil })
        let matched = try #require(json(try goal("budget families", ["--json"]))["matched_rows"] as? Int)
        #expect(records.count == matched)
        // What the table would have said goes to stderr, so the CSV stays alone on stdout.
        let few = try goal("Gen Z Moms", ["--members", "-"])
        #expect(few.stdout.hasPrefix("user_id,persona_index,persona\n"))
        #expect(!few.stdout.contains("Warning"))
        #expect(few.stderr.contains("persona-host: warning: only "))
    }

    @Test func aRunOnFewUsersSaysSoInTextAndJSON() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let few = try goal("Gen Z Moms", ["--json"])
        let matched = try #require(json(few)["matched_rows"] as? Int)
        #expect(matched < 500)
        let warnings = try #require(json(few)["warnings"] as? [String])
        #expect(warnings == ["only \(matched) users matched (fewer than 500): personas from so few users may not hold up on other data; widen the goal or add users"])
        let text = try goal("Gen Z Moms")
        #expect(text.stdout.contains("Warning: only \(matched) users matched (fewer than 500)"))
        // Saved with the run, and shown again.
        let id = try #require(json(few)["run_id"] as? Int)
        let shown = try CLIRunner.run(["runs", "show", String(id), "--json", "--db", db])
        #expect((json(shown)["warnings"] as? [String]) == warnings)
        // Enough users: no warning.
        let many = json(try goal("budget families", ["--json"]))
        #expect((many["matched_rows"] as? Int ?? 0) >= 500)
        #expect((many["warnings"] as? [String]) == [])
    }
}
