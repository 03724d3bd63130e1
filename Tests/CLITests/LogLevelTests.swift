import Foundation
import Testing
import TestSupport

/// `--quiet` and `--verbose` (and `log` in the config file): what reaches stderr, with every
/// command, before or after its name; stdout is untouched.
@Suite(.serialized) struct LogLevelTests {
    let folder: URL
    let plugins: URL

    init() throws {
        folder = try Support.temporaryFolder()
        plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.plugins, to: plugins)
        try Support.write(["chatty.lua": """
            print("hello from chatty")
            host.log("info", "chatty info")
            host.log("debug", "chatty debug")
            host.log("warn", "chatty warning")
            return { name = "chatty", version = "1", api = 1, description = "logs at every level" }
            """], in: plugins)
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--plugins", plugins.path], in: folder)
    }

    @Test func normalShowsInfoButNotDebug() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["plugins", "list", "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("[chatty.lua] hello from chatty\n"))
        #expect(result.stderr.contains("[chatty.lua] chatty info\n"))
        #expect(result.stderr.contains("[chatty.lua] warning: chatty warning\n"))
        #expect(!result.stderr.contains("chatty debug"))
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
    }

    @Test func quietKeepsWarningsAndErrorsOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["--quiet", "plugins", "list"], ["plugins", "list", "--quiet"]] {
            let result = try run(arguments)
            #expect(result.status == 0)
            #expect(!result.stderr.contains("hello from chatty"))
            #expect(!result.stderr.contains("chatty info"))
            #expect(result.stderr.contains("[chatty.lua] warning: chatty warning"))
            #expect(result.stdout.contains("chatty"))
        }
    }

    @Test func verboseShowsDebugFromPluginsAndTheHost() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("users.sqlite").path
        #expect(try CLIRunner.run(["data", "generate", "--rows", "2000", "--db", db]).status == 0)
        let result = try run(["run", "goal", "budget families", "--db", db, "--verbose", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("[chatty.lua] debug: chatty debug"))
        #expect(result.stderr.contains("persona-host: debug: timings: "))
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
    }

    @Test func theConfigFileSetsTheLevelAndAFlagOverridesIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["persona-host.toml": "log = \"quiet\"\n"], in: folder)
        let quiet = try run(["plugins", "list"])
        #expect(!quiet.stderr.contains("hello from chatty"))
        let verbose = try run(["plugins", "list", "--verbose"])
        #expect(verbose.stderr.contains("chatty debug"))
    }
}
