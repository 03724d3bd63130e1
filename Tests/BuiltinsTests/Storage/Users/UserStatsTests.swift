import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct UserStatsTests {
    @Test func statsSummarizeEveryColumn() throws {
        try withTemporaryDatabase { temporary in
            try temporary.database.execute("""
                INSERT INTO users (user_id, age, gender, privacy_pref) VALUES
                    (1, 20, 'female', 0.5), (2, 40, 'male', NULL), (3, NULL, 'female', 0.25), (4, 30, NULL, 1)
                """)
            let stats = try temporary.users.stats(topValues: 1)
            #expect(stats.rowCount == 4)
            #expect(stats.columns.map(\.name) == SeedColumn.all.map(\.name))

            let age = try #require(stats.column("age"))
            #expect(age.type == .integer && age.nonNullCount == 3)
            #expect(age.numeric == NumericSummary(min: 20, max: 40, mean: 30))
            let privacy = try #require(stats.column("privacy_pref")?.numeric)
            #expect(privacy.min == 0.25 && privacy.max == 1 && abs(privacy.mean - 1.75 / 3) < 1e-12)
            let gender = try #require(stats.column("gender"))
            #expect(gender.nonNullCount == 3)
            #expect(gender.text?.distinctCount == 2)
            #expect(gender.text?.topValues == [.init(value: "female", count: 2)])
            let income = try #require(stats.column("income_source"))
            #expect(income.nonNullCount == 0 && income.text?.distinctCount == 0)
            #expect(stats.column("emi_flag")?.numeric == nil)
        }
    }

    @Test func statsOfAGeneratedSampleMatchSQL() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 2_000, seed: 2)
            let stats = try temporary.users.stats()
            let (mean, tiers) = try temporary.database.pool.read { db in
                (try Double.fetchOne(db, sql: "SELECT AVG(age) FROM users")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT city_tier) FROM users")!)
            }
            #expect(stats.rowCount == 2_000)
            #expect(abs(stats.column("age")!.numeric!.mean - mean) < 1e-9)
            #expect(stats.column("city_tier")?.text?.distinctCount == tiers)
            let top = stats.column("true_segment")!.text!.topValues
            #expect(top.count == 4 && top.map(\.count) == top.map(\.count).sorted(by: >))
        }
    }
}
