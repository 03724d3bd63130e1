import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct FilterBuilderTests {
    static let schema = UsersSchema(columns: SeedColumn.all.map { UserColumnInfo(name: $0.name, type: $0.type, isSeed: true) })
    let builder = FilterBuilder(schema: FilterBuilderTests.schema)

    @Test func buildsParameterizedSQLAndAReadableRendering() throws {
        let filter = try builder.build([
            .between("age", 18, 25),
            FilterCondition("gender", .equal, "female"),
            .in("city_tier", ["Tier-1", "Tier-2"]),
            FilterCondition("privacy_pref", .greaterOrEqual, 0.5),
            FilterCondition("device_count", .less, 3.5),
        ])
        #expect(filter.whereSQL == #""age" BETWEEN ? AND ? AND "gender" = ? AND "city_tier" IN (?, ?) AND "privacy_pref" >= ? AND "device_count" < ?"#)
        #expect(filter.arguments == [18, 25, "female", "Tier-1", "Tier-2", 0.5, 3.5])
        #expect(filter.description == "age between 18 and 25 AND gender = 'female' AND city_tier in ('Tier-1', 'Tier-2') AND privacy_pref >= 0.5 AND device_count < 3.5")
        #expect(try builder.build([]).whereSQL == "")
        #expect(try builder.build([]).description == "all users")
    }

    @Test func everyOperatorHasItsSQL() throws {
        let expected: [FilterCondition.Operator: String] = [
            .equal: "=", .notEqual: "!=", .less: "<", .lessOrEqual: "<=", .greater: ">", .greaterOrEqual: ">=",
        ]
        for (op, sql) in expected {
            #expect(try builder.build([FilterCondition("age", op, 30)]).whereSQL == "\"age\" \(sql) ?")
        }
    }

    @Test func anUnknownFieldIsRejectedWithTheKnownColumns() {
        #expect {
            try builder.build([FilterCondition("shoe_size", .equal, 42)])
        } throws: { error in
            guard case let .unknownColumn(name, known)? = error as? StorageError else { return false }
            return name == "shoe_size" && known == Self.schema.names && "\(error)".contains("age, gender, city_tier")
        }
        // Matching is exact: no case folding, no quoting tricks.
        #expect(throws: StorageError.self) { try builder.build([FilterCondition("AGE", .equal, 30)]) }
        #expect(throws: StorageError.self) { try builder.build([FilterCondition("\"age\"", .equal, 30)]) }
        #expect(throws: StorageError.self) { try builder.build([FilterCondition("age; DROP TABLE users", .equal, 30)]) }
    }

    @Test func typeMismatchesAreRejected() {
        #expect(throws: StorageError.typeMismatch(column: "age", columnType: .integer, value: "thirty")) {
            try builder.build([FilterCondition("age", .equal, "thirty")])
        }
        #expect(throws: StorageError.typeMismatch(column: "gender", columnType: .text, value: 1)) {
            try builder.build([FilterCondition("gender", .equal, 1)])
        }
        #expect(throws: StorageError.typeMismatch(column: "privacy_pref", columnType: .real, value: "high")) {
            try builder.build([.between("privacy_pref", 0.1, "high")])
        }
        #expect(throws: StorageError.typeMismatch(column: "city_tier", columnType: .text, value: 1)) {
            try builder.build([.in("city_tier", ["Tier-1", 1])])
        }
    }

    @Test func malformedOperandsAreRejected() {
        let cases: [FilterCondition] = [
            FilterCondition(field: "age", op: .between, value: .value(3)),
            FilterCondition(field: "age", op: .in, value: .value(3)),
            FilterCondition(field: "age", op: .equal, value: .list([3])),
            .in("age", []),
            .between("age", 30, 20),
            FilterCondition("privacy_pref", .less, .real(.nan)),
            FilterCondition("privacy_pref", .less, .real(.infinity)),
        ]
        for condition in cases {
            #expect(throws: StorageError.self, "\(condition)") { try builder.build([condition]) }
        }
    }

    @Test func anInjectionStringStaysABoundValue() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 300, seed: 5)
            let before = try temporary.database.usersChecksum()
            let injection = "female' OR 1=1 --"
            let conditions = [FilterCondition("gender", .equal, .text(injection))]
            let filter = try temporary.users.filter(conditions)
            #expect(!filter.whereSQL.contains("OR"))
            #expect(filter.arguments == [.text(injection)])
            #expect(try temporary.users.count(matching: conditions) == 0)
            #expect(try temporary.users.fetchColumns(matching: conditions, columns: ["age"]).count == 0)
            let dropping = [FilterCondition("gender", .equal, "x'; DROP TABLE users; --")]
            #expect(try temporary.users.count(matching: dropping) == 0)
            #expect(try temporary.database.usersChecksum() == before)
            #expect(try temporary.users.count() == 300)
            // The rendering quotes the value the SQL way, so it reads as one string.
            #expect(filter.description == "gender = 'female'' OR 1=1 --'")
        }
    }
}
