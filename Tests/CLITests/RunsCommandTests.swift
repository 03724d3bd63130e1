import Foundation
import Testing
import Builtins
import TestSupport

/// `runs show/export/diff/delete` against the built binary: generated users, two goal runs.
@Suite(.serialized) struct RunsCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("users.sqlite").path
        let generated = try CLIRunner.run(["data", "generate", "--rows", "4000", "--seed", "7", "--db", db])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    func cli(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--db", db], in: folder)
    }

    func json(_ arguments: [String]) throws -> (CLIRunner.Result, Any?) {
        let result = try cli(arguments + ["--json"])
        return (result, try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    }

    /// Runs `run goal` with `extra` and returns the saved run's id.
    func goal(_ extra: [String] = []) throws -> Int64 {
        let (result, object) = try json(["run", "goal", "Gen Z Moms"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return Int64(try #require((object as? [String: Any])?["run_id"] as? Int))
    }

    @Test func showGivesTimeDataPluginsAndSettingsAndNoticesChangedUsers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let members = folder.appendingPathComponent("members.csv").path
        let id = try goal(["--k", "3", "--seed", "9", "--algo", "kmeans", "--members", members, "--plugins", Support.plugins.path])

        let (shown, object) = try json(["runs", "show", String(id)])
        #expect(shown.status == 0, "\(shown.stderr)")
        let run = try #require(object as? [String: Any])
        let createdAt = try #require(run["created_at"] as? String)
        #expect(ISO8601DateFormatter().date(from: createdAt) != nil)
        let data = try #require(run["data_fingerprint"] as? [String: Any])
        #expect(data["rows"] as? Int == 4_000)
        let hash = try #require(data["hash"] as? String)
        #expect(hash.range(of: "^[0-9a-f]{16}$", options: .regularExpression) != nil)
        #expect((run["data_now"] as? [String: Any])?["comparison"] as? String == "unchanged")
        let settings = try #require(run["settings"] as? [String: Any])
        #expect(settings["seed"] as? Int == 9 && settings["algorithm"] as? String == "kmeans" && settings["k"] as? [Int] == [3, 3])
        #expect(settings["strict"] as? Bool == false && settings["skip_broken"] as? Bool == false)
        #expect(settings["plugins_folder"] as? String == Support.plugins.standardizedFileURL.path)
        #expect(settings["plugins_folder_from"] as? String == "--plugins")
        #expect(settings["members_file"] as? String == URL(fileURLWithPath: members).standardizedFileURL.path)
        let plugins = try #require(run["plugins"] as? [[String: Any]])
        #expect(plugins.contains { $0["name"] as? String == "parenting" && $0["version"] as? String != nil && $0["source_hash"] as? String != nil })

        let text = try cli(["runs", "show", String(id)])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Run \(id), saved \(createdAt): run goal \"Gen Z Moms\"."))
        #expect(text.stdout.contains("Data: users table of 4,000 rows, hash \(hash); unchanged since this run."))
        #expect(text.stdout.contains("Plugins: ") && text.stdout.contains("parenting 1.0.0 (files "))
        #expect(text.stdout.contains("Settings: seed 9; algorithm kmeans (--algo); k 3 (--k); strict off; skip-broken off; explain off; "
                                     + "plugins \(Support.plugins.standardizedFileURL.path) (--plugins); members file "))
        #expect(text.stdout.contains("PERSONA"))  // the run's report follows the header

        // The same rows generated again: written since, same content.
        #expect(try cli(["data", "generate", "--rows", "4000", "--seed", "7", "--replace"]).status == 0)
        #expect(try cli(["runs", "show", String(id)]).stdout.contains("rewritten since this run, with the same content."))
        // Other rows: changed.
        #expect(try cli(["data", "generate", "--rows", "3000", "--seed", "8", "--replace"]).status == 0)
        let changed = try cli(["runs", "show", String(id)])
        #expect(changed.stdout.contains("Data: the users table has changed since this run (then 4,000 rows, hash \(hash); now 3,000 rows, hash "))
        let (_, changedJSON) = try json(["runs", "show", String(id)])
        let now = (changedJSON as? [String: Any])?["data_now"] as? [String: Any]
        #expect(now?["comparison"] as? String == "changed" && (now?["now"] as? [String: Any])?["rows"] as? Int == 3_000)

        // An import is noticed too.
        let csv = folder.appendingPathComponent("more.csv")
        try "user_id,age\n900001,30\n".write(to: csv, atomically: true, encoding: .utf8)
        let before = try cli(["runs", "show", String(id)]).stdout
        #expect(try cli(["data", "import", csv.path]).status == 0)
        let after = try cli(["runs", "show", String(id)]).stdout
        #expect(after.contains("now 3,001 rows") && !before.contains("now 3,001 rows"))
    }

    @Test func aRunSavedBeforeFingerprintsSaysSo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = try goal()
        // Saved again as the previous release saved runs: no fingerprint, no record fields.
        let old: Int64
        do {
            let store = RunStore(database: try PersonaDatabase(path: db, mode: .mustExist))
            let stored = try store.load(id: id)
            var summary = try #require(try JSONSerialization.jsonObject(with: Data(stored.run.summary.text.utf8)) as? [String: Any])
            for key in ["data_fingerprint", "settings", "created_at"] {
                #expect(summary[key] != nil, "\(key) is saved with new runs")
                summary[key] = nil
            }
            var record = stored.run
            record.data = nil
            record.summary = try JSONDocument(text: String(decoding: try JSONSerialization.data(withJSONObject: summary), as: UTF8.self))
            old = try store.save(record, personas: stored.personas, members: try stored.personas.map { try store.members(runID: id, persona: $0.index) })
        }
        let shown = try cli(["runs", "show", String(old)])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Data: no fingerprint (the run was saved before persona-host recorded the data a run read)."))
        #expect(shown.stdout.contains("Settings: seed 42, algorithm ward; the other settings were not recorded"))
        #expect(try cli(["persona", "show", "run:\(old)/1"]).status == 0)
        #expect(try cli(["runs", "diff", String(id), String(old)]).stdout.contains("moved to another persona 0."))
    }

    @Test func exportWritesTheStoredMembersAsCSVAndJSONLines() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let members = folder.appendingPathComponent("members.csv")
        let id = try goal(["--members", members.path])
        let (_, object) = try json(["runs", "show", String(id)])
        let personas = try #require((object as? [String: Any])?["personas"] as? [[String: Any]])

        // CSV on stdout: exactly the --members file.
        let csv = try cli(["runs", "export", String(id)])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == (try String(contentsOf: members, encoding: .utf8)))

        // JSON Lines: every member once, ascending, persona sizes as the run says.
        let jsonl = try cli(["runs", "export", String(id), "--format", "jsonl"])
        #expect(jsonl.status == 0)
        let lines = jsonl.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.allSatisfy { $0 != nil })
        let ids = lines.compactMap { $0?["user_id"] as? Int }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        var sizes: [String: Int] = [:]
        for line in lines { if let persona = line?["persona_id"] as? String { sizes[persona, default: 0] += 1 } }
        for p in personas {
            let index = try #require(p["index"] as? Int)
            #expect(sizes["run:\(id)/\(index)"] == p["size"] as? Int)
        }
        #expect(lines.first??["persona"] as? String != nil && lines.first??["persona_index"] as? Int != nil)
    }

    @Test func exportToAFileIsAtomicAndNeverOverwritesWithoutForce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = try goal()
        let out = folder.appendingPathComponent("export.csv")
        let written = try cli(["runs", "export", String(id), "--out", out.path])
        #expect(written.status == 0, "\(written.stderr)")
        let first = try String(contentsOf: out, encoding: .utf8)
        #expect(first.hasPrefix("user_id,persona_index,persona\n"))

        // An existing file is refused, and left as it was.
        try "keep me\n".write(to: out, atomically: true, encoding: .utf8)
        let refused = try cli(["runs", "export", String(id), "--out", out.path, "--format", "jsonl"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--out \(out.path): already exists; pass --force to replace it"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me\n")
        let forced = try cli(["runs", "export", String(id), "--out", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == first)

        // An unknown run writes nothing, not even a temporary file.
        let missing = folder.appendingPathComponent("missing.csv")
        let unknown = try cli(["runs", "export", "999", "--out", missing.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no run with id 999; saved runs: \(id)"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try cli(["runs", "export", String(id), "--format", "xml"]).status == 2)
    }

    @Test func diffMatchesPersonasAndEveryUserIsCountedOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try goal(["--k", "4"])
        let b = try goal(["--k", "3", "--seed", "5"])
        let (result, object) = try json(["runs", "diff", String(a), String(b)])
        #expect(result.status == 0, "\(result.stderr)")
        let diff = try #require(object as? [String: Any])
        let first = try #require(diff["first"] as? [String: Any]), second = try #require(diff["second"] as? [String: Any])
        #expect(first["personas"] as? Int == 4 && second["personas"] as? Int == 3)
        let stayed = try #require(diff["stayed"] as? Int), moved = try #require(diff["moved"] as? Int)
        let onlyFirst = try #require(diff["only_first"] as? Int), onlySecond = try #require(diff["only_second"] as? Int)
        #expect(stayed + moved + onlyFirst == first["members"] as? Int)
        #expect(stayed + moved + onlySecond == second["members"] as? Int)
        let moves = try #require(diff["moves"] as? [[String: Any]])
        #expect(moves.compactMap { $0["users"] as? Int }.reduce(0, +) == moved)
        let pairs = try #require(diff["pairs"] as? [[String: Any]])
        #expect(pairs.filter { $0["first"] != nil && $0["second"] != nil }.count == 3)
        #expect(pairs.filter { $0["second"] == nil }.count == 1)
        for pair in pairs {
            let overlap = pair["overlap"] as? Int ?? -1
            if let p = pair["first"] as? [String: Any] {
                #expect(p["size"] as? Int == overlap + (pair["moved_out"] as? Int ?? 0) + (pair["left"] as? Int ?? 0))
            }
            if let p = pair["second"] as? [String: Any] {
                #expect(p["size"] as? Int == overlap + (pair["moved_in"] as? Int ?? 0) + (pair["joined"] as? Int ?? 0))
            }
        }
        let text = try cli(["runs", "diff", String(a), String(b)])
        #expect(text.stdout.contains("Run \(a) (\"Gen Z Moms\""))
        #expect(text.stdout.contains("(no match)"))
        #expect(text.stdout.contains("Users in both runs: "))
        // A run compared with itself: everyone stays.
        let (_, same) = try json(["runs", "diff", String(a), String(a)])
        #expect((same as? [String: Any])?["moved"] as? Int == 0)
        #expect(try cli(["runs", "diff", String(a), "77"]).status == 2)
    }

    @Test func deleteRemovesTheRunAndAMissingIDIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = try goal()
        let id = try goal(["--k", "3"])
        let deleted = try cli(["runs", "delete", String(id)])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("Deleted run \(id)"))
        let shown = try cli(["runs", "show", String(id)])
        #expect(shown.status == 2)
        #expect(shown.stderr.contains("no run with id \(id); saved runs: \(kept)"))
        #expect(try cli(["runs", "delete", String(id)]).status == 2)
        #expect(try cli(["runs", "export", String(id)]).status == 2)
        #expect(try cli(["persona", "show", "run:\(id)/1"]).status == 2)
        #expect(try cli(["runs", "show", String(kept)]).status == 0)
    }
}
