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
        #expect(given.stdout.contains("echo v1.1: formality 0.62 → 0.6"))
        let again = try run(["feedback", "add", "--persona", "echo", "--interaction", "1", "--type", "categorical", "--value", "too_formal"])
        #expect(again.stdout.contains("duplicate"))

        let history = try run(["persona", "history", "echo", "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(versions.compactMap { $0["version"] as? String } == ["v1.0", "v1.1"])
        #expect((versions[1]["feedback"] as? [String])?.first?.contains("too_formal") == true)

        let rollback = try run(["persona", "rollback", "echo", "--to", "v1.0"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.contains("formality 0.6 → 0.62"))
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
        #expect(malformed.stderr.contains("feedback.jsonl:2: not a JSON object"))
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
        // An explicit --db must exist before a command writes to it (a typo never makes a new file).
        #expect(try run(["run", "formulate", "--persona", "anti_aging", "--concerns", "wrinkles", "--log"]).status == 2)
        #expect(try CLIRunner.run(["data", "init", "--db", db]).status == 0)
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
        #expect(files.isEmpty, "created \(files)")
    }
}
