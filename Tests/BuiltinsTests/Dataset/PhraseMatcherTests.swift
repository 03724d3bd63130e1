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

    @Test func patternsAreExtendedRegularExpressionsIgnoringCase() throws {
        let p = try PatternMatcher("^(who|when) |[0-9]+ *[-+*/] *[0-9]+")
        func matches(_ text: String) -> Bool { var t = text; return t.withUTF8 { p.matches($0) } }
        #expect(matches("Who wrote it?"))
        #expect(matches("what is 3 + 4"))
        #expect(!matches("somewho knows"))
        #expect(!matches(""))
        #expect(throws: PatternError.self) { try PatternMatcher("(unclosed") }
    }
}
