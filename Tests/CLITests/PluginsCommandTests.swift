import Foundation
import Testing
import Builtins
import TestSupport

/// `persona-host plugins …`, `--version` and `run` as a user types them, exit codes included.
@Suite struct PluginsCommandTests {
    @Test func listShowsTheRepositoryPluginsAsJSON() throws {
        let result = try CLIRunner.run(["plugins", "list", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let plugins = try #require(json["plugins"] as? [[String: Any]])
        let names = plugins.compactMap { $0["name"] as? String }
        #expect(names.contains("parenting"))
        #expect(names.contains("tech_adoption"))
        for plugin in plugins {
            #expect(plugin["status"] as? String == "ok")
            #expect((plugin["path"] as? String)?.hasSuffix("init.lua") == true)
            #expect((plugin["hooks"] as? [String])?.isEmpty == false)
        }
    }

    @Test func listReportsBrokenPluginsButStillSucceeds() throws {
        let result = try CLIRunner.run(["plugins", "list", "--plugins", "Tests/Fixtures/plugins-mixed"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("alpha"))
        #expect(result.stdout.contains("broken_runtime/init.lua:4: attempt to index a nil value"))
    }

    @Test func checkPrintsEveryProblemAndExitsThree() throws {
        let result = try CLIRunner.run(["plugins", "check", "Tests/Fixtures/plugins-mixed"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("ok     Tests/Fixtures/plugins-mixed/alpha/init.lua"))
        #expect(result.stdout.contains("features.score must be a function, got number 5"))
        #expect(result.stdout.contains("2 plugin(s) loaded, 6 problem(s)"))
    }

    @Test func checkAcceptsOnePluginFolderOrFile() throws {
        #expect(try CLIRunner.run(["plugins", "check", "Tests/Fixtures/plugins-mixed/alpha"]).status == 0)
        #expect(try CLIRunner.run(["plugins", "check", "Tests/Fixtures/plugins-mixed/beta.lua"]).status == 0)
        #expect(try CLIRunner.run(["plugins", "check", "plugins"]).status == 0)
        let missing = try CLIRunner.run(["plugins", "check", "no/such/path"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/path: no such plugin"))
    }

    @Test func checkJSONIsPureJSON() throws {
        let result = try CLIRunner.run(["plugins", "check", "--json", "Tests/Fixtures/plugins-duplicate"])
        #expect(result.status == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["failures"] as? [Any])?.count == 2)
    }

    @Test func pluginsAreFoundFromAnotherDirectory() throws {
        // Run from /tmp: no ./plugins there, so the binary's own checkout supplies them.
        let result = try CLIRunner.run(["plugins", "list", "--json"], in: URL(fileURLWithPath: "/tmp"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"parenting\""))
        let env = try CLIRunner.run(["plugins", "list"], in: URL(fileURLWithPath: "/tmp"),
                                    environment: ["PERSONA_HOST_PLUGINS": Support.fixture("plugins-duplicate").path])
        #expect(env.stdout.contains("PERSONA_HOST_PLUGINS"))
        #expect(env.stdout.contains("solo"))
    }

    @Test func unknownPipelineIsAUsageError() throws {
        let result = try CLIRunner.run(["run", "nonsense"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown command 'nonsense' for 'persona-host run'; the commands are goal, formulate"))
    }

    @Test func usageErrorsExitTwoAndVersionExitsZero() throws {
        let bad = try CLIRunner.run(["plugins", "lst"])
        #expect(bad.status == 2)
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("host API 1"))
        #expect(version.stdout.contains("Lua 5.4"))
    }
}

extension PluginsCommandTests {
    /// `plugins check --db`: a formula reading a column the users table does not have is caught
    /// before any run, with the formula's line and the closest column.
    @Test func checkWithADatabaseCatchesAMisspeltColumnInAFormula() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("users.sqlite").path
        #expect(try CLIRunner.run(["data", "generate", "--rows", "500", "--db", db]).status == 0)
        try Support.write(["plugins/p/init.lua": """
            return {
              name = "p", version = "1", api = 1, description = "", default_domain = true,
              features = {
                score = function(u) return u.privacy_prf * 2 end,
              },
              persona = function(cluster) return { name = "P" .. cluster.index } end,
            }
            """], in: folder)
        let plugins = folder.appendingPathComponent("plugins").path
        #expect(try CLIRunner.run(["plugins", "check", plugins]).status == 0)   // no columns declared: nothing to check without a table
        let checked = try CLIRunner.run(["plugins", "check", plugins, "--db", db])
        #expect(checked.status == 3)
        #expect(checked.stdout.contains("plugin 'p' reads column 'privacy_prf' (features.score, "))
        #expect(checked.stdout.contains("p/init.lua:4), which the users table does not have (did you mean 'privacy_pref'?)"))
        let missing = try CLIRunner.run(["plugins", "check", plugins, "--db", folder.appendingPathComponent("nope.sqlite").path])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nope.sqlite").path))
    }
}
