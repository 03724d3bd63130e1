import Testing
@testable import Builtins

@Suite struct ExampleScannerTests {
    let scanner = ExampleScanner(wanted: ["instruction", "output", "input"], wantsTraits: true)

    func scan(_ text: String) throws(LineProblem) -> ExampleLine {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (b) throws(LineProblem) -> ExampleLine in try scanner.scan(b) }
    }

    @Test func decodesWantedStringsAndKeepsOtherFieldsAsRanges() throws {
        let text = #"{"id": 12345678901234567890, "instruction":"Say \"hi\"\n\u00e9\ud83d\ude00","output":"ok","meta":{"a":[1,2.5e3,null,true]},"_traits":["b","a"]}"#
        let line = try scan(text)
        #expect(line.strings["instruction"] == "Say \"hi\"\né😀")
        #expect(line.strings["output"] == "ok")
        #expect(line.strings["input"] == nil)
        #expect(line.traits == ["b", "a"])
        #expect(line.fields.map(\.name) == ["id", "instruction", "output", "meta", "_traits"])
        let bytes = Array(text.utf8)
        let id = try #require(line.field("id"))
        #expect(String(decoding: bytes[id.valueRange], as: UTF8.self) == "12345678901234567890")
        let meta = try #require(line.field("meta"))
        #expect(String(decoding: bytes[meta.range], as: UTF8.self) == #""meta":{"a":[1,2.5e3,null,true]}"#)
        #expect(meta.kind == "an object")
    }

    @Test(arguments: [
        (#"{"instruction":"a","output":"b",}"#, "a field name"),
        (#"{"instruction":"a" "output":"b"}"#, "expected ',' or '}'"),
        (#"{"instruction":"a","output":tru}"#, "expected a JSON value"),
        (#"{"instruction":"a","instruction":"b"}"#, "appears twice"),
        (#"["instruction"]"#, "JSON object"),
        (#"{"instruction":"a","output":"b"} x"#, "after the JSON value"),
        (#"{"x": NaN}"#, "NaN"),
        (#"{"x": 1e400}"#, "out of range"),
        ("{\"x\": \"tab\there\"}", "control character"),
    ])
    func refusesMalformedLinesWithTheReason(_ text: String, _ reason: String) {
        #expect {
            _ = try scan(text)
        } throws: { error in
            guard let problem = error as? LineProblem else { return false }
            return problem.message.contains(reason) && problem.column != nil
        }
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array(#"{"instruction":"a","output":"b"#.utf8)
        bytes += [0xC3, 0x28, 0x22, 0x7D]
        #expect(throws: LineProblem.self) {
            _ = try bytes.withUnsafeBufferPointer { (b) throws(LineProblem) -> ExampleLine in try scanner.scan(b) }
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = #"{"x":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(throws: LineProblem.self) { _ = try scan(deep) }
    }

    @Test func aTraitsFieldThatIsNotAListOfStringsIsKeptNotDecoded() throws {
        let line = try scan(#"{"instruction":"a","output":"b","_traits":[1,{"x":2}]}"#)
        #expect(line.traits == nil)
        #expect(line.field("_traits")?.kind == "an array")
    }

    @Test func writerEscapesWhatJSONRequires() throws {
        var out: [UInt8] = []
        JSONStringWriter.append("a\"b\\c\nd\u{01}é", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c\nd\u0001é""#)
        let back = try ExactJSON.parse(String(decoding: out, as: UTF8.self))
        #expect(back == .string("a\"b\\c\nd\u{01}é"))
    }
}
