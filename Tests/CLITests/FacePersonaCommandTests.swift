import Foundation
import GRDB
import Testing
import TestSupport

/// `persona-host face-persona` and `audit list` as a user runs them, with the test trainer
/// programs of Tests/Fixtures/trainers: the lifecycle end to end, its refusals, and a deletion
/// that leaves nothing behind.
@Suite struct FacePersonaCommandTests {
    static let consent = """
        { "user_id": "u-1", "agreed_to_terms": true,
          "consent_items": { "facial_recognition": true, "ai_training": true, "likeness_usage": true, "data_retention": true },
          "restrictions": { "no_commercial_use": true },
          "signed_at": "2026-11-30T09:00:00Z", "ip_address": "192.0.2.7" }
        """

    /// A folder with a database path, five good photos and a consent file.
    struct Workspace {
        let root: URL
        var db: String { root.appendingPathComponent("p.sqlite").path }
        var store: String { db + ".faces" }
        var photos: String { root.appendingPathComponent("photos").path }
        var consent: String { root.appendingPathComponent("consent.json").path }

        init(photos count: Int = 5) throws {
            root = try Support.temporaryFolder()
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("photos").path, withIntermediateDirectories: true)
            try PhotoSetFixture.writeGood(count, in: root.appendingPathComponent("photos"))
            try FacePersonaCommandTests.consent.write(toFile: consent, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            try CLIRunner.run(["face-persona"] + arguments + ["--db", db], in: root)
        }

        func json(_ arguments: [String]) throws -> Any {
            let result = try run(arguments + ["--json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        }

        func trainer(_ name: String) -> String { "sh " + Support.fixture("trainers/\(name)").path }

        func scores(_ values: [String: Double]) throws -> String {
            let path = root.appendingPathComponent("scores-\(UUID().uuidString).json").path
            try JSONSerialization.data(withJSONObject: values).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    static let passing = ["face_consistency": 0.91, "quality_score": 0.86, "trigger_effectiveness": 0.88]
    static let failing = ["face_consistency": 0.91, "quality_score": 0.75, "trigger_effectiveness": 0.88]

    func status(_ w: Workspace, _ name: String) throws -> String? {
        let list = try #require(try w.json(["list"]) as? [[String: Any]])
        return list.first { ($0["trigger_word"] as? String) == name }?["status"] as? String
    }

    @Test func theLifecycleFromCreateToReadyWithARetrainAndAnExport() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        let created = try w.run(["create", "Maya", "--photos", w.photos, "--consent", w.consent])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created face persona Maya"))
        #expect(created.stdout.contains("READY for training: 5 of 5 photos accepted"))
        #expect(try status(w, "Maya") == "pending")

        // Validation before any training is not allowed.
        let early = try w.run(["validate", "Maya", "--scores", try w.scores(Self.passing)])
        #expect(early.status == 2)
        #expect(early.stderr.contains("pending"))

        let trained = try w.run(["train", "Maya", "--trainer", w.trainer("ok.sh")])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(try status(w, "Maya") == "validating")

        // Training again while a version waits for validation is not allowed.
        #expect(try w.run(["train", "Maya", "--trainer", w.trainer("ok.sh")]).status == 2)

        let failed = try w.run(["validate", "Maya", "--scores", try w.scores(Self.failing)])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("quality_score 0.75 is not above 0.80"))
        #expect(try status(w, "Maya") == "failed")

        #expect(try w.run(["train", "Maya", "--trainer", w.trainer("ok.sh")]).status == 0)
        let passed = try w.run(["validate", "Maya", "--scores", try w.scores(Self.passing)])
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(try status(w, "Maya") == "ready")

        let out = w.root.appendingPathComponent("maya-training").path
        let exported = try w.run(["train", "Maya", "--trainer", "export", "--out", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("persona-host trained no model"))
        #expect(FileManager.default.fileExists(atPath: out + "/config.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/photos").count == 5)
        #expect(try status(w, "Maya") == "exported")

        let versions = try #require(try w.json(["versions", "Maya"]) as? [[String: Any]])
        #expect(versions.map { $0["status"] as? String } == ["failed", "ready", "exported"])
        #expect(versions.map { $0["version"] as? Int } == [1, 2, 3])
        let config = try #require(versions[0]["config"] as? [String: Any])
        #expect(config["model_base"] as? String == "flux-dev" && config["training_steps"] as? Int == 1000)
    }

    @Test func aFailingTrainerFailsTheVersionWithExitOne() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        #expect(try w.run(["create", "Ana", "--photos", w.photos, "--consent", w.consent]).status == 0)
        let result = try w.run(["train", "Ana", "--trainer", w.trainer("fails.sh")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed"))
        #expect(try status(w, "Ana") == "failed")
    }

    @Test func refusalsTakenNamesMissingConsentAndASetThatIsNotReady() throws {
        let w = try Workspace(photos: 3)
        defer { try? FileManager.default.removeItem(at: w.root) }
        #expect(try w.run(["create", "Maya", "--photos", w.photos, "--consent", w.consent]).status == 0)
        let taken = try w.run(["create", "maya", "--photos", w.photos, "--consent", w.consent])
        #expect(taken.status == 2)
        #expect(taken.stderr.contains("Maya"))
        let noConsent = try w.run(["create", "Ines", "--photos", w.photos, "--consent", w.root.appendingPathComponent("none.json").path])
        #expect(noConsent.status == 2)
        #expect(noConsent.stderr.contains("none.json"))
        let notReady = try w.run(["train", "Maya", "--trainer", w.trainer("ok.sh")])
        #expect(notReady.status == 2)
        #expect(notReady.stderr.contains("3 of 3 photos accepted; at least 5 needed"))
        #expect(try status(w, "Maya") == "pending")
    }

    @Test func deletionLeavesNothingBehindAndTheNameCanBeUsedAgain() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        #expect(try w.run(["create", "Maya", "--photos", w.photos, "--consent", w.consent]).status == 0)
        #expect(try w.run(["create", "Leo", "--photos", w.photos, "--consent", w.consent]).status == 0)
        #expect(try w.run(["train", "Maya", "--trainer", w.trainer("ok.sh")]).status == 0)
        let shown = try #require(try w.json(["show", "Maya"]) as? [String: Any])
        let id = try #require((shown["persona"] as? [String: Any])?["id"] as? String)
        let folder = try #require(shown["folder"] as? String)
        #expect(FileManager.default.fileExists(atPath: folder))

        let deleted = try w.run(["delete", "Maya"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.store).filter { !$0.hasPrefix(".") }.count == 1)  // Leo's
        let queue = try DatabaseQueue(path: w.db)
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'face_%'")
            #expect(!tables.isEmpty)
            for table in tables {
                let column = table == "face_personas" ? "id" : "persona_id"
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(column) = ?", arguments: [id]) == 0, "\(table)")
            }
        }
        let entries = try CLIRunner.run(["audit", "list", "--db", w.db, "--json"], in: w.root)
        #expect(entries.status == 0)
        #expect(entries.stdout.contains("face_persona.deleted"))
        #expect(entries.stdout.contains(id))
        #expect(!entries.stdout.contains("Maya"))
        #expect(!entries.stdout.contains("192.0.2.7"))
        #expect(try w.run(["create", "Maya", "--photos", w.photos, "--consent", w.consent]).status == 0)
        #expect(try status(w, "Maya") == "pending")
    }

    /// Whether `pid` has ended (waiting up to 5 s): gone, or a zombie nobody reaped yet (an
    /// orphaned trainer is reparented to pid 1, which in a container may never reap it).
    static func ended(_ pid: Int32) -> Bool {
        for _ in 0..<50 {
            if kill(pid, 0) != 0 { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(100_000)
        }
        return false
    }

    /// Ctrl-C during a training stops the trainer's whole process group (it runs in its own, so
    /// the terminal's signal would not reach it) and records the version as failed: no orphan
    /// keeps training, no version stays `training`.
    @Test func anInterruptedTrainingStopsTheTrainerAndFailsTheVersion() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        #expect(try w.run(["create", "Maya", "--photos", w.photos, "--consent", w.consent]).status == 0)
        let pidFile = w.root.appendingPathComponent("trainer.pid").path
        let script = w.root.appendingPathComponent("sleepy.sh").path
        try """
            #!/bin/sh
            echo $$ > '\(pidFile)'
            cat > /dev/null
            echo '{"status":"training","progress":1}'
            exec sleep 60
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let host = Process()
        host.executableURL = CLIRunner.binary
        host.arguments = ["face-persona", "train", "Maya", "--trainer", "sh " + script, "--db", w.db]
        host.currentDirectoryURL = w.root
        host.standardOutput = Pipe()
        let errors = Pipe()
        host.standardError = errors
        try host.run()
        // Wait (up to 60 s) for the trainer to be running: it writes its pid first.
        var trainerPID: Int32?
        for _ in 0..<600 where trainerPID == nil {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                trainerPID = pid
            } else {
                usleep(100_000)
            }
        }
        let pid = try #require(trainerPID, "the trainer never started")
        usleep(300_000)
        host.interrupt()  // SIGINT, as Ctrl-C sends to the host's process group
        host.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(host.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("interrupted by signal 2"))
        #expect(Self.ended(pid), "the trainer \(pid) is still running")
        let versions = try #require(try w.json(["versions", "Maya"]) as? [[String: Any]])
        #expect(versions.first?["status"] as? String == "failed")
        #expect((versions.first?["error"] as? String)?.contains("interrupted") == true)
    }
}
