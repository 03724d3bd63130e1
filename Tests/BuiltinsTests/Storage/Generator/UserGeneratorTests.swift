import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct UserGeneratorTests {
    @Test func theSameSeedGivesTheSameRowsAndAnotherSeedDiffers() {
        var first = UserGenerator(seed: 42), second = UserGenerator(seed: 42), other = UserGenerator(seed: 43)
        let a = (0..<3000).map { _ in first.next() }
        let b = (0..<3000).map { _ in second.next() }
        let c = (0..<3000).map { _ in other.next() }
        #expect(a == b)
        #expect(a != c)
        #expect(a.map(\.userID) == Array(1...3000))
        // A shorter sample is a prefix of a longer one.
        var short = UserGenerator(seed: 42)
        #expect((0..<100).map { _ in short.next() } == Array(a.prefix(100)))
    }

    @Test func theSameSeedGivesTheSameTable() throws {
        let checksums = try (0..<2).map { _ in
            try withTemporaryDatabase { temporary in
                _ = try temporary.users.generate(rows: 2_000, seed: 7)
                return try temporary.database.usersChecksum()
            }
        }
        #expect(checksums[0] == checksums[1])
        let other = try withTemporaryDatabase { temporary in
            _ = try temporary.users.generate(rows: 2_000, seed: 8)
            return try temporary.database.usersChecksum()
        }
        #expect(other != checksums[0])
    }

    @Test func valuesStayInTheirDocumentedRanges() {
        var generator = UserGenerator(seed: 1)
        for _ in 0..<5_000 {
            let user = generator.next()
            #expect((16...70).contains(user.age))
            #expect((1...8).contains(user.deviceCount))
            #expect((1...8).contains(user.familySize))
            for value in [user.privacyPref, user.priceSensitivity, user.brandAwareness] {
                #expect((0...1).contains(value))
                #expect((value * 10_000).rounded() / 10_000 == value, "\(value) is not a multiple of 1e-4")
            }
            #expect(user.hasChildren == 1 || user.parentingStage == "none" || user.parentingStage == "expecting")
            #expect(user.hasChildren == 0 || user.parentingStage != "none")
        }
    }

    /// Segment shares, segment means and the age–children link at the default sample's size.
    @Test func plantedStructureAtTwentyThousandRows() {
        var generator = UserGenerator(seed: 42)
        let users = (0..<20_000).map { _ in generator.next() }
        for segment in UserGenerator.Segment.allCases {
            let members = users.filter { $0.segment == segment }
            let share = Double(members.count) / Double(users.count)
            #expect(abs(share - segment.prior) < 0.015, "\(segment.name): \(share)")
        }
        let tech = users.filter { $0.segment == .techSavvy }
        let safety = users.filter { $0.segment == .safetyFirst }
        let meanPrivacy = { (group: [GeneratedUser]) in group.map(\.privacyPref).reduce(0, +) / Double(group.count) }
        #expect(abs(meanPrivacy(tech) - 0.15) < 0.02)
        #expect(abs(meanPrivacy(safety) - 0.88) < 0.02)

        func childShare(_ ages: ClosedRange<Int64>) -> Double {
            let group = users.filter { ages.contains($0.age) }
            return Double(group.filter { $0.hasChildren == 1 }.count) / Double(group.count)
        }
        #expect(childShare(16...19) < 0.10)
        #expect(childShare(30...49) > 0.65)
        #expect(childShare(30...49) > childShare(20...24) + 0.4)
        let genders = Dictionary(grouping: users, by: \.gender).mapValues { Double($0.count) / 20_000 }
        #expect(abs((genders["female"] ?? 0) - 0.49) < 0.02)
        #expect(abs((genders["nonbinary"] ?? 0) - 0.02) < 0.01)
    }

    @Test func generateFillsTheTableWithTrueSegmentAndReportsProgress() throws {
        try withTemporaryDatabase { temporary in
            var calls: [(Int, Int)] = []
            let report = try temporary.users.generate(rows: 10_000, seed: 3) { calls.append(($0, $1)) }
            #expect(report.rows == 10_000)
            #expect(report.segmentCounts.reduce(0, +) == 10_000)
            #expect(try temporary.users.count() == 10_000)
            #expect(try temporary.users.schema().column(named: "true_segment")?.type == .text)
            #expect(calls.first! == (0, 10_000))
            #expect(calls.last! == (10_000, 10_000))
            #expect((90...102).contains(calls.count))
            #expect(calls.map(\.0) == calls.map(\.0).sorted())
            let counted = try temporary.database.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE true_segment = 'tech_savvy'")
            }
            #expect(counted == report.segmentCounts[0])
        }
    }

    @Test func generateRefusesANonEmptyTableUnlessReplacing() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 500, seed: 1)
            let before = try temporary.database.usersChecksum()
            #expect(throws: StorageError.usersNotEmpty(rows: 500)) { try temporary.users.generate(rows: 200, seed: 2) }
            #expect(try temporary.database.usersChecksum() == before)

            let report = try temporary.users.generate(rows: 200, seed: 2, replace: true)
            #expect(report.replacedRows == 500)
            #expect(try temporary.users.count() == 200)
        }
    }

    @Test func defaultSampleOnlyFillsAnEmptyTable() throws {
        try withTemporaryDatabase { temporary throws in
            #expect(try temporary.users.defaultSampleIfEmpty(rows: 300, seed: 42) == true)
            #expect(try temporary.users.count() == 300)
            #expect(try temporary.users.defaultSampleIfEmpty(rows: 300, seed: 42) == false)
            #expect(try temporary.users.count() == 300)
        }
    }

    @Test func rowCountMustBePositive() throws {
        try withTemporaryDatabase { temporary in
            #expect(throws: StorageError.self) { try temporary.users.generate(rows: 0, seed: 1) }
        }
    }
}
