import Foundation
import Testing
import Builtins
import TestSupport

/// `persona-host intents` as a user types it: the vocabulary in force, who owns each word, and
/// what each term selects, from the shipped plugins and from fixtures.
@Suite struct IntentsCommandTests {
    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func category(_ name: String, in json: [String: Any]) throws -> [String: Any] {
        let categories = try #require(json["categories"] as? [[String: Any]])
        return try #require(categories.first { $0["category"] as? String == name })
    }

    func term(_ name: String, in category: [String: Any]) throws -> [String: Any] {
        let terms = try #require(category["terms"] as? [[String: Any]])
        return try #require(terms.first { $0["term"] as? String == name })
    }

    @Test func theShippedVocabularyShowsOwnerSynonymsAndConditions() throws {
        let result = try CLIRunner.run(["intents", "--plugins", Support.plugins.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex(of: "parenting: parenting, threshold 0.50 (default)"))
        #expect(lines[header + 1] == "  mom  synonyms: mommy, mother, mum")
        #expect(lines[header + 2] == "    → has_children = 1 (parenting)")
        #expect(lines[header + 3] == "    → gender = 'female' (parenting)")
        #expect(lines.contains("  gen z  synonyms: generation z, zoomer"))
        #expect(lines.contains("    → age between 18 and 25 (audience)"))
        #expect(lines.contains("    not applied: audience: the users table has no rural/urban column (city_tier"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        // A long `in` list wraps onto an indented line.
        #expect(lines.contains { $0.hasPrefix("      'nurse', ") })
    }

    @Test func theShippedVocabularyAsJSON() throws {
        let result = try CLIRunner.run(["intents", "--json", "--plugins", Support.plugins.path])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try json(result)
        let parenting = try category("parenting", in: parsed)
        #expect(parenting["plugin"] as? String == "parenting")
        #expect(parenting["threshold"] as? Double == 0.5)
        let mom = try term("mom", in: parenting)
        #expect(mom["synonyms"] as? [String] == ["mommy", "mother", "mum"])
        let conditions = try #require(mom["conditions"] as? [[String: Any]])
        #expect(conditions.compactMap { $0["condition"] as? String } == ["has_children = 1", "gender = 'female'"])
        #expect(conditions.compactMap { $0["plugin"] as? String } == ["parenting", "parenting"])
        #expect(conditions.compactMap { $0["field"] as? String } == ["has_children", "gender"])
        let rural = try term("rural", in: try category("geography", in: parsed))
        #expect((rural["conditions"] as? [Any])?.isEmpty == true)
        #expect((rural["not_applied"] as? String)?.contains("no rural/urban column") == true)
        #expect((parsed["skipped_plugins"] as? [Any])?.isEmpty == true)
    }

    @Test func thresholdsSharedCategoriesAndTermsThatCannotStandAlone() throws {
        let result = try CLIRunner.run(["intents", "--plugins", Support.fixture("plugins-intents").path])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        // Wrapped lines read as one text.
        let flat = out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(out.contains("\npets: words, threshold 0.70\n  · also declared by more (terms merged; threshold from words)\n"
                             + "  · a synonym alone (0.60) does not reach the threshold\n  dog"))
        #expect(out.contains("  dog  synonyms: puppy\n    → pet = 'dog' (words)"))
        #expect(out.contains("  cat\n    not applied: words: the users table has no column for cats"))
        #expect(out.contains("  parrot (from more)  synonyms: polly\n    not applied: no condition from words"))
        // No synonyms in rare: nothing to say about them.
        #expect(out.contains("\nrare: words, threshold 0.95\n  unicorn\n    not detected alone: "))
        #expect(flat.contains("not detected alone: read alone it gives rare a confidence of 0.90, below the threshold 0.95"))

        let parsed = try json(try CLIRunner.run(["intents", "--json", "--plugins", Support.fixture("plugins-intents").path]))
        let pets = try category("pets", in: parsed)
        #expect(pets["plugins"] as? [String] == ["words", "more"])
        #expect(pets["synonym_alone_detects"] as? Bool == false)
        #expect(pets["threshold_is_default"] as? Bool == false)
        #expect(try term("parrot", in: pets)["plugin"] as? String == "more")
        #expect(try term("unicorn", in: try category("rare", in: parsed))["detected_alone"] as? Bool == false)
    }

    @Test func aBrokenPluginStopsTheListingUnlessSkipped() throws {
        let folder = Support.fixture("plugins-mixed").path
        let strict = try CLIRunner.run(["intents", "--plugins", folder])
        #expect(strict.status == 3)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("broken_runtime/init.lua:4:"))
        #expect(strict.stderr.contains("--skip-broken"))

        let skipped = try CLIRunner.run(["intents", "--plugins", folder, "--skip-broken"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.hasPrefix("WARNING: --skip-broken left out "))
        #expect(skipped.stdout.contains("  mom\n    not applied: no plugin with a filters hook declares the parenting intent"))
        let parsed = try json(try CLIRunner.run(["intents", "--plugins", folder, "--skip-broken", "--json"]))
        let names = (parsed["skipped_plugins"] as? [[String: Any]])?.compactMap { $0["plugin"] as? String } ?? []
        #expect(names.contains("broken_runtime"))
    }

    @Test func aFiltersHookThatFailsIsAPluginError() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["p.lua": #"""
            return { name = "p", version = "1", api = 1, description = "",
              intents = { pets = { terms = { "dog" } } },
              filters = function(goal) error("no dogs here") end }
            """#], in: folder)
        let result = try CLIRunner.run(["intents", "--plugins", folder.path])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no dogs here"))
    }
}
