import Testing
@testable import Builtins

@Suite struct PhraseMatcherTests {
    func found(_ phrases: [String], in text: String) -> [String] {
        let matcher = PhraseMatcher(phrases: phrases)
        var set = PhraseSet(capacity: phrases.count)
        var copy = text
        copy.withUTF8 { matcher.scan($0, into: &set) }
        return phrases.indices.filter { set.contains($0) }.map { phrases[$0] }
    }

    @Test func wholeWordsIgnoringCase() {
        #expect(found(["python", "sql", "class"], in: "Write PYTHON and MySQL classes") == ["python"])
        #expect(found(["step by step", "step"], in: "Go step-by-step, Step by step.") == ["step by step", "step"])
    }

    @Test func phrasesEndingInPunctuationNeedNoBoundaryThere() {
        #expect(found(["error:"], in: "TypeError: bad") == [])
        #expect(found(["error:"], in: "got error:bad") == ["error:"])
    }

    @Test func overlappingAndNestedPhrasesAllFound() {
        #expect(found(["he", "she", "hers", "his"], in: "ushers his she") == ["she", "his"])
        #expect(found(["he", "she", "hers", "his"], in: "he hers") == ["he", "hers"])
        #expect(found(["a b", "b c", "a b c"], in: "a b c") == ["a b", "b c", "a b c"])
    }

    @Test func nonASCIITextIsLoweredWholeAndCountsAsWordCharacters() {
        #expect(found(["café"], in: "Le CAFÉ est bon") == ["café"])
        #expect(found(["caf"], in: "café") == [])
        #expect(found(["tool"], in: "über tool") == ["tool"])
    }

    /// The automaton against the definition, on random texts and phrases over a small alphabet
    /// (so phrases overlap, nest and share prefixes and suffixes).
    @Test func agreesWithANaiveSearchOnRandomTexts() {
        var state: UInt64 = 11
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = Array("abAB .:1")
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet[next(alphabet.count)] }) }
        func isWord(_ c: Character) -> Bool { c.isASCII ? (c.isLetter || c.isNumber) : true }
        for _ in 0..<1_500 {
            let phrases = (0..<(1 + next(6))).map { _ in word(1 + next(4)) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let text = word(next(3) == 0 ? 120 + next(200) : next(40))  // long texts are scanned in two halves
            let lower = Array(text.lowercased())
            var expected: [String] = []
            for phrase in phrases {
                let p = Array(phrase.lowercased())
                guard p.count <= lower.count else { continue }
                let hit = (0...(lower.count - p.count)).contains { start in
                    guard Array(lower[start..<(start + p.count)]) == p else { return false }
                    if isWord(p.first!), start > 0, isWord(lower[start - 1]) { return false }
                    if isWord(p.last!), start + p.count < lower.count, isWord(lower[start + p.count]) { return false }
                    return true
                }
                if hit { expected.append(phrase) }
            }
            #expect(found(phrases, in: text) == expected, "\(phrases) in \(text.debugDescription)")
        }
    }

    @Test func patternsArePerlRegularExpressionsIgnoringCase() throws {
        let p = try PatternMatcher("^(who|when) |[0-9]+ *[-+*/] *[0-9]+")
        func matches(_ text: String) -> Bool { var t = text; return t.withUTF8 { p.matches($0) } }
        #expect(matches("Who wrote it?"))
        #expect(matches("what is 3 + 4"))
        #expect(!matches("somewho knows"))
        #expect(!matches(""))
        let unicode = try PatternMatcher(#"\bcafé\b|\d{3}"#)
        func uni(_ text: String) -> Bool { var t = text; return t.withUTF8 { unicode.matches($0) } }
        #expect(uni("au CAFÉ") && uni("room 101") && !uni("cafés") && !uni("12"))
        #expect(throws: PatternError.self) { try PatternMatcher("(unclosed") }
    }
}
