import Foundation
import Testing
import TestSupport

/// `persona-host plugins new`: each kind scaffolds a plugin that passes `plugins check` and
/// `persona-host test` untouched, in an empty folder and (a goal domain) next to the shipped
/// plugins; every refusal exits 2 (3 for a folder whose plugins do not load) and leaves nothing behind.
@Suite struct PluginsNewCommandTests {
    /// Every entry under `folder`, hidden ones included, as sorted relative paths.
    static func listing(_ folder: URL) -> [String] {
        let base = folder.resolvingSymlinksInPath().path
        let entries = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return entries.map { String($0.resolvingSymlinksInPath().path.dropFirst(base.count + 1)) }.sorted()
    }

    /// A temporary copy of the shipped `plugins/` folder, inside a fresh folder.
    static func shippedCopy() throws -> (root: URL, plugins: URL) {
        let root = try Support.temporaryFolder()
        let plugins = root.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.plugins, to: plugins)
        return (root, plugins)
    }

    @Test(arguments: ["goal", "formulation", "learning", "tagging", "photos"])
    func eachKindPassesCheckAndItsTestsInAnEmptyFolder(kind: String) throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "my_\(kind)"
        let made = try CLIRunner.run(["plugins", "new", name, "--kind", kind, "--dir", folder.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("persona-host test \(folder.path)/\(name)"))
        #expect(Self.listing(folder).contains("\(name)/tests/\(name)_test.lua"))

        let check = try CLIRunner.run(["plugins", "check", folder.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("1 plugin(s) loaded, 0 problem(s)"))

        let test = try CLIRunner.run(["test", "--json", "\(folder.path)/\(name)"])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(test.stdout.utf8)) as? [String: Any])
        #expect(report["failed"] as? Int == 0)
        #expect((report["passed"] as? Int ?? 0) >= 3)
    }

    @Test func aGoalDomainPassesNextToTheShippedPlugins() throws {
        let (root, plugins) = try Self.shippedCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        // Run from the copy's parent: ./plugins is the plugins folder, so --dir is not needed.
        let made = try CLIRunner.run(["plugins", "new", "pet_owners", "--kind", "goal"], in: root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Wrote plugins/pet_owners, a goal domain"))
        #expect(made.stdout.contains("persona-host plugins check\n"))
        #expect(made.stdout.contains("persona-host run goal \"pet owners\"\n"))
        #expect(FileManager.default.fileExists(atPath: plugins.appendingPathComponent("pet_owners/tests/users.csv").path))

        let check = try CLIRunner.run(["plugins", "check"], in: root)
        #expect(check.status == 0, "\(check.stdout)")
        // Every test of the folder: the new plugin's, and the shipped ones' (its words change no other reading).
        let test = try CLIRunner.run(["test", "--json"], in: root)
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(test.stdout.utf8)) as? [String: Any])
        let cases = try #require(report["cases"] as? [[String: Any]])
        #expect(cases.filter { $0["plugin"] as? String == "pet_owners" }.count == 4)
        #expect(cases.contains { $0["plugin"] as? String == "parenting" })
        #expect(report["failed"] as? Int == 0)
    }

    @Test func theFixtureIsTheSampleGeneratorsUsersWithThePluginsColumns() throws {
        let one = try Support.temporaryFolder(), two = try Support.temporaryFolder()
        defer { for f in [one, two] { try? FileManager.default.removeItem(at: f) } }
        for folder in [one, two] {
            #expect(try CLIRunner.run(["plugins", "new", "fans", "--kind", "goal", "--dir", folder.path]).status == 0)
        }
        let csv = try String(contentsOf: one.appendingPathComponent("fans/tests/users.csv"), encoding: .utf8)
        #expect(csv == (try String(contentsOf: two.appendingPathComponent("fans/tests/users.csv"), encoding: .utf8)))
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 201)
        #expect(lines[0] == "user_id,age,city_tier,price_sensitivity,emi_flag,device_count,brand_awareness_bose,privacy_pref")
        #expect(lines[1].hasPrefix("1,"))
    }

    @Test func jsonListsTheFilesWritten() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plugins", "new", "tone", "--kind", "tagging", "--dir", folder.path, "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["plugin"] as? String == "tone")
        #expect(json["kind"] as? String == "tagging")
        let files = try #require(json["files"] as? [String])
        #expect(files == ["\(folder.path)/tone/init.lua", "\(folder.path)/tone/tests/tone_test.lua"])
        for file in files { #expect(FileManager.default.fileExists(atPath: file)) }
        #expect((json["next"] as? [String])?.first == "persona-host plugins check \(folder.path)")
        #expect(Self.listing(folder) == ["tone", "tone/init.lua", "tone/tests", "tone/tests/tone_test.lua"])
    }

    @Test(arguments: ["my_", String(repeating: "abcdefghi_", count: 6)])
    func aScaffoldedPluginHasNoLuacheckWarningsOutsideTheRepository(prefix: String) throws {
        let luacheck = try #require(["/usr/bin/luacheck", "/usr/local/bin/luacheck"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                    "luacheck is not installed (make deps installs it)")
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Short names, and the longest (64 characters), which every line must still fit around.
        for kind in ["goal", "formulation", "learning", "tagging", "photos"] {
            let name = prefix + kind.prefix(4)
            #expect(try CLIRunner.run(["plugins", "new", name, "--kind", kind, "--dir", folder.path]).status == 0, "\(name)")
        }
        // Run from the temporary folder: no .luacheckrc applies; the files' own directives must do.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: luacheck)
        process.arguments = ["--no-color", "."]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("Total: 0 warnings / 0 errors in 10 files"), "\(text)")
    }

    // MARK: Refusals: exit 2 (3), a message that says why, nothing written

    /// Runs `plugins new` with `arguments` in a folder that already holds `plugins` and checks the
    /// refusal: its exit status, that stderr says `message`, and that the folder is unchanged.
    func refusal(_ arguments: [String], in folder: URL, status: Int32 = 2, says message: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = Self.listing(folder)
        let result = try CLIRunner.run(["plugins", "new"] + arguments + ["--dir", folder.path])
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(Self.listing(folder) == before, "files were left behind", sourceLocation: sourceLocation)
    }

    @Test func refusesANameThatIsNotAPluginNameOrAnUnknownKind() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Pets", "9lives", "pet owners", "_x", String(repeating: "a", count: 65)] {
            try refusal([name, "--kind", "goal"], in: folder,
                        says: "is not a valid plugin name: a plugin name uses lower-case letters, digits, '_' and '-', starts with a letter")
        }
        try refusal(["pets", "--kind", "goall"], in: folder,
                    says: "--kind must be goal, formulation, learning, tagging or photos, got 'goall' (did you mean 'goal'?)")
    }

    @Test func neverOverwritesAndNeedsAnExistingFolder() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["pets/notes.txt": "mine"], in: folder)
        try refusal(["pets", "--kind", "tagging"], in: folder, says: "/pets already exists; plugins new never overwrites")
        #expect(try String(contentsOf: folder.appendingPathComponent("pets/notes.txt"), encoding: .utf8) == "mine")
        // A single-file plugin of that name is in the way too.
        try Support.write(["solo.lua": "return { name = \"solo\", version = \"1\", api = 1, description = \"d\" }\n"], in: folder)
        try refusal(["solo", "--kind", "tagging"], in: folder, says: "/solo.lua already exists")

        let missing = folder.appendingPathComponent("no/such")
        let result = try CLIRunner.run(["plugins", "new", "pets2", "--kind", "goal", "--dir", missing.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(missing.path): no such folder"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func refusesToClashWithThePluginsOfTheFolder() throws {
        let (root, plugins) = try Self.shippedCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try refusal(["lab", "--kind", "formulation"], in: plugins,
                    says: "already has a formulation domain (skincare), and a folder holds at most one: use --dir with another folder")
        try refusal(["budget_moms", "--kind", "goal"], in: plugins,
                    says: "'budget' is read as budget (declared by audience); 'moms' is read as parenting (declared by parenting)")
        try refusal(["gen", "--kind", "goal"], in: plugins,
                    says: "the goal words \"gen\" are part of other plugins' terms: 'gen z', 'gen x', 'gen y' of generation (declared by audience)")
        try refusal(["generation", "--kind", "goal"], in: plugins, says: "the intent category 'generation' is already declared by audience")
        try refusal(["echo", "--kind", "learning"], in: plugins, says: "the learning persona 'echo' already belongs to the plugin conversation")
        try Support.write(["extra.lua": "return { name = \"renamed\", version = \"1\", api = 1, description = \"d\" }\n"], in: plugins)
        try refusal(["renamed", "--kind", "tagging"], in: plugins, says: "a plugin named 'renamed' is already in the folder")
    }

    @Test func refusesAFolderWhosePluginsDoNotLoad() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["broken.lua": "return { name = \"broken\", version = \"1\", api = 1, description = \"d\", feautres = {} }\n"], in: folder)
        try refusal(["pets", "--kind", "tagging"], in: folder, status: 3, says: "cannot check the new plugin against")
    }
}
