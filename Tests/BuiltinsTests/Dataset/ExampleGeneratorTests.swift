import Foundation
import Testing
@testable import Builtins

/// The synthetic instruction examples: deterministic, valid JSON lines, the sources and
/// proportions the dataset_personas plugin is written for, and correct escaping.
@Suite struct ExampleGeneratorTests {
    static let seedSources = ["mental_health_counseling", "empathetic_dialogues", "emotional_support", "persona_chat",
                              "daily_dialog", "wizardlm_conversations", "sharegpt_cleaned", "berkeley_function_calling",
                              "toolbench", "ethics_commonsense", "moral_stories", "cot_collection", "arc_challenge"]
    static let generalSources = ["alpaca", "dolly", "oasst", "code_alpaca", "gsm8k", "squad", "writing_prompts", "esoteric_qa"]

    static func bytes(seed: UInt64, rows: Int) -> [UInt8] {
        var generator = ExampleGenerator(seed: seed)
        var buffer: [UInt8] = []
        for _ in 0..<rows { generator.appendLine(to: &buffer) }
        return buffer
    }

    /// The lines of `rows` examples, each parsed as a JSON object.
    static func objects(seed: UInt64, rows: Int) throws -> [[String: Any]] {
        let text = bytes(seed: seed, rows: rows)
        return try text.split(separator: 0x0A).map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        let a = Self.bytes(seed: 7, rows: 3000)
        #expect(a == Self.bytes(seed: 7, rows: 3000))
        #expect(a != Self.bytes(seed: 8, rows: 3000))
        #expect(a.last == 0x0A)
    }

    @Test func everyLineIsAnObjectWithTheFiveFieldsAndIdsFromOne() throws {
        var generator = ExampleGenerator(seed: 42)
        var buffer: [UInt8] = []
        for _ in 0..<5000 { generator.appendLine(to: &buffer) }
        #expect(generator.linesWritten == 5000)
        #expect(buffer.filter { $0 == 0x0A }.count == 5000)
        let objects = try Self.objects(seed: 42, rows: 5000)
        #expect(objects.count == 5000)
        for (index, object) in objects.enumerated() {
            #expect(object["id"] as? Int == index + 1)
            for field in ["source", "instruction", "output"] {
                #expect(!((object[field] as? String) ?? "").isEmpty, "line \(index + 1): \(field)")
            }
            #expect(object["input"] is String)
            let extra = Set(object.keys).subtracting(["id", "source", "instruction", "input", "output"])
            #expect(extra.isSubset(of: ["meta", "score"]) && extra.count <= 1, "line \(index + 1): \(extra)")
            if let meta = object["meta"] { #expect((meta as? [String: Any])?["turns"] is Int) }
            if let score = object["score"] as? Double { #expect(score > 0 && score < 1) }
        }
    }

    @Test func sourcesAndProportionsLookLikeARealCollection() throws {
        let rows = 20_000
        let objects = try Self.objects(seed: 3, rows: rows)
        let total = Double(rows)
        var sources: [String: Int] = [:]
        for object in objects { sources[object["source"] as? String ?? "?", default: 0] += 1 }
        for name in Self.seedSources + Self.generalSources {
            #expect(sources[name, default: 0] > 0, "\(name) never appears")
        }
        #expect(Set(sources.keys) == Set(Self.seedSources + Self.generalSources))
        let general = Double(Self.generalSources.map { sources[$0, default: 0] }.reduce(0, +)) / total
        #expect(general > 0.4 && general < 0.6, "general share \(general)")
        #expect(Double(sources["esoteric_qa", default: 0]) / total < 0.01)

        let withInput = Double(objects.filter { !(($0["input"] as? String) ?? "").isEmpty }.count) / total
        #expect(withInput > 0.2 && withInput < 0.45, "input share \(withInput)")
        let extra = Double(objects.filter { $0.count > 5 }.count) / total
        #expect(extra > 0.03 && extra < 0.07, "extra-field share \(extra)")
        let unicode = Double(objects.filter { (($0["output"] as? String) ?? "").unicodeScalars.contains { !$0.isASCII } }.count) / total
        #expect(unicode > 0.01 && unicode < 0.04, "non-ASCII share \(unicode)")
        let averageBytes = Double(Self.bytes(seed: 3, rows: 2000).count) / 2000
        #expect(averageBytes > 500 && averageBytes < 1000, "average line \(averageBytes) bytes")

        let words = objects.map { (($0["output"] as? String) ?? "").split(whereSeparator: \.isWhitespace).count }
        let brief = Double(words.filter { $0 <= 40 }.count) / total
        let detailed = Double(words.filter { $0 >= 120 }.count) / total
        #expect(brief > 0.25 && brief < 0.45, "brief share \(brief)")
        #expect(detailed > 0.15 && detailed < 0.35, "detailed share \(detailed)")
        #expect(Double(words.filter { (20...250).contains($0) }.count) / total > 0.9)
    }

    @Test func rareAndFallbackCuesAppearRarely() throws {
        let objects = try Self.objects(seed: 11, rows: 20_000)
        func share(_ cue: String) -> Double {
            Double(objects.filter { (($0["instruction"] as? String) ?? "").lowercased().contains(cue) }.count) / 20_000
        }
        #expect(share("tarot") + share("alchemy") + share("kabbalah") + share("archetype") + share("hermetic") + share("mysticism") > 0.001)
        #expect(share("jailbreak") + share("hack into") + share("self-harm") < 0.01)
        #expect(share("python") > 0.01)
    }

    @Test func escapingQuotesBackslashesControlsAndUnicode() throws {
        var bytes: [UInt8] = []
        JSONEscape.append("say \"hi\"\\ now\nnext\ttab\r\u{01}\u{1F} café ’ 🙂", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"say \"hi\"\\ now\nnext\ttab\r\u0001\u001f café ’ 🙂"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(("\"" + String(decoding: bytes, as: UTF8.self) + "\"").utf8),
                                                      options: .fragmentsAllowed) as? String
        #expect(parsed == "say \"hi\"\\ now\nnext\ttab\r\u{01}\u{1F} café ’ 🙂")
        // Generated lines carry all of these and still parse to the texts written.
        let outputs = try Self.objects(seed: 5, rows: 20_000).compactMap { $0["output"] as? String }
        #expect(outputs.contains { $0.contains("\"") && $0.contains("\\") && $0.contains("\n") })
        #expect(outputs.contains { $0.contains("\t") })
        #expect(outputs.contains { $0.contains("’") || $0.contains("é") })
        #expect(outputs.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    }

    @Test func templatesKeepUnknownBracesAndFillSlots() {
        let code = Template("class Loader { load() { return {n} } }")
        #expect(code.pieces.count == 3)
        let literal = Template("{\"id\": {nope}}")
        guard case .text(let bytes) = literal.pieces.first, literal.pieces.count == 1 else {
            Issue.record("expected one literal piece")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == #"{\"id\": {nope}}"#)
        #expect(Template("Write a {lang} function").words == 4)
    }
}
