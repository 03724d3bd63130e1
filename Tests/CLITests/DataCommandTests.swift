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

/// `persona-host data stats` on a small table whose figures are worked out by hand.
@Suite struct DataStatsTests {
    let folder: URL
    let db: String

    /// Imports `Tests/Fixtures/csv/stats_small.csv`: ages 20, 30, 40, 50 and a NULL; scores
    /// 0.5, 1.5, 2.5, 3.5 and a NULL; genders female ×3, male, NULL.
    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("s.sqlite").path
        let imported = try CLIRunner.run(["data", "import", Support.fixture("csv/stats_small.csv").path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func stats(_ arguments: [String] = [], plugins: URL = Support.plugins) throws -> CLIRunner.Result {
        try CLIRunner.run(["data", "stats", "--db", db, "--plugins", plugins.path] + arguments)
    }

    func columns(_ result: CLIRunner.Result) throws -> [String: [String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let list = try #require(json["columns"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "?", $0) })
    }

    @Test func percentilesIntegersAndTruncatedValuesInText() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try stats(["--values", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        // 20 30 40 50: p25 at rank 0.75, median at 1.5, p75 at 2.25; sd √125 = 11.18.
        let age = try #require(lines.firstIndex(of: "age  INTEGER  4 non-null, 1 NULL"))
        #expect(lines[age + 1] == "  min 20  p25 27.5  median 35  p75 42.5  max 50  mean 35  sd 11.18")
        // A REAL column: 0.5 1.5 2.5 3.5, sd √1.25 = 1.12.
        let score = try #require(lines.firstIndex(of: "score  REAL  4 non-null, 1 NULL"))
        #expect(lines[score + 1] == "  min 0.5  p25 1.25  median 2  p75 2.75  max 3.5  mean 2  sd 1.12")
        let gender = try #require(lines.firstIndex(of: "gender  TEXT  4 non-null, 1 NULL"))
        #expect(lines[gender + 1] == "  2 distinct: female 3, … and 1 more")
        #expect(lines.contains("  no values: every row is NULL"))   // privacy_pref, never imported
        #expect(lines[age + 2].hasPrefix("  read by: audience (filters), parenting (clustering.profile)"))
        #expect(lines[gender + 2] == "  read by: parenting (filters)")
        #expect(lines.contains("  read by: parenting (columns, features), tech_adoption (columns, features)"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(!result.stdout.contains("Note:"))
    }

    @Test func jsonKeepsRawNumbersAndAddsTheNewFields() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try stats(["--json", "--values", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["rows"] as? Int == 5)
        #expect(json["read_by_complete"] as? Bool == true)
        #expect((json["read_by_notes"] as? [Any])?.isEmpty == true)
        let columns = try columns(result)
        let age = try #require(columns["age"])
        #expect(age["nulls"] as? Int == 1 && age["non_null"] as? Int == 4)
        #expect(age["min"] as? Double == 20 && age["p25"] as? Double == 27.5 && age["median"] as? Double == 35)
        #expect(age["p75"] as? Double == 42.5 && age["max"] as? Double == 50 && age["mean"] as? Double == 35)
        #expect(abs((age["sd"] as? Double ?? 0) - 125.0.squareRoot()) < 1e-12)
        let gender = try #require(columns["gender"])
        #expect(gender["distinct"] as? Int == 2 && gender["values_omitted"] as? Int == 1)
        let values = try #require(gender["values"] as? [[String: Any]])
        #expect(values.count == 1 && values.first?["value"] as? String == "female" && values.first?["count"] as? Int == 3)
        #expect(gender["min"] == nil)
        let readers = try #require(columns["privacy_pref"]?["read_by"] as? [[String: Any]])
        #expect(readers.compactMap { $0["plugin"] as? String } == ["audience", "parenting", "tech_adoption"])
        #expect(readers.first?["via"] as? [String] == ["filters"])
        #expect(columns["score"]?["read_by"] as? [Any] != nil)
        #expect((columns["score"]?["read_by"] as? [Any])?.isEmpty == true)
    }

    @Test func brokenPluginsLeaveTheStatsButSayTheReadersAreIncomplete() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let mixed = Support.fixture("plugins-mixed")
        let text = try stats(plugins: mixed)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  min 20  p25 27.5  median 35  p75 42.5  max 50  mean 35  sd 11.18"))
        let flat = text.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("Note: which plugins read each column is incomplete: plugin broken_runtime failed to load ("))
        // The plugins that loaded still say what they read, including columns the table lacks.
        #expect(flat.contains("Read by plugins but not in the table: a (alpha: features)"))
        #expect(flat.contains("missing (beta: features)"))

        let json = try stats(["--json"], plugins: mixed)
        #expect(json.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(parsed["read_by_complete"] as? Bool == false)
        let notes = try #require(parsed["read_by_notes"] as? [String])
        #expect(notes.contains { $0.contains("plugin broken_syntax failed to load") })
        #expect(json.stderr.contains("warning: which plugins read each column is incomplete"))
        #expect(try columns(json)["age"]?["median"] as? Double == 35)
    }

    @Test func longValuesWrapOntoIndentedLinesWithinEightyColumns() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let words = Array(repeating: "lorem ipsum", count: 12).joined(separator: " ")   // 143 characters
        let unbroken = String(repeating: "x", count: 100)
        try Support.write(["long.csv": "user_id,note\n10,\(words)\n11,\(unbroken)\n12,\(unbroken)\n"], in: folder)
        let imported = try CLIRunner.run(["data", "import", folder.appendingPathComponent("long.csv").path, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try stats()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let note = try #require(lines.firstIndex(of: "note  TEXT  3 non-null, 5 NULL"))
        #expect(lines[note + 1].hasPrefix("  2 distinct: xxxx"))
        #expect(lines[note + 2].hasPrefix("    "))
        let block = lines[(note + 1)...].prefix { !$0.hasPrefix("  read by") }.joined()
        #expect(block.filter { $0 == "x" }.count == 100)
        #expect(block.contains("lorem ipsum lorem"))
    }

    @Test func aNamedPluginsFolderMustExist() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try stats(plugins: folder.appendingPathComponent("no-such-folder"))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no-such-folder: no such plugin, plugins folder or file"))
    }

    @Test func aNegativeValuesLimitIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try stats(["--values=-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--values must be 0 or more"))
    }
}
