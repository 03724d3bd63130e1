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

    @Test func versionNamesParse() {
        #expect(PersonaVersionRecord.parse("v1.12")! == (1, 12))
        #expect(PersonaVersionRecord.parse("2.0")! == (2, 0))
        #expect(PersonaVersionRecord.parse("v1") == nil)
        #expect(PersonaVersionRecord.parse("vx.1") == nil)
    }
}
