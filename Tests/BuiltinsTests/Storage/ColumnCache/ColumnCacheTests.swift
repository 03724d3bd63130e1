import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct ColumnCacheTests {
    /// The SQL path's answer (no cache), for comparison.
    func viaSQL(_ temporary: TemporaryDatabase, _ conditions: [FilterCondition], _ columns: [String]) throws -> UserColumns {
        try temporary.database.pool.read { db in
            let schema = try UsersSchema.read(db)
            let filter = try FilterBuilder(schema: schema).build(conditions)
            return try UserStore.scanColumns(db, filter: filter, columns: UserStore.requestedColumns(columns, schema: schema))
        }
    }

    func cachedColumnNames(_ temporary: TemporaryDatabase) throws -> [String] {
        try temporary.database.pool.read { try String.fetchAll($0, sql: "SELECT name FROM users_column_cache ORDER BY name") }
    }

    @Test func cacheAndSQLAgreeOnEveryKindOfCondition() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 2_000, seed: 17)
            // NULLs, an empty string, and text that differs only by Unicode normalization or case.
            try temporary.database.execute("""
                UPDATE users SET age = NULL, gender = NULL WHERE user_id % 13 = 0;
                UPDATE users SET privacy_pref = NULL, city_tier = '' WHERE user_id % 17 = 0;
                UPDATE users SET occupation = 'cafe\u{301}' WHERE user_id % 19 = 0;
                UPDATE users SET occupation = 'caf\u{E9}' WHERE user_id % 23 = 0;
                UPDATE users SET occupation = 'Teacher' WHERE user_id % 29 = 0;
                """)
            let columns = ["age", "gender", "city_tier", "privacy_pref", "occupation", "user_id", "true_segment"]
            let filters: [[FilterCondition]] = [
                [],
                [FilterCondition("age", .equal, 30)],
                [FilterCondition("age", .notEqual, 30)],
                [FilterCondition("age", .less, 25.5), FilterCondition("gender", .equal, "female")],
                [FilterCondition("age", .lessOrEqual, 25), FilterCondition("age", .greaterOrEqual, 20)],
                [FilterCondition("privacy_pref", .greater, 0.5)],
                [.between("privacy_pref", 0.25, 0.75), .in("city_tier", ["Tier-1", "", "Tier-9"])],
                [.in("age", [18, 19, 20.0, 99])],
                [FilterCondition("gender", .notEqual, "male")],
                [FilterCondition("occupation", .equal, "caf\u{E9}")],
                [FilterCondition("occupation", .less, "farmer")],
                [FilterCondition("occupation", .greaterOrEqual, "teacher")],
                [.between("occupation", "d", "s")],
                [FilterCondition("city_tier", .greater, "")],
                [FilterCondition("user_id", .lessOrEqual, 500), FilterCondition("true_segment", .equal, "tech_savvy")],
                [FilterCondition("gender", .equal, "nobody")],
            ]
            for conditions in filters {
                let cached = try temporary.users.fetchColumns(matching: conditions, columns: columns)
                let direct = try viaSQL(temporary, conditions, columns)
                #expect(Comparable(cached) == Comparable(direct), "\(conditions)")
                #expect(try temporary.users.count(matching: conditions) == direct.count, "\(conditions)")
            }
            #expect(try cachedColumnNames(temporary).count == 7)  // the requested columns (user_id among them)
        }
    }

    @Test func generateAndImportWriteTheCacheAndChangesClearIt() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 500, seed: 1)
            #expect(try cachedColumnNames(temporary).count == 16)  // every column of users
            let before = try temporary.users.fetchColumns(matching: [FilterCondition("user_id", .equal, 7)], columns: ["age"])
            #expect(before.count == 1)

            try temporary.database.execute("UPDATE users SET age = 99 WHERE user_id = 7")
            #expect(try cachedColumnNames(temporary).isEmpty)
            let after = try temporary.users.fetchColumns(matching: [FilterCondition("user_id", .equal, 7)], columns: ["age"])
            #expect(after.numeric("age")?.values == [99])

            try temporary.database.execute("DELETE FROM users WHERE user_id = 7")
            #expect(try temporary.users.count(matching: [FilterCondition("user_id", .equal, 7)]) == 0)
            try temporary.database.execute("INSERT INTO users (user_id, age) VALUES (100000, 44)")
            #expect(try temporary.users.count(matching: [FilterCondition("age", .equal, 44)])
                == (try viaSQL(temporary, [FilterCondition("age", .equal, 44)], []).count))

            // Appending to a non-empty table leaves the cache to be rebuilt on first use.
            let extra = try temporary.write("user_id,age,tier_score\n200001,30,2.5\n200002,31,\n", to: "extra.csv")
            try temporary.users.importCSV(at: extra)
            #expect(try cachedColumnNames(temporary).isEmpty)
            let scores = try temporary.users.fetchColumns(matching: [FilterCondition("user_id", .greater, 200_000)], columns: ["tier_score"])
            #expect(scores.userIDs == [200_001, 200_002])
            #expect(scores.numeric("tier_score")!.values[0] == 2.5 && scores.numeric("tier_score")!.values[1].isNaN)
        }
    }

    @Test func anImportOfUnsortedIDsCachesRowsInUserIDOrder() throws {
        try withTemporaryDatabase { temporary in
            var lines = ["user_id,age,gender,note"]
            for id in stride(from: 300, through: 1, by: -1) {
                lines.append("\(id),\(16 + id % 50),\(id % 3 == 0 ? "female" : "male"),\(id % 7 == 0 ? "" : "n\(id % 5)")")
            }
            let path = try temporary.write(lines.joined(separator: "\n") + "\n", to: "unsorted.csv")
            try temporary.users.importCSV(at: path)
            #expect(try cachedColumnNames(temporary).count == SeedColumn.all.count + 1)
            let columns = ["age", "gender", "note", "income_source"]
            let cached = try temporary.users.fetchColumns(matching: [FilterCondition("age", .greater, 30)], columns: columns)
            let direct = try viaSQL(temporary, [FilterCondition("age", .greater, 30)], columns)
            #expect(Comparable(cached) == Comparable(direct))
            #expect(cached.userIDs == cached.userIDs.sorted())
            #expect(cached.text("income_source")?.nullCount == cached.count)
        }
    }

    @Test func hugeIntegersAreServedExactlyBySQL() throws {
        try withTemporaryDatabase { temporary in
            let path = try temporary.write("user_id,big\n1,9007199254740993\n2,9007199254740992\n3,5\n", to: "big.csv")
            try temporary.users.importCSV(at: path)
            #expect(try temporary.users.count(matching: [FilterCondition("big", .equal, 9_007_199_254_740_993)]) == 1)
            #expect(try temporary.users.count(matching: [FilterCondition("big", .greater, 9_007_199_254_740_992)]) == 1)
            #expect(try temporary.users.count(matching: [FilterCondition("user_id", .less, 3)]) == 2)
            let marked = try temporary.database.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT null_count FROM users_column_cache WHERE name = 'big'")
            }
            #expect(marked == UsersColumnCache.uncacheableMark)
            let big = try temporary.users.fetchColumns(matching: [], columns: ["big"])
            #expect(big.numeric("big")?.values == [9_007_199_254_740_992, 9_007_199_254_740_992, 5])
        }
    }

    @Test func eachColumnIsStoredInTheNarrowestExactEncoding() throws {
        try withTemporaryDatabase { temporary in
            var lines = ["user_id,tiny,mid,wide,huge,price,word,many"]
            for id in 1...400 {
                let tiny = id % 9 == 0 ? "" : String(id % 11 - 5)
                let numbers = "\(id * 100 - 20_000),\(Int64(id) * 1_000_000),\(Int64(id) * 1_000_000_000_000),\(Double(id) / 8)"
                lines.append("\(id),\(tiny),\(numbers),w\(id % 3),m\(id % 200)")
            }
            let path = try temporary.write(lines.joined(separator: "\n") + "\n", to: "widths.csv")
            try temporary.users.importCSV(at: path)
            let encodings = try temporary.database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT name, encoding FROM users_column_cache").reduce(into: [String: String]()) {
                    $0[$1["name"]] = $1["encoding"]
                }
            }
            #expect(encodings["user_id"] == "i64" && encodings["tiny"] == "i8" && encodings["mid"] == "i16")
            #expect(encodings["wide"] == "i32" && encodings["huge"] == "f64" && encodings["price"] == "f64")
            #expect(encodings["word"] == "i8" && encodings["many"] == "i16" && encodings["age"] == "i8")
            let columns = ["tiny", "mid", "wide", "huge", "price", "word", "many", "age"]
            for conditions in [[], [FilterCondition("tiny", .less, 0)], [.in("many", ["m7", "m199"])]] as [[FilterCondition]] {
                let cached = try temporary.users.fetchColumns(matching: conditions, columns: columns)
                #expect(Comparable(cached) == Comparable(try viaSQL(temporary, conditions, columns)), "\(conditions)")
            }
        }
    }

    @Test func anEntryWithoutAChecksumIsStaleAndRebuilt() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 300, seed: 4)
            let expected = try viaSQL(temporary, [FilterCondition("age", .greater, 30)], ["age", "gender"])
            // As a cache row written before checksums existed would be (NULL): not trusted, rebuilt.
            try temporary.database.execute("UPDATE users_column_cache SET checksum = NULL, data = zeroblob(length(data)) WHERE name = 'age'")
            let fetched = try temporary.users.fetchColumns(matching: [FilterCondition("age", .greater, 30)], columns: ["age", "gender"])
            #expect(Comparable(fetched) == Comparable(expected))
            let checksum = try temporary.database.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT checksum FROM users_column_cache WHERE name = 'age'")
            }
            #expect(checksum != nil)
        }
    }

    @Test func dictionaryEncodingRoundTrips() {
        let strings = ["", "a", "Tier-1", "caf\u{E9}", String(repeating: "x", count: 300)]
        #expect(UsersColumnCache.decodeDictionary(Data(UsersColumnCache.encodeDictionary(strings))) == strings)
        #expect(UsersColumnCache.decodeDictionary(Data(UsersColumnCache.encodeDictionary([]))) == [])
        #expect(UsersColumnCache.decodeDictionary(Data([1, 0, 0, 0, 9, 0, 0, 0])) == nil)
    }
}

/// UserColumns compared with NaN equal to NaN (the type's own `==` follows IEEE: NaN ≠ NaN).
private struct Comparable: Equatable {
    let ids: [Int64]
    let columns: [String]

    init(_ columns: UserColumns) {
        ids = columns.userIDs
        self.columns = columns.columns.map { column in
            switch column {
            case let .numeric(numeric):
                return "\(numeric.name) \(numeric.type) nulls=\(numeric.nullCount) \(numeric.values.map(\.bitPattern))"
            case let .text(text):
                return "\(text.name) nulls=\(text.nullCount) \(text.codes) \(text.dictionary)"
            }
        }
    }
}
