import Foundation
import Testing
import TestSupport

/// `persona-host.toml` through the built binary: it sets the database and the seed (the run uses
/// them), a flag or environment variable overrides it, and a mistake in it stops every command
/// with its file and line (exit 2).
@Suite(.serialized) struct ConfigCommandTests {
    let folder: URL

    init() throws {
        folder = try Support.temporaryFolder()
        let generated = try CLIRunner.run(["data", "generate", "--rows", "3000", "--seed", "7", "--db", "team.sqlite"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    func config(_ text: String, name: String = "persona-host.toml") throws {
        try Support.write([name: text], in: folder)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, in: folder, environment: environment)
    }

    func json(_ result: CLIRunner.Result) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) }

    @Test func theConfigFileSetsTheDatabaseAndSeed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try config("database = \"team.sqlite\"\nseed = 9\nplugins = \"\(Support.plugins.path)\"\n")
        let configured = try run(["run", "goal", "budget families", "--json"])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(json(configured)["seed"] as? Int == 9)
        #expect(!exists("persona-host.sqlite"))   // the default database was not used, nor created
        // The same run named on the command line gives the same personas.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("persona-host.toml"))
        let named = try run(["run", "goal", "budget families", "--json", "--db", "team.sqlite", "--seed", "9", "--plugins", Support.plugins.path])
        #expect((json(named)["personas"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                == (json(configured)["personas"] as? [[String: Any]])?.compactMap { $0["name"] as? String })
        #expect(json(named)["matched_rows"] as? Int == json(configured)["matched_rows"] as? Int)
    }

    @Test func flagsAndTheEnvironmentOverrideTheConfigFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try config("database = \"missing.sqlite\"\nseed = 9\njson = true\n")
        let flags = try run(["run", "goal", "budget families", "--db", "team.sqlite", "--seed", "3"])
        #expect(flags.status == 0, "\(flags.stderr)")
        #expect(json(flags)["seed"] as? Int == 3)   // json = true from the file still applies
        let environment = try run(["run", "goal", "budget families"], environment: ["PERSONA_HOST_DB": "team.sqlite"])
        #expect(environment.status == 0, "\(environment.stderr)")
        #expect(json(environment)["seed"] as? Int == 9)
        let text = try run(["run", "goal", "budget families", "--no-json"], environment: ["PERSONA_HOST_DB": "team.sqlite"])
        #expect(text.stdout.contains("#  PERSONA"))
        // The config file's database is a named one: it must exist.
        let missing = try run(["run", "goal", "budget families"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no database at missing.sqlite"))
        #expect(missing.stderr.contains("(database in persona-host.toml)"))
        #expect(!exists("missing.sqlite") && !exists("persona-host.sqlite"))
    }

    @Test func anUnknownKeyStopsEveryCommandNamingFileAndLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try config("seed = 9\n\ndatabse = \"team.sqlite\"\n")
        for arguments in [["run", "goal", "budget families"], ["runs", "list"], ["plugins", "list"]] {
            let result = try run(arguments)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "persona-host: error: persona-host.toml:3: unknown key 'databse' (did you mean 'database'?); "
                    + "the keys are database, plugins, seed, json, wide, color, log, token\n")
        }
    }

    @Test func aNamedConfigFileMustExistAndItsPathsAreRelativeToIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try run(["--config", "nope.toml", "runs", "list"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.toml: no such file"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("conf"), withIntermediateDirectories: true)
        try config("database = \"../team.sqlite\"\nwide = true\n", name: "conf/team.toml")
        let result = try run(["run", "goal", "budget families", "--config", "conf/team.toml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("#  PERSONA") && $0.hasSuffix("TRAITS") })
    }

    @Test func colourFromTheConfigFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try config("database = \"team.sqlite\"\ncolor = \"always\"\n")
        #expect(try run(["run", "goal", "budget families"]).stdout.contains("\u{1B}["))
        #expect(!(try run(["run", "goal", "budget families", "--color", "never"])).stdout.contains("\u{1B}"))
    }
}
