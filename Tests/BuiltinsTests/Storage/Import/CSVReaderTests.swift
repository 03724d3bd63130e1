import Foundation
import Testing
@testable import Builtins

@Suite struct CSVReaderTests {
    /// All records of `text` as (line, fields).
    func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        try withTemporaryDatabase { temporary in
            let path = try temporary.write(text, to: "input.csv")
            var reader = try CSVReader(path: path, file: "input.csv")
            var records: [(Int, [String])] = []
            while try reader.nextRecord() {
                records.append((reader.recordLine, (0..<reader.fieldCount).map {
                    String(decoding: reader.field($0), as: UTF8.self)
                }))
            }
            return records
        }
    }

    @Test func quotesCommasAndLineBreaksInsideFields() throws {
        let result = try records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n3,,\"\"\n")
        #expect(result.map(\.line) == [1, 2, 3, 5])
        #expect(result.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", ""]])
    }

    @Test func crlfLoneCRBlankLinesAndAMissingFinalNewline() throws {
        let result = try records("a,b\r\n1,2\r\n\r\n\n3,4\r5,6")
        #expect(result.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(result.map(\.line) == [1, 2, 5, 6])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let result = try records("\u{FEFF}user_id\n7\n")
        #expect(result.map(\.fields) == [["user_id"], ["7"]])
    }

    @Test func brokenQuotingNamesTheLine() throws {
        let cases: [(String, String)] = [
            ("a,b\n1,x\"y\n", "input.csv:2: a quote inside an unquoted field"),
            ("a,b\n1,\"x\"y\n", "input.csv:2: text after the closing quote"),
            ("a,b\n1,2\n3,\"never\nclosed\n", "input.csv:3: a quoted field is never closed"),
        ]
        for (text, message) in cases {
            #expect {
                _ = try records(text)
            } throws: { error in
                "\(error)".hasPrefix(message)
            }
        }
    }

    @Test func recordsLongerThanTheReadChunkAreWhole() throws {
        let long = String(repeating: "x", count: 3 << 20)
        let result = try records("a,b\n1,\"\(long)\"\n2,\(long)\n")
        #expect(result.count == 3)
        #expect(result[1].fields[1].utf8.count == 3 << 20)
        #expect(result[2].fields == ["2", long])
        #expect(result[2].line == 3)
    }

    @Test func fieldParserNumbers() {
        func integer(_ text: String) -> Int64? { text.utf8CString.withUnsafeBytes { FieldParser.integer(.init(rebasing: $0.dropLast())) } }
        func number(_ text: String) -> Double? { text.utf8CString.withUnsafeBytes { FieldParser.number(.init(rebasing: $0.dropLast())) } }
        #expect(integer("42") == 42 && integer(" -7 ") == -7 && integer("+3") == 3)
        #expect(integer("9223372036854775807") == .max && integer("-9223372036854775808") == .min)
        #expect(integer("9223372036854775808") == nil && integer("1.0") == nil && integer("") == nil && integer("-") == nil)
        #expect(integer("1e3") == nil && integer("abc") == nil)
        #expect(number("0.1234") == 0.1234 && number("1") == 1 && number("-2.5") == -2.5 && number(".5") == 0.5)
        #expect(number("5.") == 5 && number("1e3") == 1000 && number("1.5E-2") == 0.015)
        #expect(number("0.30000000000000004") == 0.30000000000000004)
        #expect(number("123456789.123456789") == 123456789.123456789)
        #expect(number("nan") == nil && number("inf") == nil && number("1e999") == nil && number("0x10") == nil)
        #expect(number("1,5") == nil && number(".") == nil && number("1e") == nil && number("") == nil)
        // Every 1e-4 multiple parses to the same double as k / 10000 (what the generators write).
        for k in 0...10_000 {
            let text = "\(k / 10_000).\(String(repeating: "0", count: 4 - String(k % 10_000).count))\(k % 10_000)"
            #expect(number(text) == Double(k) / 10_000, "\(text)")
        }
    }
}
