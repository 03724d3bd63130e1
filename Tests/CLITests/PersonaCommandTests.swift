import Foundation
import Testing
import TestSupport

/// The `persona` commands on the personas goal runs produce (`run:RUN/N`), against the built binary.
@Suite(.serialized) struct PersonaCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("users.sqlite").path
        let generated = try CLIRunner.run(["data", "generate", "--rows", "4000", "--seed", "7", "--db", db])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    func cli(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--db", db], in: folder, environment: ["PERSONA_HOST_PLUGINS": Support.plugins.path])
    }

    func json(_ arguments: [String]) throws -> Any? {
        let result = try cli(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A goal run's JSON.
    func goal(_ extra: [String] = []) throws -> [String: Any] {
        try #require(try json(["run", "goal", "Gen Z Moms"] + extra) as? [String: Any])
    }

    @Test func listShowAndCompareGoalRunPersonas() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try goal()
        let id = try #require(run["run_id"] as? Int)
        let personas = try #require(run["personas"] as? [[String: Any]])
        try #require(personas.count >= 2)

        // Listed with run:RUN/N ids, one per persona, as the run has them.
        let listed = try #require(try json(["persona", "list", "--runs"]) as? [[String: Any]])
        #expect(listed.compactMap { $0["id"] as? String } == personas.indices.map { "run:\(id)/\($0 + 1)" })
        #expect(listed.compactMap { $0["name"] as? String } == personas.compactMap { $0["name"] as? String })
        #expect(listed.compactMap { $0["size"] as? Int } == personas.compactMap { $0["size"] as? Int })
        let text = try cli(["persona", "list", "--run", String(id)])
        #expect(text.stdout.contains("run:\(id)/1") && text.stdout.contains("Gen Z Moms"))
        // The plain list points to them.
        #expect(try cli(["persona", "list"]).stdout.contains("persona-host persona list --runs"))

        // Shown: size, share, traits, what sets it apart, the feature profile.
        let second = personas[1]
        let shown = try #require(try json(["persona", "show", "run:\(id)/2"]) as? [String: Any])
        #expect(shown["id"] as? String == "run:\(id)/2")
        let persona = try #require(shown["persona"] as? [String: Any])
        #expect(persona["name"] as? String == second["name"] as? String)
        #expect(persona["size"] as? Int == second["size"] as? Int)
        #expect(persona["distinguishing"] as? [String] == second["distinguishing"] as? [String])
        let features = try #require(shown["features"] as? [[String: Any]])
        let zScores = try #require(second["z_scores"] as? [String: Double])
        #expect(features.count == (run["features"] as? [Any])?.count)
        for f in features {
            let name = try #require(f["name"] as? String)
            #expect(f["z_score"] as? Double == zScores[name], "\(name)")
        }
        let showText = try cli(["persona", "show", "run:\(id)/2"])
        #expect(showText.status == 0)
        #expect(showText.stdout.contains("(run:\(id)/2): persona 2 of \(personas.count) of run \(id)"))
        #expect(showText.stdout.contains("Feature profile") && showText.stdout.contains("Set apart by: "))

        // Compared: z-scores side by side, with their difference.
        let compared = try #require(try json(["persona", "compare", "run:\(id)/1", "run:\(id)/2"]) as? [String: Any])
        let rows = try #require(compared["features"] as? [[String: Any]])
        let firstZ = try #require(personas[0]["z_scores"] as? [String: Double])
        for row in rows {
            let name = try #require(row["name"] as? String)
            let a = try #require(row["first_z"] as? Double), b = try #require(row["second_z"] as? Double)
            #expect(a == firstZ[name] && b == zScores[name])
            #expect(abs((row["z_difference"] as? Double ?? .nan) - (b - a)) < 1e-12)
        }
        let differences = rows.compactMap { ($0["z_difference"] as? Double).map(abs) }
        #expect(differences == differences.sorted(by: >))
        #expect(try cli(["persona", "compare", "run:\(id)/1", "run:\(id)/2"]).stdout.contains("Z DIFFERENCE"))
    }

    @Test func unknownOrMisusedGoalRunPersonasAreUsageErrorsNamingWhatExists() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try goal()
        let id = try #require(run["run_id"] as? Int)
        let count = (run["personas"] as? [Any])?.count ?? 0

        let noPersona = try cli(["persona", "show", "run:\(id)/\(count + 1)"])
        #expect(noPersona.status == 2)
        #expect(noPersona.stderr.contains("run \(id) has no persona \(count + 1)"))
        #expect(noPersona.stderr.contains("run:\(id)/1 "))
        let noRun = try cli(["persona", "show", "run:99/1"])
        #expect(noRun.status == 2)
        #expect(noRun.stderr.contains("no run with id 99; saved runs: \(id)"))
        let malformed = try cli(["persona", "compare", "run:\(id)", "run:\(id)/1"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("write run:RUN/N"))
        let mixed = try cli(["persona", "compare", "run:\(id)/1", "anti_aging"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("one is a goal-run persona"))
        let concerns = try cli(["persona", "compare", "run:\(id)/1", "run:\(id)/2", "--concerns", "redness"])
        #expect(concerns.status == 2)
        #expect(concerns.stderr.contains("--concerns applies to skincare personas"))
        let history = try cli(["persona", "history", "run:\(id)/1"])
        #expect(history.status == 2)
        #expect(history.stderr.contains("does not learn from feedback"))
        // Skincare personas still compare under a request, and still need one.
        #expect(try cli(["persona", "compare", "sensitive_skin", "anti_aging", "--concerns", "wrinkles,redness"]).status == 0)
        let noRequest = try cli(["persona", "compare", "sensitive_skin", "anti_aging"])
        #expect(noRequest.status == 2)
        #expect(noRequest.stderr.contains("needs --concerns"))
        // An unknown plain id now says how goal-run personas are named.
        #expect(try cli(["persona", "show", "nobody"]).stderr.contains("goal-run personas are run:RUN/N"))
    }
}
