import Foundation
import Testing
import Builtins
import TestSupport

/// `persona-host run goal` end to end: generated users, the repository's plugins, JSON out.
@Suite(.serialized) struct GoalCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("users.sqlite").path
        let generated = try CLIRunner.run(["data", "generate", "--rows", "5000", "--seed", "7", "--db", db])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    func goal(_ goal: String, _ extra: [String] = []) throws -> (CLIRunner.Result, [String: Any]) {
        let result = try CLIRunner.run(["run", "goal", goal, "--db", db, "--json"] + extra)
        let json = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result, json)
    }

    /// The run without what differs between two identical runs (id, timings).
    func stable(_ json: [String: Any]) throws -> String {
        var copy = json
        copy["run_id"] = nil
        copy["timings_ms"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func genZMomsGivesDistinctNamedPersonasDeterministically() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (result, json) = try goal("Gen Z Moms")
        #expect(result.status == 0, "\(result.stderr)")
        let personas = try #require(json["personas"] as? [[String: Any]])
        #expect((2...6).contains(personas.count))
        let names = personas.compactMap { $0["name"] as? String }
        #expect(Set(names).count == personas.count)
        for name in names {
            #expect(name.range(of: #"^\p{L}+ \p{L}+ — [A-Za-z-]+ Mom$"#, options: .regularExpression) != nil, "\(name)")
        }
        let matched = try #require(json["matched_rows"] as? Int)
        #expect(personas.compactMap { $0["size"] as? Int }.reduce(0, +) == matched)
        #expect((json["domain"] as? [String: Any])?["plugin"] as? String == "parenting")
        let conditions = ((json["filter"] as? [String: Any])?["conditions"] as? [[String: Any]])?.compactMap { $0["condition"] as? String }
        #expect(conditions == ["age between 18 and 25", "has_children = 1", "gender = 'female'"])

        let (again, json2) = try goal("Gen Z Moms")
        #expect(again.status == 0)
        #expect(try stable(json) == stable(json2))

        // The run was saved.
        let list = try CLIRunner.run(["runs", "list", "--db", db, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count == 2)
    }

    @Test func editingAPluginChangesTheNextRunWithoutRebuilding() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.repository.appendingPathComponent("plugins"), to: plugins)
        let (before, jsonBefore) = try goal("Gen Z Moms", ["--plugins", plugins.path])
        #expect(before.status == 0, "\(before.stderr)")
        let file = plugins.appendingPathComponent("parenting/init.lua")
        let source = try String(contentsOf: file, encoding: .utf8)
        let edited = source.replacingOccurrences(of: "u.privacy_pref * 0.4 + u.price_sensitivity * 0.6",
                                                 with: "u.privacy_pref * 0.9 + u.price_sensitivity * 0.1")
        #expect(edited != source)
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let (after, jsonAfter) = try goal("Gen Z Moms", ["--plugins", plugins.path])
        #expect(after.status == 0)
        func concern(_ json: [String: Any]) -> Double? {
            (json["features"] as? [[String: Any]])?.first { $0["name"] as? String == "parental_concern_score" }?["mean"] as? Double
        }
        #expect(concern(jsonBefore) != nil)
        #expect(concern(jsonBefore) != concern(jsonAfter))
    }

    @Test func aGoalWithNoIntentOrNoUsersFailsClearlyAndStoresNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (vague, _) = try goal("interesting people")
        #expect(vague.status == 2)
        #expect(vague.stderr.contains("could not tell what \"interesting people\" is about"))
        let plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.repository.appendingPathComponent("plugins"), to: plugins)
        try Support.write(["martians.lua": """
            return { name = "martians", version = "1", api = 1, description = "nobody",
              intents = { aliens = { terms = { "martian" } } },
              filters = function(goal) return { { "age", ">", 200 } } end }
            """], in: plugins)
        let (empty, _) = try goal("Martians", ["--plugins", plugins.path])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no users match age > 200"))
        let list = try CLIRunner.run(["runs", "list", "--db", db, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count == 0)
    }

    @Test func membersFileListsEveryMatchedUser() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let members = folder.appendingPathComponent("members.csv").path
        let (result, json) = try goal("millennial dads", ["--members", members])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: members, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "user_id,persona_index,persona")
        #expect(lines.count - 1 == json["matched_rows"] as? Int)
    }

    @Test func algorithmAndKCanBeOverridden() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (result, json) = try goal("Gen Z Moms", ["--algo", "kmeans", "--k", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let clustering = try #require(json["clustering"] as? [String: Any])
        #expect(clustering["algorithm"] as? String == "kmeans")
        #expect(clustering["chosen_k"] as? Int == 3)
        #expect((clustering["scores"] as? [Any])?.count == 1)
        let bad = try CLIRunner.run(["run", "goal", "Gen Z Moms", "--db", db, "--algo", "dbscan"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--algo must be kmeans, ward or gmm"))
    }
}

extension GoalCommandTests {
    @Test func aDomainWithNothingToClusterOnIsAPluginError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.repository.appendingPathComponent("plugins"), to: plugins)
        let file = plugins.appendingPathComponent("parenting/init.lua")
        let source = try String(contentsOf: file, encoding: .utf8)
        try source.replacingOccurrences(of: "parental_concern_score = 0.4, child_safety_priority = 0.3, family_budget_manager = 0.3",
                                        with: "parental_concern_score = 0, child_safety_priority = 0, family_budget_manager = 0")
            .write(to: file, atomically: true, encoding: .utf8)
        let (result, _) = try goal("Gen Z Moms", ["--plugins", plugins.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("parenting/init.lua:46: clustering.weights gives no feature a positive weight"))
    }
}
