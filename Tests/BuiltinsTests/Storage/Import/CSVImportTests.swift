import Foundation
import GRDB
import Testing
@testable import Builtins

@Suite struct CSVImportTests {
    /// Expects `body` to throw an ImportError whose description is exactly `message`.
    func expectImportError(_ message: String, sourceLocation: SourceLocation = #_sourceLocation,
                           _ body: () throws -> Void) {
        #expect(sourceLocation: sourceLocation) {
            try body()
        } throws: { error in
            guard error is ImportError else { return false }
            if "\(error)" != message { Issue.record("got: \(error)", sourceLocation: sourceLocation) }
            return "\(error)" == message
        }
    }

    @Test func importRoundTripsGeneratedData() throws {
        let (csv, checksum) = try withTemporaryDatabase { source in
            try source.users.generate(rows: 5_000, seed: 21)
            return (try exportCSV(source.database), try source.database.usersChecksum())
        }
        try withTemporaryDatabase { target in
            let path = try target.write(csv, to: "users.csv")
            var progress: [(Int, Int)] = []
            let report = try target.users.importCSV(at: path, name: "users.csv") { progress.append(($0, $1)) }
            #expect(report.rows == 5_000)
            #expect(report.addedColumns.map(\.name) == ["true_segment"])
            #expect(report.addedColumns.first?.type == .text)
            #expect(report.missingSeedColumns.isEmpty)
            #expect(try target.database.usersChecksum() == checksum)
            // Two passes (true_segment is new): progress runs over twice the file's bytes.
            #expect(progress.last.map { $0.0 == $0.1 && $0.1 == 2 * csv.utf8.count } == true)
            #expect(progress.count > 50)
        }
    }

    @Test func aFixtureWithQuotesCRLFAndABOMImportsWithItsExtraColumns() throws {
        try withTemporaryDatabase { temporary in
            let report = try temporary.users.importCSV(at: StorageFixtures.csv("quoted_crlf_bom.csv"))
            #expect(report.rows == 3)
            let added = report.addedColumns.map { "\($0.name):\($0.type)" }
            #expect(added == ["notes:TEXT", "score:REAL", "visits:INTEGER", "signup:TEXT"])
            #expect(report.columns.first?.header == "User_ID" && report.columns.first?.name == "user_id")
            #expect(report.columns.first { $0.name == "visits" }?.nullCount == 1)
            #expect(report.missingSeedColumns.contains("income_source") && !report.missingSeedColumns.contains("age"))

            let schema = try temporary.users.schema()
            #expect(schema.column(named: "score")?.type == .real)
            #expect(schema.column(named: "score")?.isSeed == false)
            let rows = try temporary.database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY user_id")
            }
            #expect(rows[0]["occupation"] == "teacher, senior")
            #expect(rows[0]["notes"] == "said \"hi\"")
            #expect(rows[1]["notes"] == "line one\r\nline two")
            #expect(rows[1]["age"] == nil as Int64?)
            let scoreType = try temporary.database.pool.read { db in
                try String.fetchOne(db, sql: "SELECT typeof(score) FROM users WHERE user_id = 2")
            }
            #expect(scoreType == "real")
            #expect(rows[2]["visits"] == 10 as Int64)
            #expect(rows[2]["privacy_pref"] == 1.0)
            // The new columns are usable by filters at once.
            #expect(try temporary.users.count(matching: [FilterCondition("visits", .greaterOrEqual, 3)]) == 2)
        }
    }

    @Test func valueErrorsNameFileLineColumnAndValue() throws {
        try withTemporaryDatabase { temporary in
            expectImportError("bad_age.csv:5: column 'age': 'abc' is not an integer") {
                _ = try temporary.users.importCSV(at: StorageFixtures.csv("bad_age.csv"), name: "bad_age.csv")
            }
            #expect(try temporary.users.count() == 0)

            let header = "user_id,Age,privacy_pref,emi_flag,family_size,gender\n"
            let cases: [(String, String)] = [
                ("1,30,0.5,1,2,f\n2,130,0.5,1,2,m\n", "u.csv:3: column 'Age': '130' is not between 0 and 120"),
                ("1,30,1.5,1,2,f\n", "u.csv:2: column 'privacy_pref': '1.5' is not between 0 and 1"),
                ("1,30,high,1,2,f\n", "u.csv:2: column 'privacy_pref': 'high' is not a number"),
                ("1,30,0.5,2,2,f\n", "u.csv:2: column 'emi_flag': '2' is not 0 or 1"),
                ("1,30,0.5,1,0,f\n", "u.csv:2: column 'family_size': '0' is less than 1"),
                ("1,30.5,0.5,1,2,f\n", "u.csv:2: column 'Age': '30.5' is not an integer"),
                (",30,0.5,1,2,f\n", "u.csv:2: column 'user_id': '' is empty; every row needs a user_id"),
                ("1,30,0.5,1,2\n", "u.csv:2: 5 fields, but the header has 6"),
                ("1,30,0.5,1,2,f\n2,31,0.5,0,3,m\n1,40,0.1,0,1,f\n", "u.csv:4: user_id 1 repeats the one on line 2"),
                ("1,30,0.5,1,2,\"a\nb\"\nx,31,0.5,0,3,m\n", "u.csv:4: column 'user_id': 'x' is not an integer"),
            ]
            for (rows, message) in cases {
                let path = try temporary.write(header + rows, to: "u.csv")
                expectImportError(message) { _ = try temporary.users.importCSV(at: path, name: "u.csv") }
            }
            #expect(try temporary.users.count() == 0)
        }
    }

    @Test func headerErrors() throws {
        try withTemporaryDatabase { temporary in
            let cases: [(String, String)] = [
                ("", "h.csv: the file is empty (expected a header line naming the columns)"),
                ("age,gender\n30,f\n", "h.csv:1: no 'user_id' column (the header has: age, gender)"),
                ("user_id,age,AGE\n", "h.csv:1: header column 3 'AGE': repeats column 2 ('age')"),
                ("user_id,,x\n", "h.csv:1: header column 2 '': the name is empty"),
                ("user_id,rowid\n", "h.csv:1: header column 2 'rowid': the name is reserved by SQLite"),
                ("user_id,\"a \"\"b\"\"\"\n", "h.csv:1: header column 2 'a \"b\"': the name contains a double quote"),
            ]
            for (text, message) in cases {
                let path = try temporary.write(text, to: "h.csv")
                expectImportError(message) { _ = try temporary.users.importCSV(at: path, name: "h.csv") }
            }
            expectImportError("missing.csv: cannot read: No such file or directory") {
                _ = try temporary.users.importCSV(at: temporary.path("missing.csv"), name: "missing.csv")
            }
        }
    }

    @Test func aBadRowNearTheEndLeavesTheTableExactlyAsItWas() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 2_000, seed: 4)
            let before = try temporary.database.usersChecksum()
            // 20,000 new rows with a new column; row 19,990 has a bad age.
            var lines = ["user_id,age,gender,loyalty_points"]
            for id in 10_001...30_000 {
                lines.append("\(id),\(id == 29_990 ? "old" : String(20 + id % 50)),female,\(id % 97)")
            }
            let path = try temporary.write(lines.joined(separator: "\n") + "\n", to: "late.csv")
            expectImportError("late.csv:19991: column 'age': 'old' is not an integer") {
                _ = try temporary.users.importCSV(at: path, name: "late.csv")
            }
            expectImportError("late.csv:19991: column 'age': 'old' is not an integer") {
                _ = try temporary.users.importCSV(at: path, name: "late.csv", mode: .replace)
            }
            #expect(try temporary.users.count() == 2_000)
            #expect(try temporary.database.usersChecksum() == before)
            #expect(try temporary.users.schema().column(named: "loyalty_points") == nil)
        }
    }

    @Test func appendRefusesExistingIDsAndReplaceStartsOver() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 100, seed: 9)
            let before = try temporary.database.usersChecksum()
            let clash = try temporary.write("user_id,age\n500,30\n50,31\n", to: "clash.csv")
            expectImportError("clash.csv:3: user_id 50 is already in the users table (import appends; use replace to start over)") {
                _ = try temporary.users.importCSV(at: clash, name: "clash.csv")
            }
            #expect(try temporary.database.usersChecksum() == before)

            let fresh = try temporary.write("user_id,age,city\n505,30,Pune\n506,41,Delhi\n", to: "fresh.csv")
            let appended = try temporary.users.importCSV(at: fresh)
            #expect(appended.rows == 2 && appended.replacedRows == 0)
            #expect(try temporary.users.count() == 102)

            let replaced = try temporary.users.importCSV(at: clash, mode: .replace)
            #expect(replaced.replacedRows == 102)
            #expect(try temporary.users.count() == 2)
            // Replace drops the columns the old table had beyond the seed's.
            let names = try temporary.users.schema().names
            #expect(!names.contains("city") && !names.contains("true_segment"))
        }
    }

    @Test func aClashInsideAMultiRowBatchNamesItsLine() throws {
        try withTemporaryDatabase { temporary in
            try temporary.users.generate(rows: 10, seed: 1)
            let before = try temporary.database.usersChecksum()
            // 200 new ids with id 5 (already in the table) on line 152: inside the third 64-row batch.
            let ids = (1_001...1_200).map { $0 == 1_150 ? 5 : $0 }
            let path = try temporary.write((["user_id,age"] + ids.map { "\($0),30" }).joined(separator: "\n"), to: "batch.csv")
            expectImportError("batch.csv:151: user_id 5 is already in the users table (import appends; use replace to start over)") {
                _ = try temporary.users.importCSV(at: path, name: "batch.csv")
            }
            #expect(try temporary.database.usersChecksum() == before)
        }
    }

    @Test func anExistingExtraColumnKeepsItsType() throws {
        try withTemporaryDatabase { temporary in
            let first = try temporary.write("user_id,visits\n1,3\n", to: "a.csv")
            #expect(try temporary.users.importCSV(at: first).addedColumns.map(\.type) == [.integer])
            let second = try temporary.write("user_id,VISITS\n2,3.5\n", to: "b.csv")
            expectImportError("b.csv:2: column 'VISITS': '3.5' is not an integer") {
                _ = try temporary.users.importCSV(at: second, name: "b.csv")
            }
            let third = try temporary.write("user_id,VISITS\n2,4\n", to: "c.csv")
            let report = try temporary.users.importCSV(at: third)
            #expect(report.columns.last?.origin == .existing && report.columns.last?.name == "visits")
        }
    }

    @Test func typeInferenceOfNewColumns() throws {
        try withTemporaryDatabase { temporary in
            let text = """
                user_id,ints,reals,mixed,words,empty,invalid
                1,1,1,1,a,,x
                2,-2,2.5,x,b,,y
                3,,1e3,2,,,z

                """
            let path = try temporary.write(text, to: "infer.csv")
            let types = try temporary.users.importCSV(at: path).addedColumns.map { "\($0.name):\($0.type)" }
            #expect(types == ["ints:INTEGER", "reals:REAL", "mixed:TEXT", "words:TEXT", "empty:TEXT", "invalid:TEXT"])
            // Any header text is a column name: quoted as an identifier, never spliced raw.
            let odd = try temporary.write("user_id,My Score,x); DROP TABLE users; --\n1000,7,a\n", to: "odd.csv")
            let added = try temporary.users.importCSV(at: odd).addedColumns.map(\.name)
            #expect(added == ["My Score", "x); DROP TABLE users; --"])
            #expect(try temporary.users.count(matching: [FilterCondition("My Score", .equal, 7)]) == 1)
            #expect(try temporary.users.count() == 4)
            let bad = try temporary.write("user_id,note\n9,\u{FF}\n".replacingOccurrences(of: "\u{FF}", with: "ok"), to: "utf.csv")
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bad)))
            bytes.replaceSubrange(bytes.count - 3..<bytes.count - 1, with: [0xC3, 0x28])
            try Data(bytes).write(to: URL(fileURLWithPath: bad))
            expectImportError("utf.csv:2: column 'note': '\u{FFFD}(' is not valid UTF-8") {
                _ = try temporary.users.importCSV(at: bad, name: "utf.csv")
            }
        }
    }
}
