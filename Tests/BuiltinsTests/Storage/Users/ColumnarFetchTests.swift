import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct ColumnarFetchTests {
    @Test func fetchReturnsTheMatchingRowsInUserIDOrder() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 3_000, seed: 11)
            // Shuffle physical order: reinsert some rows so rowid order is not insertion order.
            try temporary.database.execute("DELETE FROM users WHERE user_id % 7 = 0")
            let conditions: [FilterCondition] = [.between("age", 25, 45), FilterCondition("has_children", .equal, 1)]
            let columns = try temporary.users.fetchColumns(
                matching: conditions, columns: ["age", "gender", "privacy_pref", "has_children", "city_tier"])

            let expected = try temporary.database.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT user_id, age, gender, privacy_pref, city_tier FROM users
                    WHERE age BETWEEN 25 AND 45 AND has_children = 1 ORDER BY user_id
                    """)
            }
            #expect(columns.count == expected.count)
            #expect(columns.count > 500)
            #expect(columns.userIDs == expected.map { $0["user_id"] as Int64 })
            #expect(columns.userIDs == columns.userIDs.sorted())
            #expect(!columns.userIDs.contains { $0 % 7 == 0 })
            #expect(columns.numeric("age")?.values == expected.map { Double($0["age"] as Int64) })
            #expect(columns.numeric("privacy_pref")?.values == expected.map { $0["privacy_pref"] as Double })
            #expect(columns.numeric("has_children")?.values.allSatisfy { $0 == 1 } == true)
            #expect(columns.text("gender")?.strings == expected.map { $0["gender"] as String? })
            #expect(columns.text("city_tier")?.strings == expected.map { $0["city_tier"] as String? })
            #expect(columns.text("city_tier")?.dictionary.count == 3)
            #expect(columns.columns.map(\.name) == ["age", "gender", "privacy_pref", "has_children", "city_tier"])
            #expect(columns.nullCounts.isEmpty)
            #expect(try temporary.users.count(matching: conditions) == expected.count)
        }
    }

    @Test func nullsBecomeNaNOrMinusOneAndAreCounted() throws {
        try withTemporaryDatabase { temporary in
            try temporary.database.execute("""
                INSERT INTO users (user_id, age, gender, privacy_pref) VALUES
                    (3, NULL, 'male', 0.5), (1, 30, NULL, NULL), (2, 40, 'female', 0.25), (4, NULL, '', 0.75)
                """)
            let columns = try temporary.users.fetchColumns(matching: [], columns: ["age", "gender", "privacy_pref"])
            #expect(columns.userIDs == [1, 2, 3, 4])
            let ages = try #require(columns.numeric("age"))
            #expect(ages.values[0] == 30 && ages.values[1] == 40 && ages.values[2].isNaN && ages.values[3].isNaN)
            #expect(ages.nullCount == 2)
            let genders = try #require(columns.text("gender"))
            #expect(genders.codes[0] == -1)
            #expect(genders.strings == [nil, "female", "male", ""])
            #expect(genders.nullCount == 1)
            #expect(columns.nullCounts == ["age": 2, "gender": 1, "privacy_pref": 1])
        }
    }

    @Test func requestingUnknownOrRepeatedColumnsFails() throws {
        try withTemporaryDatabase { temporary in
            #expect(throws: StorageError.self) { try temporary.users.fetchColumns(matching: [], columns: ["salary"]) }
            #expect(throws: StorageError.self) { try temporary.users.fetchColumns(matching: [], columns: ["age", "age"]) }
            let empty = try temporary.users.fetchColumns(matching: [FilterCondition("age", .greater, 200)], columns: ["age"])
            #expect(empty.count == 0 && empty.numeric("age")?.values == [])
        }
    }

    @Test func textDictionaryEncoderGivesDenseCodesInFirstSeenOrder() {
        var encoder = TextDictionaryEncoder(capacity: 2)
        let words = ["b", "a", "b", "", "a long value past fifteen bytes", "c", "a"] + (0..<200).map { "w\($0)" }
        let codes = words.map { word in
            word.utf8CString.withUnsafeBytes { encoder.code(for: UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        }
        #expect(Array(codes.prefix(7)) == [0, 1, 0, 2, 3, 4, 1])
        #expect(encoder.count == 205)
        let strings = encoder.strings()
        #expect(zip(words, codes).allSatisfy { strings[Int($1)] == $0 })
    }
}
