import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct RunStoreTests {
    struct Parameters: Codable, Equatable {
        var algorithm: String
        var k: [Int]
    }

    func sampleRun(goal: String = "Gen Z Moms") throws -> RunRecord {
        RunRecord(
            createdAt: Date(timeIntervalSince1970: 1_750_000_000.123), pipeline: "goal", goal: goal,
            seed: UInt64.max - 1, matchedRows: 100_050,
            parameters: try JSONDocument(encoding: Parameters(algorithm: "ward", k: [2, 6])),
            summary: try JSONDocument(text: #"{"k": 2, "silhouette": 0.61}"#),
            pluginVersions: ["parenting": "1.0.0", "audience": "0.3.1"])
    }

    @Test func aRunRoundTripsWithAHundredThousandMemberPersona() throws {
        try withTemporaryDatabase { temporary throws in
            let big = (1...100_000).map { Int64($0) * 3 }
            let small = [Int64(7), 1, 4, 10, 13]  // unsorted on purpose: stored ascending
            let personas = [
                PersonaRecord(index: 0, name: "Priya Sharma — Tech-Savvy Mom", size: big.count, share: 0.99995,
                              centroid: [.init(feature: "tech", value: 0.8), .init(feature: "age", value: 31.5)],
                              zScores: [.init(feature: "tech", value: 1.2), .init(feature: "age", value: -0.3)],
                              traits: ["high tech"], profile: try JSONDocument(text: #"{"mean_age": 31.5}"#)),
                PersonaRecord(index: 1, name: "Meera Iyer — Relaxed Mom", size: small.count, share: 0.00005),
            ]
            let run = try sampleRun()
            let id = try temporary.runs.save(run, personas: personas, members: [big, small])

            let stored = try temporary.runs.load(id: id)
            var expected = run
            expected.id = id
            #expect(abs(stored.run.createdAt.timeIntervalSince(run.createdAt)) < 0.001)
            expected.createdAt = stored.run.createdAt
            #expect(stored.run == expected)
            #expect(try stored.run.parameters.decode(Parameters.self) == Parameters(algorithm: "ward", k: [2, 6]))
            #expect(stored.personas == personas)
            #expect(stored.memberCounts == [100_000, 5])

            #expect(try temporary.runs.members(runID: id, persona: 0) == big)
            #expect(try temporary.runs.members(runID: id, persona: 1) == [1, 4, 7, 10, 13])
            #expect(try temporary.runs.members(runID: id, persona: 9) == [])

            let memberships = try temporary.runs.memberships(runID: id)
            #expect(memberships.count == 100_005)
            #expect(memberships.userIDs == (big + small).sorted())
            let personaOf = Dictionary(uniqueKeysWithValues: zip(memberships.userIDs, memberships.personaIndexes))
            #expect(personaOf[3] == 0 && personaOf[4] == 1 && personaOf[300_000] == 0 && personaOf[13] == 1)
        }
    }

    @Test func listShowsRunsNewestFirstAndDeleteCascades() throws {
        try withTemporaryDatabase { temporary throws in
            let first = try temporary.runs.save(try sampleRun(goal: "first"), personas: [], members: [])
            let personas = (0..<3).map { PersonaRecord(index: $0, name: "P\($0)", size: 1, share: 1.0 / 3) }
            let second = try temporary.runs.save(try sampleRun(goal: "second"), personas: personas, members: [[1], [2], [3]])
            let list = try temporary.runs.list()
            #expect(list.map(\.id) == [second, first])
            #expect(list.map(\.goal) == ["second", "first"])
            #expect(list.map(\.personaCount) == [3, 0])
            #expect(list.first?.matchedRows == 100_050 && list.first?.pipeline == "goal")

            #expect(try temporary.runs.delete(id: second))
            #expect(try temporary.runs.delete(id: second) == false)
            let leftovers = try temporary.database.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM personas")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM persona_members")!)
            }
            #expect(leftovers == (0, 0))
            #expect(try temporary.runs.list().map(\.id) == [first])
        }
    }

    @Test func badInputIsRejectedAndNothingIsSaved() throws {
        try withTemporaryDatabase { temporary throws in
            let personas = [PersonaRecord(index: 0, name: "A", size: 1, share: 1)]
            #expect(throws: StorageError.self) { try temporary.runs.save(try sampleRun(), personas: personas, members: []) }
            let twins = [PersonaRecord(index: 0, name: "A", size: 1, share: 1), PersonaRecord(index: 0, name: "B", size: 1, share: 1)]
            #expect(throws: StorageError.self) { try temporary.runs.save(try sampleRun(), personas: twins, members: [[1], [2]]) }
            let nan = [PersonaRecord(index: 0, name: "A", size: 1, share: 1, zScores: [.init(feature: "x", value: .nan)])]
            #expect(throws: StorageError.self) { try temporary.runs.save(try sampleRun(), personas: nan, members: [[1]]) }
            #expect(throws: StorageError.self) { _ = try JSONDocument(text: "{not json") }
            #expect(try temporary.runs.list().isEmpty)
            #expect(throws: StorageError.runNotFound(id: 42)) { try temporary.runs.load(id: 42) }
            #expect(throws: StorageError.runNotFound(id: 42)) { try temporary.runs.memberships(runID: 42) }
        }
    }

    @Test func corruptMemberBlobsAreReportedNotTrusted() throws {
        try withTemporaryDatabase { temporary throws in
            let id = try temporary.runs.save(try sampleRun(), personas: [PersonaRecord(index: 0, name: "A", size: 2, share: 1)],
                                             members: [[1, 2]])
            try temporary.database.execute("UPDATE persona_members SET user_ids = x'0102' WHERE run_id = ?", [id])
            #expect(throws: StorageError.corrupt(path: temporary.database.path,
                                                 detail: "run \(id), persona 0: the member list has 2 bytes, expected 2 user ids of 8 bytes")) {
                try temporary.runs.members(runID: id, persona: 0)
            }
        }
    }

    @Test func aMemberListThatFailsItsChecksumIsReportedAsDamage() throws {
        try withTemporaryDatabase { temporary throws in
            let members: [[Int64]] = [Array(1...1_000), [2_000, 2_001]]
            let personas = [PersonaRecord(index: 0, name: "A", size: 1_000, share: 0.998), PersonaRecord(index: 1, name: "B", size: 2, share: 0.002)]
            let id = try temporary.runs.save(try sampleRun(), personas: personas, members: members)
            #expect(try temporary.runs.memberships(runID: id).count == 1_002)

            // Same length, one id changed: only the checksum can tell.
            var bytes = try #require(try temporary.database.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT user_ids FROM persona_members WHERE run_id = ? AND persona_idx = 0", arguments: [id])
            })
            bytes[8 * 500] ^= 0x01
            try temporary.database.execute("UPDATE persona_members SET user_ids = ? WHERE run_id = ? AND persona_idx = 0", [bytes, id])
            let damaged = StorageError.corrupt(path: temporary.database.path, detail: "run \(id), persona 0: the member list fails its checksum")
            #expect(throws: damaged) { try temporary.runs.members(runID: id, persona: 0) }
            #expect(throws: damaged) { try temporary.runs.memberships(runID: id) }
            #expect(try temporary.runs.members(runID: id, persona: 1) == [2_000, 2_001])
            #expect("\(damaged)".hasPrefix("\(temporary.database.path) is damaged (run \(id), persona 0: the member list fails its checksum); "
                                          + "restore it from a backup"))

            // A list saved before checksums existed (NULL) is still read, checked by its length.
            try temporary.database.execute("UPDATE persona_members SET checksum = NULL WHERE run_id = ?", [id])
            #expect(try temporary.runs.members(runID: id, persona: 0).count == 1_000)
        }
    }
}
