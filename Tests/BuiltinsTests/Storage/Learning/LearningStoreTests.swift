import Foundation
import GRDB
import Testing
@testable import Builtins

struct WriteStopped: Error {}

/// Versions, feedback and interactions: one active version per persona, all-or-nothing writes.
@Suite struct LearningStoreTests {
    func version(_ minor: Int, _ status: PersonaVersionRecord.Status, formality: Double) -> PersonaVersionRecord {
        PersonaVersionRecord(persona: "echo", major: 1, minor: minor, status: status, traits: ["formality": formality],
                             parent: minor == 0 ? nil : "v1.\(minor - 1)", reason: "test", createdAt: Date(timeIntervalSince1970: 1000))
    }

    @Test func anActiveVersionSupersedesThePreviousOne() throws {
        try withTemporaryDatabase { temporary in
            let store = LearningStore(database: temporary.database)
            try store.write("test") { tx in
                try tx.addVersion(version(0, .active, formality: 0.62))
                try tx.addVersion(version(1, .active, formality: 0.6))
                try tx.addVersion(version(2, .rejected, formality: 0.2))
                #expect(try tx.nextMinor(of: "echo", major: 1) == 3)
            }
            #expect(try store.versions(of: "echo").map(\.status) == [.superseded, .active, .rejected])
            #expect(try store.activeVersion(of: "echo")?.traits == ["formality": 0.6])
            #expect(try store.activeVersion(of: "echo")?.name == "v1.1")
        }
    }

    @Test func aThrowInsideTheWriteLeavesNothing() throws {
        try withTemporaryDatabase { temporary throws(any Error) in
            let store = LearningStore(database: temporary.database)
            #expect(throws: WriteStopped.self) {
                try store.write("test") { tx in
                    _ = try tx.addInteraction(persona: "echo", input: "a", output: "b", context: .emptyObject, at: Date())
                    try tx.addVersion(version(0, .active, formality: 0.62))
                    throw WriteStopped()
                }
            }
            #expect(try store.versions(of: "echo").isEmpty)
            #expect(try store.interaction(1) == nil)
        }
    }

    @Test func feedbackKeepsItsSignalsAndAFingerprintIsUnique() throws {
        try withTemporaryDatabase { temporary in
            let store = LearningStore(database: temporary.database)
            let feedback = NewFeedback(persona: "echo", interactionID: nil, type: "categorical", target: nil,
                                       value: try JSONDocument(text: "\"too_formal\""), createdAt: Date(timeIntervalSince1970: 5),
                                       source: "test", fingerprint: "abc")
            try store.write("test") { tx in
                let id = try tx.addFeedback(feedback, signals: [SignalRecord(trait: "formality", adjustment: -0.2, confidence: 0.8, weight: 1)],
                                            status: .pending, version: nil)
                #expect(try tx.pendingCount(of: "echo") == 1)
                try tx.settleFeedback([id], status: .applied, version: "v1.1")
                #expect(try tx.hasFeedback(fingerprint: "abc"))
            }
            let stored = try #require(try store.feedback(of: "echo").first)
            #expect(stored.status == .applied && stored.version == "v1.1")
            #expect(stored.signals == [SignalRecord(trait: "formality", adjustment: -0.2, confidence: 0.8, weight: 1)])
            #expect(throws: StorageError.self) {
                try store.write("test") { tx in _ = try tx.addFeedback(feedback, signals: [], status: .applied, version: nil) }
            }
        }
    }

    @Test func aBatchWritesWithThePredictedIdsAndOneActiveVersion() throws {
        try withTemporaryDatabase { temporary in
            let store = LearningStore(database: temporary.database)
            try store.write("test") { tx in try tx.addVersion(version(0, .active, formality: 0.62)) }
            let before = try store.read("test") { try $0.stateToken() }
            var batch = LearningWriteBatch(firstFeedbackID: before.lastFeedbackID + 1)
            let given = { (fingerprint: String) in
                NewFeedback(persona: "echo", interactionID: nil, type: "categorical", target: nil,
                            value: try JSONDocument(text: "\"too_formal\""), createdAt: Date(timeIntervalSince1970: 5),
                            source: "test", fingerprint: fingerprint)
            }
            let first = batch.addFeedback(try given("a"), signals: [SignalRecord(trait: "formality", adjustment: -0.2, confidence: 0.8, weight: 1)],
                                          status: .pending, version: nil)
            let second = batch.addFeedback(try given("b"), signals: [], status: .pending, version: nil)
            try batch.addVersion(version(1, .active, formality: 0.6))
            try batch.addVersion(version(2, .rejected, formality: 0.2))
            try batch.addVersion(version(3, .active, formality: 0.58))
            batch.settle([first, second], status: .applied, version: "v1.3")
            try store.write("test") { tx in try tx.apply(batch) }

            #expect([first, second] == [1, 2])
            #expect(try store.versions(of: "echo").map(\.status) == [.superseded, .superseded, .rejected, .active])
            let stored = try store.feedback(of: "echo")
            #expect(stored.map(\.id) == [1, 2])
            #expect(stored.allSatisfy { $0.status == .applied && $0.version == "v1.3" })
            #expect(stored[0].signals.count == 1)
            let after = try store.read("test") { try $0.stateToken() }
            #expect(after != before)
            #expect(after.lastFeedbackID == 2)
        }
    }

    @Test func learnerStatesThatDoNotDecodeAreAnErrorNamingThePersonaNotAReset() throws {
        try withTemporaryDatabase { temporary in
            let store = LearningStore(database: temporary.database)
            try store.write("test") { tx in
                try tx.setLearnerStates(try JSONDocument(text: #"{"formality": {"value": "high"}}"#), of: "echo")
            }
            do {
                _ = try store.read("test") { try $0.learnerStates(of: "echo") }
                Issue.record("damaged learner states were read")
            } catch let error as LearningDataError {
                #expect(error.record == "learner_states, persona 'echo'")
                #expect(error.description.contains(temporary.database.path))
            }
        }
    }

    @Test func aStoredDateOrStatusThatDoesNotParseIsAnErrorNamingTheRow() throws {
        try withTemporaryDatabase { temporary in
            let store = LearningStore(database: temporary.database)
            try store.write("test") { tx in try tx.addVersion(version(0, .active, formality: 0.62)) }
            try temporary.database.pool.write { db in
                try db.execute(sql: "UPDATE persona_versions SET created_at = 'yesterday'")
            }
            #expect(throws: LearningDataError(database: temporary.database.path, record: "persona_versions, id 1", field: "created_at",
                                              problem: "'yesterday' is not an ISO 8601 date")) {
                try store.versions(of: "echo")
            }
            try temporary.database.pool.write { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "UPDATE persona_versions SET created_at = '2026-01-01T00:00:00.000Z', status = 'live'")
            }
            do {
                _ = try store.activeVersion(of: "echo")
                _ = try store.versions(of: "echo")
                Issue.record("an unknown status was read")
            } catch let error as LearningDataError {
                #expect(error.field == "status")
            }
        }
    }

    @Test func traitsAndStatesRoundTripExactly() throws {
        let traits = ["formality": 0.1 + 0.2, "b\"q": 1e-300, "whole": 3, "zero": 0]
        #expect(try JSONDecoder().decode([String: Double].self, from: Data(LearningJSON.traits(traits).utf8)) == traits)
        let states = ["formality": TraitState(value: 0.596, ema: -0.048000000000000001, windowStart: 1_767_225_600.25, windowChange: 0.024),
                      "warmth": TraitState(value: 0.6)]
        var encoder = LearningJSON.StatesEncoder()
        let first = try encoder.encode(states)
        #expect(try first.decode([String: TraitState].self) == states)
        #expect(try encoder.encode(states) == first)
        #expect(throws: LearningJSONError.self) { try LearningJSON.traits(["formality": .nan]) }
    }

    @Test func theCanonicalValueIsWhatJSONEncoderWrites() throws {
        // Fingerprints are computed from this text: it must not change for values stored before.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let values: [JSONValue] = [.string("too_formal"), .string("a/b c"), .string("é \"q\" \\ \n"), .number(4), .number(4.5),
                                   .object(["efficacy": .number(8), "ingredients": .array([.string("niacinamide")])]), .bool(true), .null]
        for value in values {
            #expect(try LearningJSON.canonical(value).text == String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        #expect(throws: LearningJSONError.self) { try LearningJSON.canonical(.number(.infinity)) }
    }

    @Test func versionNamesParse() {
        #expect(PersonaVersionRecord.parse("v1.12")! == (1, 12))
        #expect(PersonaVersionRecord.parse("2.0")! == (2, 0))
        #expect(PersonaVersionRecord.parse("v1") == nil)
        #expect(PersonaVersionRecord.parse("vx.1") == nil)
    }
}
