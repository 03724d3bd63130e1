import Foundation
import GRDB
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Check before computing, compute outside the write lock, write only over the snapshot computed
/// from; errors that say what is wrong and whose fault it is.
struct LearningPipelineTests {
    /// A plugin whose `boom` mapping fails whenever it runs, beside a persona that learns.
    static let probe = """
        return {
          name = "probe", version = "1.0.0", api = 1, description = "a mapping that says when it runs",
          personas = { probe = { name = "Probe", traits = { x = { value = 0.5 } } } },
          feedback = {
            boom = function() error("the mapping ran", 0) end,
            nudge = function() return { { trait = "x", adjustment = 0.1 } } end,
            weightless = function() return { { trait = "x", adjustment = 0.1, weight = 0 } } end,
          },
        }
        """

    func probeFixture() throws -> LearningFixture {
        let folder = try Support.temporaryFolder()
        try Support.write(["probe.lua": Self.probe], in: folder)
        return try LearningFixture(plugins: folder)
    }

    @Test func everyFeedbackIsCheckedBeforeAnyMappingRuns() throws {
        let f = try probeFixture()
        var inputs = (1...5).map { f.feedback(for: "probe", "boom", .string("x"), at: Double($0), id: "b\($0)") }
        inputs.append(FeedbackInput(persona: "probe", interactionID: 42, type: "nudge", value: .string("x"), location: "feedback.jsonl:6"))
        do {
            _ = try f.pipeline.addFeedback(inputs)
            Issue.record("an import naming a missing interaction was applied")
        } catch {
            // Line 6's missing interaction is found before line 1's mapping runs.
            #expect(error.description == "feedback.jsonl:6: no interaction 42 (log it first with `persona-host interactions add`)")
            #expect(error.isInputError)
        }
        #expect(try f.pipeline.store.feedback(of: "probe").isEmpty)
    }

    @Test func aSignalTheLearnerWouldDropIsThePluginsError() throws {
        let f = try probeFixture()
        do {
            _ = try f.pipeline.addFeedback([f.feedback(for: "probe", "weightless", .string("x"), at: 0)])
            Issue.record("a weight-0 signal was accepted (and silently dropped by the learner)")
        } catch {
            guard case .located(_, .plugin(.badResult(let plugin, let hook, let problem, _))) = error else { Issue.record("\(error)"); return }
            #expect(plugin == "probe")
            #expect(hook.contains("feedback.weightless"))
            #expect(problem.contains("above 0"))
            #expect(!error.isInputError)
        }
    }

    @Test func everyProblemIsReportedTogetherInInputOrder() throws {
        let f = try LearningFixture()
        let id = try f.pipeline.addInteraction(persona: "anti_aging", input: "formulate", output: "a formula")
        let inputs = [
            FeedbackInput(persona: "echo", type: "categorical", value: .string("too_formal"), location: "f.jsonl:1"),
            FeedbackInput(persona: "ecko", type: "categorical", value: .string("too_formal"), location: "f.jsonl:2"),
            FeedbackInput(persona: "echo", type: "ratin", value: .number(4), location: "f.jsonl:3"),
            FeedbackInput(persona: "echo", interactionID: id, type: "rating", value: .number(4), location: "f.jsonl:4"),
        ]
        do {
            _ = try f.pipeline.addFeedback(inputs)
            Issue.record("applied")
        } catch {
            guard case .several(let problems, let total) = error else { Issue.record("\(error)"); return }
            #expect(total == 3)
            try #require(problems.count == 3)
            #expect(problems.map { $0.description.prefix(10) } == ["f.jsonl:2:", "f.jsonl:3:", "f.jsonl:4:"])
            #expect(problems[0].description.contains("did you mean 'echo'"))
            #expect(problems[1].description.contains("did you mean 'rating'"))
            #expect(problems[2].description.contains("interaction \(id) belongs to persona 'anti_aging', not 'echo'"))
        }
        #expect(try f.pipeline.store.versions(of: "echo").isEmpty)
    }

    @Test func anotherWriterBetweenComputingAndWritingMakesTheCallComputeAgain() throws {
        let f = try LearningFixture()
        let other = try LearningPipeline(plugins: f.plugins, database: f.database)
        var interfered = false
        f.pipeline.beforeWriting = {
            guard !interfered else { return }
            interfered = true
            _ = try other.addFeedback([f.feedback("categorical", .string("too_long"), at: 0, id: "theirs")])
        }
        let outcomes = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 10, id: "mine")])
        #expect(interfered)
        // Computed again over the other writer's version: v1.1 is theirs, v1.2 mine, built on it.
        #expect(outcomes.map(\.version) == ["v1.2"])
        let versions = try f.pipeline.store.versions(of: "echo")
        #expect(versions.map(\.name) == ["v1.0", "v1.1", "v1.2"])
        #expect(versions.map(\.status) == [.superseded, .superseded, .active])
        #expect(versions[2].parent == "v1.1")
        #expect(versions[2].traits["verbosity"] == versions[1].traits["verbosity"])
        #expect(versions[2].traits["verbosity"]! < 0.5 && versions[2].traits["formality"]! < 0.62)
        #expect(try f.pipeline.store.feedback(of: "echo").map(\.version) == ["v1.1", "v1.2"])
    }

    @Test func theSameFeedbackFromTwoWritersIsAppliedOnce() throws {
        let f = try LearningFixture()
        let other = try LearningPipeline(plugins: f.plugins, database: f.database)
        let same = f.feedback("categorical", .string("too_formal"), at: 0, id: "shared")
        var interfered = false
        f.pipeline.beforeWriting = {
            if !interfered { interfered = true; _ = try other.addFeedback([same]) }
        }
        #expect(try f.pipeline.addFeedback([same]).map(\.status) == ["duplicate"])
        #expect(try f.pipeline.store.feedback(of: "echo").count == 1)
    }

    @Test func aWriterThatKeepsInterferingStopsTheCallWithNothingApplied() throws {
        let f = try LearningFixture()
        let other = try LearningPipeline(plugins: f.plugins, database: f.database)
        var round = 0
        f.pipeline.beforeWriting = {
            round += 1
            _ = try other.addFeedback([f.feedback("categorical", .string("too_long"), at: Double(round), id: "theirs-\(round)")])
        }
        do {
            _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 100, id: "mine")])
            Issue.record("applied over other writers")
        } catch {
            guard case .conflict(let attempts) = error else { Issue.record("\(error)"); return }
            #expect(attempts == 3)
            #expect(!error.isInputError)
        }
        // Only the other writer's three feedback are stored (this call's would make four).
        #expect(try f.pipeline.store.feedback(of: "echo").count == 3)
    }

    @Test func damagedLearnerStatesStopTheFeedbackInsteadOfReopeningTheWindows() throws {
        let f = try LearningFixture()
        _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 0)])
        try f.pipeline.store.write("damaging") { tx in try tx.setLearnerStates(try JSONDocument(text: #"{"formality": 3}"#), of: "echo") }
        do {
            _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 10)])
            Issue.record("applied over damaged learner states")
        } catch {
            guard case .damaged(let damage) = error else { Issue.record("\(error)"); return }
            #expect(damage.record == "learner_states, persona 'echo'")
            #expect(damage.database == f.database.path)
        }
        #expect(try f.pipeline.store.versions(of: "echo").count == 2)
    }

    @Test func aDamagedInteractionContextIsAnErrorNotAnEmptyContext() throws {
        let f = try LearningFixture()
        let id = try f.pipeline.addInteraction(persona: "anti_aging", input: "formulate", output: "a formula",
                                               context: .object(["ingredients": .array([.string("niacinamide")])]))
        let queue = try DatabaseQueue(path: f.database.path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE interactions SET context = 'not json' WHERE id = ?", arguments: [id])
        }
        let outcome = JSONValue.object(["efficacy": .number(8), "safety": .number(8), "user_satisfaction": .number(8)])
        do {
            _ = try f.pipeline.addFeedback([f.feedback(for: "anti_aging", "outcome", outcome, interaction: id, at: 0)])
            Issue.record("a damaged context was read as {}")
        } catch {
            guard case .damaged(let damage) = error else { Issue.record("\(error)"); return }
            #expect(damage.record == "interactions, id \(id)")
            #expect(damage.field == "context")
        }
    }

    @Test func aNumericIdImportedByAnEarlierVersionIsStillADuplicate() throws {
        let f = try LearningFixture()
        // Earlier versions read "id": 12 as the Double 12.0 and stored its fingerprint from "12.0".
        _ = try f.pipeline.addFeedback([f.feedback("categorical", .string("too_formal"), at: 0, id: "12.0")])
        var again = f.feedback("categorical", .string("too_formal"), at: 0, id: "12")
        again.legacyExternalID = "12.0"
        #expect(try f.pipeline.addFeedback([again]).map(\.status) == ["duplicate"])
    }

    @Test func nothingIsWrittenWhenEveryFeedbackIsADuplicate() throws {
        let f = try LearningFixture()
        let once = f.feedback("categorical", .string("too_formal"), at: 0, id: "a")
        _ = try f.pipeline.addFeedback([once])
        let token = try f.pipeline.store.read("test") { try $0.stateToken() }
        #expect(try f.pipeline.addFeedback([once, once]).map(\.status) == ["duplicate", "duplicate"])
        #expect(try f.pipeline.store.read("test") { try $0.stateToken() } == token)
    }
}
