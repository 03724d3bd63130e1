import Builtins
import Foundation
import Host
import Plugins
import Testing
import TestSupport

/// What `photos` rules return is checked at each call: a wrong result is a plugin error (exit 3)
/// naming the rule, the photo and the field.
@Suite struct PhotoRulesTests {
    /// A plugin whose rules are the given Lua expressions (each a function).
    func rules(score: String = "function() return 80 end", reject: String = "nil",
               gate: String = "function(set) return { ready = set.accepted >= 1 } end",
               training: String = "function() return { model_base = 'm', training_steps = 10, learning_rate = 1e-4, rank = 4, alpha = 4 } end",
               validation: String = "function(s) return { passed = true } end") throws -> (PhotoRules, PluginLoader, URL) {
        let folder = try Support.temporaryFolder()
        try Support.write(["p/init.lua": """
            return { name = "p", version = "1", api = 1, description = "",
              photos = { scores = { a = \(score) }, weights = { a = 1 }, reject = \(reject),
                         gate = \(gate), training = \(training), validation = \(validation) } }
            """], in: folder)
        let loader = PluginLoader()
        let set = try loader.loadAll(from: folder)
        #expect(set.failures.isEmpty, "\(set.failures.map(\.error.description))")
        return (try PhotoRules(from: set, named: nil), loader, folder)
    }

    static let facts = PhotoFacts(file: "a.jpg", format: "jpeg", bytes: 600_000, width: 800, height: 800, sharpness: 200,
                                  brightness: 0.5, shadows: 0, highlights: 0, faces: 1, face: nil, hash: "0123456789abcdef")

    func pluginError(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as PluginError { return error.exitStatus == .plugin ? error.description : nil } catch { return nil }
        return nil
    }

    @Test func aScoreOutsideZeroToHundredNamesTheRuleAndThePhoto() throws {
        let (rules, _, folder) = try rules(score: "function() return 120 end")
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = try #require(pluginError { _ = try rules.score(Self.facts) })
        #expect(message.contains("photos.scores.a"))
        #expect(message.contains("must return a number from 0 to 100 for a.jpg, got number 120"))
    }

    @Test func rejectReasonsMayBeAStringOrAListAndDecideAcceptance() throws {
        let (one, _, f1) = try rules(reject: "function(p) return 'too small' end")
        defer { try? FileManager.default.removeItem(at: f1) }
        let scored = try one.score(Self.facts)
        #expect(scored.reasons == ["too small"] && !scored.accepted)
        #expect(scored.overall == 80)
        let (none, _, f2) = try rules(reject: "function(p) return {} end")
        defer { try? FileManager.default.removeItem(at: f2) }
        #expect(try none.score(Self.facts).accepted)
        let (bad, _, f3) = try rules(reject: "function(p) return { 5 } end")
        defer { try? FileManager.default.removeItem(at: f3) }
        #expect(pluginError { _ = try bad.score(Self.facts) }?.contains("photos.reject") == true)
    }

    @Test func aGateMustSayReadyAndGiveReasonsOnlyWhenNot() throws {
        let photo = ScoredPhoto(facts: Self.facts, scores: ["a": 80], overall: 80)
        for (gate, expected) in [("function() return {} end", "ready must be true or false"),
                                 ("function() return { ready = false } end", "says not ready without a reason"),
                                 ("function() return { ready = true, reasons = { 'x' } } end", "says ready but gives reasons against it")] {
            let (rules, _, folder) = try rules(gate: gate)
            defer { try? FileManager.default.removeItem(at: folder) }
            let message = try #require(pluginError { _ = try rules.gate([photo]) })
            #expect(message.contains(expected), "\(message)")
        }
    }

    @Test func theTrainingConfigurationIsCheckedFieldByField() throws {
        let photo = ScoredPhoto(facts: Self.facts, scores: ["a": 80], overall: 80)
        for (training, expected) in [
            ("function() return { training_steps = 10, learning_rate = 1, rank = 1, alpha = 1 } end", "model_base: must be a string"),
            ("function() return { model_base = 'm', training_steps = 10.5, learning_rate = 1, rank = 1, alpha = 1 } end", "training_steps: must be a whole number"),
            ("function() return { model_base = 'm', training_steps = 10, learning_rate = 0, rank = 1, alpha = 1 } end", "learning_rate: must be above 0"),
            ("function() return { model_base = 'm', training_steps = 10, learning_rate = 1, rank = 1, alpha = 1, dropout = 2 } end", "dropout: must be from 0 to 1"),
        ] {
            let (rules, _, folder) = try rules(training: training)
            defer { try? FileManager.default.removeItem(at: folder) }
            let message = try #require(pluginError { _ = try rules.training([photo]) })
            #expect(message.contains(expected), "\(message)")
        }
        let (rules, _, folder) = try rules(training: "function() return { model_base = 'm', training_steps = 10, learning_rate = 1e-4, rank = 4, alpha = 4, extra = { 1, 2 } } end")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .object(let config) = try rules.training([photo]) else { Issue.record("not an object"); return }
        #expect(config["extra"] == .array([.number(1), .number(2)]))
        #expect(config["training_steps"] == .number(10))
    }

    @Test func aFailedValidationNeedsAReason() throws {
        let (rules, _, folder) = try rules(validation: "function(s) return { passed = s.x > 0.8 } end")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try rules.validation(["x": 0.9]).passed)
        #expect(pluginError { _ = try rules.validation(["x": 0.5]) }?.contains("says not passed without a reason") == true)
    }
}
