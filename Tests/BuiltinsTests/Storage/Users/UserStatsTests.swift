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
            #expect(age.type == .integer && age.nonNullCount == 3 && age.nullCount == 1)
            // 20, 30, 40: quartiles at ranks 0.5, 1 and 1.5; sd √(200/3).
            #expect(age.numeric == NumericSummary(count: 3, min: 20, p25: 25, median: 30, p75: 35, max: 40, mean: 30,
                                                  standardDeviation: (200.0 / 3).squareRoot()))
            let privacy = try #require(stats.column("privacy_pref")?.numeric)
            #expect(privacy.min == 0.25 && privacy.max == 1 && abs(privacy.mean - 1.75 / 3) < 1e-12)
            #expect(privacy.median == 0.5 && privacy.count == 3)
            let gender = try #require(stats.column("gender"))
            #expect(gender.nonNullCount == 3 && gender.nullCount == 1)
            #expect(gender.text?.distinctCount == 2)
            #expect(gender.text?.topValues == [.init(value: "female", count: 2)])
            #expect(gender.text?.omittedCount == 1)
            let income = try #require(stats.column("income_source"))
            #expect(income.nonNullCount == 0 && income.nullCount == 4 && income.text?.distinctCount == 0)
            #expect(stats.column("emi_flag")?.numeric == nil)
            #expect(stats.column("emi_flag")?.nullCount == 4)
        }
    }

    @Test func statsOfAGeneratedSampleMatchSQL() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 2_000, seed: 2)
            let stats = try temporary.users.stats()
            let (mean, tiers, ages) = try temporary.database.pool.read { db in
                (try Double.fetchOne(db, sql: "SELECT AVG(age) FROM users")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT city_tier) FROM users")!,
                 try Double.fetchAll(db, sql: "SELECT age FROM users ORDER BY age"))
            }
            #expect(stats.rowCount == 2_000)
            let age = try #require(stats.column("age")?.numeric)
            #expect(abs(age.mean - mean) < 1e-9)
            // 2,000 sorted ages: the median is the mean of ranks 999 and 1000, p25 at rank 499.75.
            #expect(age.median == (ages[999] + ages[1000]) / 2)
            #expect(age.p25 == ages[499] + 0.75 * (ages[500] - ages[499]))
            let variance = ages.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 2_000
            #expect(abs(age.standardDeviation - variance.squareRoot()) < 1e-9)
            #expect(stats.column("city_tier")?.text?.distinctCount == tiers)
            let top = stats.column("true_segment")!.text!.topValues
            #expect(top.count == 4 && top.map(\.count) == top.map(\.count).sorted(by: >))
        }
    }
}
