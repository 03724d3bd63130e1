import Foundation
import Testing
@testable import Builtins

/// The JSON Lines reader: exact integers, CRLF and BOM, and a precise message for every way a
/// line can be wrong (Foundation said "not a JSON object" to all of them).
struct JSONLinesTests {
    func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try ExactJSON.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func integersKeepEveryDigit() throws {
        let value = try ExactJSON.parse(#"{"id": 12345678901234567890123, "max": 9223372036854775807, "over": 9223372036854775808}"#)
        guard case .number(let id)? = value["id"], case .number(let max)? = value["max"], case .number(let over)? = value["over"] else {
            Issue.record("numbers expected in \(value)")
            return
        }
        #expect(id.literal == "12345678901234567890123")
        #expect(id.int64 == nil)
        #expect(max.int64 == Int64.max)
        #expect(over.int64 == nil)
        #expect(over.description == "9223372036854775808")
        #expect(id.description == "1.2345678901234568e+22")
    }

    @Test func aDoubleCannotSilentlyRoundAnIntegerInAValue() throws {
        #expect(try ExactJSON.parse("9007199254740992").jsonValue(path: "value") == .number(9_007_199_254_740_992))
        #expect(try ExactJSON.parse("1.5").jsonValue(path: "value") == .number(1.5))
        #expect(throws: InexactNumberError(path: "value.scores[2]", literal: "9007199254740993")) {
            try ExactJSON.parse(#"{"scores": [1, 9007199254740993]}"#).jsonValue(path: "value")
        }
    }

    @Test func windowsLineEndsAndAByteOrderMarkAreFine() {
        let text = "\u{FEFF}{\"a\": 1}\r\n\r\n  \r\n{\"b\": \"x\"}\r\n"
        let lines = JSONLines(text).lines
        #expect(lines.map(\.number) == [1, 4])
        #expect(lines.allSatisfy { if case .success = $0.value { true } else { false } })
    }

    @Test func anOutOfRangeNumberIsNamedWithItsColumn() throws {
        let e = try #require(error(#"{"value": 1e400}"#))
        #expect(e.column == 11)
        #expect(e.message.contains("1e400 is out of range"))
    }

    @Test func nanAndInfinityAreNotJSON() throws {
        for word in ["NaN", "Infinity", "-Infinity", "nan"] {
            let e = try #require(error("{\"value\": \(word)}"), "\(word)")
            #expect(e.message.contains("\(word) is not JSON"), "\(e)")
            #expect(e.column == 11)
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithoutExhaustingTheStack() throws {
        let limit = ExactJSON.maximumDepth
        _ = try ExactJSON.parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        let e = try #require(error(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)))
        #expect(e.message.contains("nesting deeper than \(limit)"))
        #expect(e.column == limit + 1)
        let huge = try #require(error(String(repeating: "[", count: 200_000)))
        #expect(huge.message.contains("nesting deeper"))
    }

    @Test func invalidJSONSaysWhereAndWhatWasExpected() throws {
        let missingComma = try #require(error(#"{"persona": "echo" "type": "rating"}"#))
        #expect(missingComma.column == 20)
        #expect(missingComma.message == #"expected ',' or '}' after field "persona", found '"'"#)
        let word = try #require(error("not json"))
        #expect(word.column == 1)
        #expect(word.message.contains("expected a JSON value"))
        #expect(word.message.contains("found 'not'"))
        let trailing = try #require(error(#"[1, 2, ]"#))
        #expect(trailing.message.contains("no trailing comma"))
        let unclosed = try #require(error(#"{"a": "b"#))
        #expect(unclosed.column == 7)
        #expect(unclosed.message.contains("not closed"))
        let after = try #require(error(#"{"a": 1} x"#))
        #expect(after.column == 10)
        #expect(after.message.contains("one value per line"))
        let leadingZero = try #require(error(#"{"a": 012}"#))
        #expect(leadingZero.message.contains("expected ',' or '}'"))
        let plus = try #require(error(#"{"a": +1}"#))
        #expect(plus.message.contains("found '+1'"))
    }

    @Test func aFieldGivenTwiceIsRefused() throws {
        let e = try #require(error(#"{"value": 1, "value": 2}"#))
        #expect(e.message == #"field "value" appears twice in one object"#)
        #expect(e.column == 14)
    }

    @Test func stringsDecodeEscapesAndRefuseWhatJSONCannotSay() throws {
        #expect(try ExactJSON.parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\né😀"))
        #expect(try ExactJSON.parse(#""é😀 plain""#) == .string("é😀 plain"))
        #expect(try #require(error(#""\ud83d""#)).message.contains("surrogate"))
        #expect(try #require(error(#""\q""#)).message.contains(#"invalid escape '\q'"#))
        #expect(try #require(error("\"a\tb\"")).message.contains("control character"))
    }

    @Test func invalidUTF8IsNamedWithItsColumn() throws {
        var bytes = Array(#"{"a": "é"#.utf8)
        bytes += [0xFF]
        bytes += Array(#""}"#.utf8)
        let lines = JSONLines(bytes).lines
        guard case .failure(let e) = try #require(lines.first).value else {
            Issue.record("invalid UTF-8 accepted")
            return
        }
        #expect(e.message.contains("not valid UTF-8"))
        #expect(e.column == 9)
    }

    @Test func eachLineIsReadOnItsOwn() {
        let lines = JSONLines("{\"a\": 1}\n{\"a\": \n[1]\n").lines
        #expect(lines.map(\.number) == [1, 2, 3])
        if case .failure(let e) = lines[1].value {
            #expect(e.line == 2)
            #expect(e.message.contains("end of the line"))
        } else {
            Issue.record("line 2 should fail")
        }
        if case .success(.array) = lines[2].value {} else { Issue.record("line 3 should be an array") }
    }

    @Test func numberLiteralsParseOnlyWhenTheyAreJSONNumbers() {
        #expect(ExactJSON.Number(literal: "4")?.int64 == 4)
        #expect(ExactJSON.Number(literal: "-0.5")?.double == -0.5)
        #expect(ExactJSON.Number(literal: "1e400") == nil)
        #expect(ExactJSON.Number(literal: "0x10") == nil)
        #expect(ExactJSON.Number(literal: "4 stars") == nil)
    }
}
