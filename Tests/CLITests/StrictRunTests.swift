import Foundation
import Testing
import Builtins
import TestSupport

/// An edited rule either works or says exactly why not: broken plugins stop the run (exit 3,
/// nothing stored) unless --skip-broken, which then says so everywhere; recognised goal words are
/// applied or reported; plugin strings are bounded and escaped.
@Suite(.serialized) struct StrictRunTests {
    let folder: URL
    let db: String
    let plugins: URL

    init() throws {
        folder = try Support.temporaryFolder()
        db = folder.appendingPathComponent("users.sqlite").path
        plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.plugins, to: plugins)
        let generated = try CLIRunner.run(["data", "generate", "--rows", "3000", "--seed", "7", "--db", db])
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments + ["--db", db, "--plugins", plugins.path])
    }

    /// Text output with its wrapped lines joined again (continuation lines are indented), so a
    /// phrase can be looked for wherever the width broke it.
    func unwrapped(_ text: String) -> String {
        text.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
    }

    func json(_ result: CLIRunner.Result) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    func savedRuns() throws -> Int {
        let list = try CLIRunner.run(["runs", "list", "--db", db, "--json"])
        return (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count ?? -1
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let url = plugins.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test(arguments: ["features = {" + "\u{0}", "feautres = {", "selectd_by = {"])
    func aBrokenPluginStopsTheRunNamingItAndStoresNothing(breakage: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit("parenting/init.lua") { source in
            switch breakage {
            case "feautres = {": source.replacingOccurrences(of: "features = {", with: "feautres = {")
            case "selectd_by = {": source.replacingOccurrences(of: "selected_by = {", with: "selectd_by = {")
            default: source.replacingOccurrences(of: "features = {", with: "features = {{")  // a syntax error
            }
        }
        let result = try run(["run", "goal", "Gen Z Moms", "--json"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("plugins/parenting/init.lua:"))
        #expect(result.stderr.contains("--skip-broken"))
        #expect(try savedRuns() == 0)
        if breakage.hasPrefix("feautres") { #expect(result.stderr.contains("unknown field 'feautres' (did you mean 'features'?)")) }
        if breakage.hasPrefix("selectd") { #expect(result.stderr.contains("unknown field 'selectd_by' (did you mean 'selected_by'?)")) }
    }

    @Test func skipBrokenRunsWithoutThePluginAndSaysSoEverywhere() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit("parenting/init.lua") { $0.replacingOccurrences(of: "features = {", with: "feautres = {") }
        let text = try run(["run", "goal", "Gen Z Moms", "--skip-broken"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("WARNING: --skip-broken left out 1 broken plugin(s): parenting"))
        let result = try run(["run", "goal", "Gen Z Moms", "--skip-broken", "--json"])
        let skipped = try #require(json(result)["skipped_plugins"] as? [[String: Any]])
        #expect(skipped.first?["plugin"] as? String == "parenting")
        #expect((skipped.first?["error"] as? String)?.contains("feautres") == true)
        let id = try #require(json(result)["run_id"] as? Int)
        let shown = try CLIRunner.run(["runs", "show", String(id), "--json", "--db", db])
        #expect((json(shown)["skipped_plugins"] as? [Any])?.count == 1)
        // The parenting intent is now nobody's: "Moms" is recognised by no plugin, and said so.
        #expect((json(result)["unrecognised_words"] as? [String])?.contains("moms") == true)
    }

    @Test func recognisedGoalWordsAreAppliedOrReported() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let budget = json(try run(["run", "goal", "budget families", "--json"]))
        let conditions = ((budget["filter"] as? [String: Any])?["conditions"] as? [[String: Any]])?.compactMap { $0["condition"] as? String }
        #expect(conditions == ["price_sensitivity >= 0.6", "has_children = 1"])
        #expect((budget["not_applied"] as? [Any])?.isEmpty == true)

        let commuters = json(try run(["run", "goal", "budget-conscious commuters who care about privacy", "--json"]))
        let applied = ((commuters["filter"] as? [String: Any])?["conditions"] as? [[String: Any]])?.compactMap { $0["condition"] as? String }
        #expect(applied == ["price_sensitivity >= 0.6", "privacy_pref >= 0.6"])
        #expect((commuters["unrecognised_words"] as? [String]) == ["conscious", "commuters", "care"])

        let rural = try run(["run", "goal", "rural fashion lovers"])
        #expect(rural.status == 0)
        #expect(unwrapped(rural.stdout).contains("Not applied: rural (geography): audience: the users table has no rural/urban column"))
        let notApplied = try #require(json(try run(["run", "goal", "rural fashion lovers", "--json"]))["not_applied"] as? [[String: Any]])
        #expect(notApplied.compactMap { $0["term"] as? String } == ["rural", "fashion"])
        let before = try savedRuns()
        let strict = try run(["run", "goal", "rural fashion lovers", "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("--strict: recognised but not applied: rural (geography)"))
        #expect(try savedRuns() == before)
    }

    @Test func aDomainWithoutAPersonaHookFailsTheCheck() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit("tech_adoption/init.lua") { source in
            let start = source.range(of: "  persona = function(cluster)")!.lowerBound
            return String(source[..<start]) + "}\n"
        }
        let check = try CLIRunner.run(["plugins", "check", plugins.path])
        #expect(check.status == 3)
        #expect(check.stdout.contains("tech_adoption/init.lua:") && check.stdout.contains("a goal domain (it has features) needs persona"))
    }

    @Test func personaNamesAreBoundedAndPluginStringsEscaped() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit("parenting/init.lua") {
            $0.replacingOccurrences(of: #"name = host.names.person(cluster.index, gender) .. " — " .. label .. " " .. noun,"#,
                                    with: #"name = string.rep("N", 50 * 1024 * 1024),"#)
        }
        let long = try run(["run", "goal", "Gen Z Moms"])
        #expect(long.status == 3)
        #expect(long.stderr.contains("at most 120"))
        #expect(try savedRuns() == 0)

        try edit("parenting/init.lua") {
            $0.replacingOccurrences(of: #"name = string.rep("N", 50 * 1024 * 1024),"#, with: #"name = "Mom\27[31m" .. cluster.index,"#)
        }
        let control = try run(["run", "goal", "Gen Z Moms"])
        #expect(control.status == 3)
        #expect(control.stderr.contains("returned a name with control characters"))
        try edit("parenting/init.lua") {
            $0.replacingOccurrences(of: #"name = "Mom\27[31m" .. cluster.index,"#, with: #"name = "Mom " .. cluster.index,"#)
                .replacingOccurrences(of: "parenting_style = label,", with: #"parenting_style = label .. "\27[31m","#)
        }
        let goal = "Gen Z Moms\u{1B}[2J\nFAKE LINE"
        let escaped = try run(["run", "goal", goal])
        #expect(escaped.status == 0, "\(escaped.stderr)")
        #expect(!escaped.stdout.contains("\u{1B}"))
        #expect(unwrapped(escaped.stdout).contains(#"Gen Z Moms\u{1B}[2J\nFAKE LINE"#))
        let list = try CLIRunner.run(["runs", "list", "--db", db])
        #expect(!list.stdout.contains("\u{1B}"))
        #expect(!list.stdout.contains("\nFAKE LINE"))
    }

    @Test func explainSaysWhyAtEveryStage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try run(["run", "goal", "Gen Z Moms", "--explain"])
        #expect(text.status == 0, "\(text.stderr)")
        for line in ["\"moms\" → mom (inflection, 0.85) → parenting", "filters of parenting (it declares parenting):",
                     "gender = 'female' for mom", "3. Domain: parenting, selected by the parenting intent",
                     "traced (straight-line arithmetic", "← best", "cluster 1, attempt 1"] {
            #expect(unwrapped(text.stdout).contains(line), "\(line)")
        }
        let result = try run(["run", "goal", "Gen Z Moms", "--explain", "--json"])
        let explanation = try #require(json(result)["explanation"] as? [String: Any])
        #expect((explanation["naming"] as? [Any])?.isEmpty == false)
        let id = try #require(json(result)["run_id"] as? Int)

        // Why user X is in their persona, from the stored membership.
        let members = folder.appendingPathComponent("m.csv").path
        #expect(try run(["run", "goal", "Gen Z Moms", "--members", members]).status == 0)
        let line = try String(contentsOfFile: members, encoding: .utf8).split(separator: "\n")[1].split(separator: ",")
        let user = String(line[0])
        let explained = try run(["runs", "explain", String(id), "--user", user, "--json"])
        #expect(explained.status == 0, "\(explained.stderr)")
        let e = json(explained)
        #expect(e["persona"] as? Int == Int(line[1]))
        #expect((e["distances"] as? [Any])?.count == (json(result)["personas"] as? [Any])?.count)
        #expect((e["deciding"] as? [Any])?.isEmpty == false)
        let outsider = try run(["runs", "explain", String(id), "--user", "999999"])
        #expect(outsider.status == 2)
        #expect(outsider.stderr.contains("user 999999 is not one of run \(id)'s"))
    }

    @Test func theMembersFileNeverClobbers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sameAsDatabase = try run(["run", "goal", "Gen Z Moms", "--members", db])
        #expect(sameAsDatabase.status == 2)
        #expect(sameAsDatabase.stderr.contains("is the database file"))
        #expect(try CLIRunner.run(["data", "stats", "--db", db]).status == 0)   // still a sound database

        let device = try run(["run", "goal", "Gen Z Moms", "--members", "/dev/null"])
        #expect(device.status == 2)
        #expect(device.stderr.contains("is not a regular file"))

        let target = folder.appendingPathComponent("precious.txt")
        try "keep me".write(to: target, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let symlink = try run(["run", "goal", "Gen Z Moms", "--members", link.path])
        #expect(symlink.status == 2)
        #expect(symlink.stderr.contains("is a symbolic link"))
        let existing = try run(["run", "goal", "Gen Z Moms", "--members", target.path])
        #expect(existing.status == 2)
        #expect(existing.stderr.contains("already exists; pass --force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        #expect(try savedRuns() == 0)

        let forced = try run(["run", "goal", "Gen Z Moms", "--members", target.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("user_id,persona_index,persona\n"))

        let stdout = try run(["run", "goal", "Gen Z Moms", "--members", "-"])
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("user_id,persona_index,persona\n"))
        #expect(try run(["run", "goal", "Gen Z Moms", "--members", "-", "--json"]).status == 2)
    }
}
