import Foundation
import Testing
import TestSupport

/// A goal word that matches a category too weakly to count is said in the text, never dropped.
@Suite struct GoalBelowThresholdTests {
    @Test func aWeakMatchIsListedBelowThreshold() throws {
        let root = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Support.write(["plugins/p/init.lua": """
            return { name = "p", version = "1", api = 1, description = "", default_domain = true,
              intents = { everyone = { terms = { "everyone" } },
                          pets = { terms = { "pet owner" }, synonyms = { puppy = "pet owner" }, threshold = 0.7 } },
              columns = { "age" },
              features = { a = function(u) return u.age end },
              persona = function(cluster) return { name = "P" .. cluster.index } end }
            """], in: root)
        let db = root.appendingPathComponent("u.sqlite").path
        #expect(try CLIRunner.run(["data", "generate", "--rows", "300", "--db", db]).status == 0)
        let result = try CLIRunner.run(["run", "goal", "everyone with a puppy", "--db", db, "--plugins", root.appendingPathComponent("plugins").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Below threshold: puppy (pets 0.60 < 0.70)."), "\(result.stdout)")
        #expect(!result.stdout.contains("Not recognised: puppy"))
    }
}
