import Foundation
import Testing
import TestSupport

/// `persona-host dataset tag|stats|mix` as a user runs them: exit codes, `--json` on stdout,
/// errors naming file, line and field, and the shipped plugin on generated data.
@Suite struct DatasetCommandTests {
    static let fixturePlugins = Support.fixture("dataset-plugins").path

    /// The fixture plugin's 100 known examples (see HostTests/Dataset/DatasetFixture.swift), plus `extra`.
    func examples(in folder: URL, extra: [String] = []) throws -> String {
        let kinds = ["python code", "anxious", "tarot", "hello"]
        var lines = (0..<40).map { i in
            #"{"id":\#(i),"source":"\#(i % 5 == 0 ? "toolbench" : "dolly")","instruction":"\#(kinds[i % 4]) now","output":"yeah it's fine"}"#
        }
        lines += extra
        let path = folder.appendingPathComponent("in.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func tagWritesTheFolderAndPureJSON() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try examples(in: folder)
        let out = folder.appendingPathComponent("out").path
        let result = try CLIRunner.run(["dataset", "tag", input, "--out", out, "--plugins", Self.fixturePlugins, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["examples"] as? Int == 40)
        #expect(json["plugin"] as? String == "fixture_tags")
        let personas = try #require(json["personas"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: personas.map { ($0["name"] as! String, $0["count"] as! Int) })
                == ["coder": 8, "fixer": 8, "carer": 8, "rare": 8, "chat": 8])
        #expect(FileManager.default.fileExists(atPath: out + "/in.jsonl"))
        #expect(FileManager.default.fileExists(atPath: out + "/tagging.json"))
    }

    /// A run killed with `kill -9` leaves its hidden staging folder; the next run into the same
    /// output removes it and says so, and leaves a live process's alone.
    @Test func aKilledRunsStagingFolderIsRemovedByTheNextRun() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try examples(in: folder)
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let abandoned = folder.appendingPathComponent(".out.partial-\(dead.processIdentifier)")
        let live = folder.appendingPathComponent(".out.partial-1")  // pid 1 is always alive
        for path in [abandoned, live] { try FileManager.default.createDirectory(at: path, withIntermediateDirectories: false) }
        let out = folder.appendingPathComponent("out").path
        let result = try CLIRunner.run(["dataset", "tag", input, "--out", out, "--plugins", Self.fixturePlugins])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(result.stderr.contains("removed \(abandoned.path), left by an interrupted run"))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test func aMalformedLineExitsTwoNamingFileLineAndFieldAndWritesNothing() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try examples(in: folder, extra: [#"{"instruction":"x","output":["no"]}"#])
        let out = folder.appendingPathComponent("out").path
        let result = try CLIRunner.run(["dataset", "tag", input, "--out", out, "--plugins", Self.fixturePlugins])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(input):41: field \"output\": must be a string, found an array"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.jsonl"])
        let skipped = try CLIRunner.run(["dataset", "tag", input, "--out", out, "--plugins", Self.fixturePlugins, "--max-errors", "1"])
        #expect(skipped.status == 0)
        #expect(skipped.stdout.contains("skipped 1 malformed line(s)"))
        #expect(skipped.stdout.contains("\(input):41: field \"output\""))
    }

    @Test func pluginProblemsExitThree() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try examples(in: folder)
        let none = try CLIRunner.run(["dataset", "tag", input, "--out", folder.appendingPathComponent("o").path,
                                      "--plugins", Support.fixture("plugins-intents").path])
        #expect(none.status == 3)
        #expect(none.stderr.contains("no plugin has tagging rules"))
        try Support.write(["p/p/init.lua": """
            return { name = "p", version = "1", api = 1, description = "d", tagging = {
              fallback = "chat", rules = { { persona = "x", phrases = { "now" }, when = function() error("boom") end } } } }
            """], in: folder)
        let failing = try CLIRunner.run(["dataset", "tag", input, "--out", folder.appendingPathComponent("o").path,
                                         "--plugins", folder.appendingPathComponent("p").path])
        #expect(failing.status == 3)
        #expect(failing.stderr.contains("plugin p, tagging.rules[1].when, on the example at \(input):1: "), "\(failing.stderr)")
        #expect(failing.stderr.contains("boom"))
    }

    @Test func statsAndMixOnTheTaggedFolder() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try examples(in: folder)
        let out = folder.appendingPathComponent("out").path
        #expect(try CLIRunner.run(["dataset", "tag", input, "--out", out, "--plugins", Self.fixturePlugins]).status == 0)
        let stats = try CLIRunner.run(["dataset", "stats", out + "/in.jsonl", "--plugins", Self.fixturePlugins, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["tagged_by_rules"] as? Int == 0)
        #expect((json["gaps"] as? [String: Any])?["categories"] is [[String: Any]])
        let text = try CLIRunner.run(["dataset", "stats", out + "/in.jsonl", "--plugins", Self.fixturePlugins])
        #expect(text.stdout.contains("gap analysis at 40 examples:"))

        let mix = folder.appendingPathComponent("mix").path
        let mixed = try CLIRunner.run(["dataset", "mix", out + "/in.jsonl", "--size", "20", "--out", mix, "--seed", "5", "--plugins", Self.fixturePlugins])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stdout.hasPrefix("wrote 20 of 20 requested examples"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mix).sorted() == ["curriculum.yaml", "data.jsonl", "manifest.json"])
        let again = try CLIRunner.run(["dataset", "mix", out + "/in.jsonl", "--size", "20", "--out", mix, "--plugins", Self.fixturePlugins])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        let strict = try CLIRunner.run(["dataset", "mix", out + "/in.jsonl", "--size", "20", "--out", mix + "2", "--strict", "--plugins", Self.fixturePlugins])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict"))
        #expect(!FileManager.default.fileExists(atPath: mix + "2"))
    }

    /// The shipped plugin on the built-in generator's data: every persona of the seed's table is
    /// found, and the fallback stays a small share.
    @Test func theShippedPluginTagsGeneratedData() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("gen.jsonl.gz").path
        #expect(try CLIRunner.run(["dataset", "generate", "--rows", "5000", "--out", input, "--seed", "1"]).status == 0)
        let result = try CLIRunner.run(["dataset", "tag", input, "--out", folder.appendingPathComponent("out").path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let personas = try #require(json["personas"] as? [[String: Any]])
        #expect(personas.count == 18)
        #expect(personas.allSatisfy { ($0["count"] as? Int ?? 0) > 0 }, "\(personas)")
        let fallback = try #require(json["fallback"] as? Int)
        #expect(fallback > 0 && fallback < 500)
    }
}
