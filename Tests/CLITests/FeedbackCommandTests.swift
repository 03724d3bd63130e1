import Foundation
import Testing
import Builtins
import TestSupport

/// `interactions add`, `feedback add|import`, `persona history|rollback|show` as a user runs them.
struct FeedbackCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("learning.sqlite").path
        // An explicit --db must exist before a learning command writes to it.
        let created = try CLIRunner.run(["data", "init", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Result { try CLIRunner.run(arguments + ["--db", db]) }

    @Test func feedbackMovesATraitAndSaysSo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let logged = try run(["interactions", "add", "--persona", "echo", "--input", "Reply to Sam",
                              "--output", "Dear Sam, I would be delighted to attend."])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let given = try run(["feedback", "add", "--persona", "echo", "--interaction", "1", "--type", "categorical", "--value", "too_formal"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("echo v1.1: formality 0.62 → 0.60"))
        let again = try run(["feedback", "add", "--persona", "echo", "--interaction", "1", "--type", "categorical", "--value", "too_formal"])
        #expect(again.stdout.contains("duplicate"))

        let history = try run(["persona", "history", "echo", "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(versions.compactMap { $0["version"] as? String } == ["v1.0", "v1.1"])
        #expect((versions[1]["feedback"] as? [String])?.first?.contains("too_formal") == true)

        let rollback = try run(["persona", "rollback", "echo", "--to", "v1.0"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.contains("formality 0.60 → 0.62"))
        let shown = try run(["persona", "show", "echo", "--json"])
        let view = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(view["version"] as? String == "v1.2")
    }

    @Test func aBadImportLineNamesItsLineAndAppliesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("feedback.jsonl")
        try """
            {"persona": "echo", "type": "categorical", "value": "too_long", "id": "a"}
            {"persona": "echo", "type": "categorical", "value": "too_formal", "id": "b"}
            {"persona": "echo", "type": "ratin", "value": 4, "id": "c"}
            """.write(to: file, atomically: true, encoding: .utf8)
        let failed = try run(["feedback", "import", file.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("feedback.jsonl:3"))
        #expect(failed.stderr.contains("did you mean 'rating'"))
        let history = try run(["persona", "history", "echo"])
        #expect(history.stdout.contains("has not learned anything yet"))

        try """
            {"persona": "echo", "type": "categorical", "value": "too_long", "id": "a"}
            not json
            """.write(to: file, atomically: true, encoding: .utf8)
        let malformed = try run(["feedback", "import", file.path])
        #expect(malformed.status == 2)
        // Was "feedback.jsonl:2: not a JSON object" for every kind of problem; now it says where and what.
        #expect(malformed.stderr.contains("feedback.jsonl:2:1: expected a JSON value"))
        #expect(malformed.stderr.contains("found 'not'"))
    }

    /// Imports `lines` (joined by `separator`) and returns the result.
    func importing(_ lines: [String], separator: String = "\n", prefix: String = "") throws -> CLIRunner.Result {
        let file = folder.appendingPathComponent("feedback.jsonl")
        try Data((prefix + lines.joined(separator: separator)).utf8).write(to: file)
        return try run(["feedback", "import", file.path])
    }

    static let good = #"{"persona": "echo", "type": "categorical", "value": "too_long", "id": "a"}"#

    @Test func anInteractionNumberOutOfRangeIsAClearErrorNotACrash() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for (given, shown) in [("99999999999999999999999", "1e+23"), ("9223372036854775808", "9223372036854775808"),
                               ("1e19", "1e+19"), ("0", "0"), ("-3", "-3"), ("2.5", "2.5"), ("\"7\"", "\"7\"")] {
            let result = try importing([Self.good, Self.good.replacingOccurrences(of: #""id": "a""#, with: #""id": "b""#),
                                        #"{"persona": "echo", "type": "rating", "value": 4, "interaction": \#(given)}"#])
            #expect(result.status == 2, "\(given): \(result.stderr)")
            #expect(result.stderr.contains(#"feedback.jsonl:3: "interaction" must be a whole number from 1 to 9223372036854775807, got \#(shown)"#),
                    "\(given): \(result.stderr)")
        }
        #expect(try run(["persona", "history", "echo"]).stdout.contains("has not learned anything yet"))
    }

    @Test func aNumericIdKeepsAllItsDigits() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Both ids round to the same Double: read as Doubles, the second was taken for a duplicate.
        let result = try importing([#"{"persona": "echo", "type": "categorical", "value": "too_long", "id": 12345678901234567890}"#,
                                    #"{"persona": "echo", "type": "categorical", "value": "too_long", "id": 12345678901234567891}"#])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 feedback: 2 applied"))
    }

    @Test func windowsLineEndsAndAByteOrderMarkAreRead() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try importing([Self.good, #"{"persona": "echo", "type": "freeform", "value": "too many big words", "id": "b"}"#, ""],
                                   separator: "\r\n", prefix: "\u{FEFF}")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 feedback: 2 applied"))
    }

    @Test func eachKindOfBadLineSaysWhatIsWrong() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            (#"{"persona": "echo", "type": "rating", "value": 1e400}"#, "feedback.jsonl:2:48: number 1e400 is out of range"),
            (#"{"persona": "echo", "type": "rating", "value": NaN}"#, "feedback.jsonl:2:48: NaN is not JSON"),
            (#"{"persona": "echo", "type": "rating", "value": "#  + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}",
             "feedback.jsonl:2:79: nesting deeper than 32 levels"),
            (#"{"persona": "echo" "type": "rating", "value": 4}"#, #"feedback.jsonl:2:20: expected ',' or '}' after field "persona""#),
            (#"["echo", "rating", 4]"#, "feedback.jsonl:2: a line must be a JSON object"),
            (#"{"persona": "echo", "type": "rating", "valeu": 4}"#, #"feedback.jsonl:2: unknown field "valeu" (did you mean 'value'?)"#),
            (#"{"persona": "echo", "type": "rating"}"#, #"feedback.jsonl:2: "value" is missing"#),
            (#"{"persona": "echo", "type": "rating", "value": 4, "time": "yesterday"}"#, #"feedback.jsonl:2: "time" must be an ISO 8601 date"#),
            (#"{"persona": "echo", "type": "rating", "value": 4, "target": 5}"#, #"feedback.jsonl:2: "target" must be a string or null, got 5"#),
            (#"{"persona": "echo", "type": "rating", "value": 4, "value": 5}"#, #"feedback.jsonl:2:51: field "value" appears twice"#),
        ]
        for (line, message) in cases {
            let result = try importing([Self.good, line])
            #expect(result.status == 2, "\(line): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(line): \(result.stderr)")
            #expect(result.stderr.contains("nothing was applied"))
        }
        #expect(try run(["persona", "history", "echo"]).stdout.contains("has not learned anything yet"))
    }

    @Test func everyBadLineIsReportedBeforeAnythingIsApplied() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = (0..<30).map { #"{"persona": "echo", "type": "categorical", "value": "too_long", "id": "g\#($0)"}"# }
        lines[3] = #"{"persona": "echo", "type": "categorical", "value": "too_long", "interaction": 77}"#
        lines[20] = #"{"persona": "ecko", "type": "categorical", "value": "too_long"}"#
        lines[29] = #"{"persona": "echo", "type": "categorical", "value": "too_long", "time": "2026-13-01T00:00:00Z"}"#
        let result = try importing(lines)
        #expect(result.status == 2)
        #expect(result.stderr.contains(#"feedback.jsonl:30: "time" must be an ISO 8601 date"#), "\(result.stderr)")
        // The JSON and field problems stop the import before the plugins are even asked.
        #expect(!result.stderr.contains("feedback.jsonl:4:"))
        lines[29] = Self.good
        let second = try importing(lines)
        #expect(second.status == 2)
        #expect(second.stderr.contains("feedback.jsonl:4: no interaction 77"), "\(second.stderr)")
        #expect(second.stderr.contains("feedback.jsonl:21: unknown persona 'ecko' (did you mean 'echo'?)"), "\(second.stderr)")
        #expect(second.stderr.contains("feedback.jsonl: 2 problems; nothing was applied"), "\(second.stderr)")
        #expect(try run(["persona", "history", "echo"]).stdout.contains("has not learned anything yet"))
    }

    @Test func aTypoInAFeedbackValueIsTheUsersErrorNotThePlugins() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let typo = try run(["feedback", "add", "--persona", "echo", "--type", "categorical", "--value", "too_formall"])
        #expect(typo.status == 2, "\(typo.stderr)")
        #expect(typo.stderr.contains("--value: unknown categorical feedback 'too_formall' (did you mean 'too_formal'?)"))
        let rating = try run(["feedback", "add", "--persona", "echo", "--type", "rating", "--value", "4"])
        #expect(rating.status == 2)
        #expect(rating.stderr.contains("--value: a rating needs the interaction it rates"))
        let imported = try importing([Self.good, #"{"persona": "echo", "type": "categorical", "value": "too_formall"}"#])
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("feedback.jsonl:2: unknown categorical feedback 'too_formall' (did you mean 'too_formal'?)"))
        #expect(imported.stderr.contains("nothing was applied"))
        #expect(try run(["persona", "history", "echo"]).stdout.contains("has not learned anything yet"))
    }

    @Test func aValueThatLooksLikeJSONMustBeJSON() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try run(["feedback", "add", "--persona", "echo", "--type", "comparative", "--value", #"{"chosen": "a", "rejected" "b"}"#])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(#"--value: column 28: expected ':' after the field name "rejected""#), "\(broken.stderr)")
        let huge = try run(["feedback", "add", "--persona", "echo", "--type", "rating", "--value", "1e400"])
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("out of range"))
        let context = try run(["interactions", "add", "--persona", "echo", "--input", "a", "--output", "b", "--context", "[1]"])
        #expect(context.status == 2)
        #expect(context.stderr.contains("--context must be a JSON object"))
    }

    @Test func anImportAppliesOnceAndReportsDuplicatesTheSecondTime() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("feedback.jsonl")
        try """
            {"persona": "echo", "type": "categorical", "value": "too_long", "id": "a"}
            {"persona": "echo", "type": "freeform", "value": "too many big words", "id": "b"}
            """.write(to: file, atomically: true, encoding: .utf8)
        let first = try run(["feedback", "import", file.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 applied"))
        let second = try run(["feedback", "import", file.path])
        #expect(second.stdout.contains("2 duplicate"))
    }

    @Test func aLoggedFormulaTakesAnOutcome() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let formulated = try run(["run", "formulate", "--persona", "anti_aging", "--concerns", "wrinkles", "--log", "--json"])
        #expect(formulated.status == 0, "\(formulated.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(formulated.stdout.utf8)) as? [String: Any])
        let id = try #require(json["interaction_id"] as? Int)
        let outcome = try run(["feedback", "add", "--persona", "anti_aging", "--interaction", String(id), "--type", "outcome", "--json",
                               "--value", #"{"efficacy": 8, "safety": 9, "user_satisfaction": 7}"#])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(result["status"] as? String == "pending")
        let used = (json["ingredients"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        let traits = (result["signals"] as? [[String: Any]])?.compactMap { $0["trait"] as? String } ?? []
        #expect(traits == used.map { "multiplier.\($0)" })
    }

    @Test func lookingAtPersonasCreatesNoDatabase() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugins = Support.repository.appendingPathComponent("plugins").path
        for arguments in [["persona", "show", "echo"], ["persona", "history", "echo"], ["persona", "show", "sensitive_skin"],
                          ["run", "formulate", "--persona", "acne_prone", "--concerns", "acne"]] {
            let result = try CLIRunner.run(arguments + ["--plugins", plugins], in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["learning.sqlite"], "created \(files)")   // the test's own database, and nothing else
    }
}
