import Foundation
import Testing
import Builtins
import TestSupport

/// The sandbox as a user meets it: a runaway pattern or a slow C loop ends with a clear error
/// from `plugins check` and from a run, and the budgets are configurable.
@Suite struct SandboxCommandTests {
    static let backtracking = #"('a'):rep(40):find(('a*'):rep(40) .. 'b')"#

    func folder(_ files: [String: String]) throws -> URL {
        let folder = try Support.temporaryFolder()
        try Support.write(files, in: folder.appendingPathComponent("plugins"))
        return folder
    }

    @Test func aBacktrackingPatternAtLoadFailsTheCheckWithABudgetError() throws {
        let root = try folder(["p/init.lua": """
            local found = \(Self.backtracking)
            return { name = "p", version = "1", api = 1, description = "" }
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        // A long deadline, so that on a loaded machine the instruction budget is still what stops it.
        let result = try CLIRunner.run(["plugins", "check", root.appendingPathComponent("plugins").path],
                                       environment: ["PERSONA_HOST_LUA_TIMEOUT": "300"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("p/init.lua:1: instruction budget of 100000000 exceeded"))
    }

    @Test func aBacktrackingPatternInAFormulaStopsTheRunNamingTheUser() throws {
        let root = try folder(["p/init.lua": """
            return { name = "p", version = "1", api = 1, description = "", default_domain = true,
              intents = { all = { terms = { "everyone" } } },
              features = { score = function(u) if u.age > 30 then \(Self.backtracking) end return u.age end },
              persona = function(cluster) return { name = "P" .. cluster.index } end }
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        let db = root.appendingPathComponent("users.sqlite").path
        #expect(try CLIRunner.run(["data", "generate", "--rows", "300", "--db", db]).status == 0)
        let result = try CLIRunner.run(["run", "goal", "everyone", "--db", db, "--plugins", root.appendingPathComponent("plugins").path],
                                       environment: ["PERSONA_HOST_LUA_TIMEOUT": "300"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("plugin 'p', formula 'score', user_id "))
        #expect(result.stderr.contains("instruction budget of 100000000 exceeded"))
    }

    @Test func aPluginWrittenInLatin1Loads() throws {
        let root = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A Latin-1 byte in a string literal (not in a manifest field, which must be text).
        let source = Array(#"local cafe = "caf"#.utf8) + [0xE9] + Array("\"\nassert(#cafe == 4)\n".utf8)
            + Array(#"return { name = "latin", version = "1", api = 1, description = "" }"#.utf8)
        let file = root.appendingPathComponent("plugins/latin.lua")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source).write(to: file)
        let result = try CLIRunner.run(["plugins", "check", file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func theDeadlineIsConfigurableAndBadLimitsAreUsageErrors() throws {
        let root = try folder(["slow/init.lua": """
            local s = string.rep("x", 16 * 1024 * 1024)
            for _ = 1, 1e6 do s = s:upper():lower() end
            return { name = "slow", version = "1", api = 1, description = "" }
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        let plugins = root.appendingPathComponent("plugins").path
        let env = ["PERSONA_HOST_LUA_TIMEOUT": "0.3", "PERSONA_HOST_LUA_INSTRUCTIONS": "1000000000000"]
        let slow = try CLIRunner.run(["plugins", "check", plugins], environment: env)
        #expect(slow.status == 3)
        #expect(slow.stdout.contains("wall-clock deadline of 0.3 s exceeded"))
        let bad = try CLIRunner.run(["plugins", "check", plugins], environment: ["PERSONA_HOST_LUA_TIMEOUT": "soon"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("PERSONA_HOST_LUA_TIMEOUT='soon' is not valid"))
    }
}
