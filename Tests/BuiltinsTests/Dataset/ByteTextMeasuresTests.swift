import Testing
@testable import Builtins

@Suite struct ByteTextMeasuresTests {
    func bytes(_ text: String) -> TextMeasures {
        var copy = text
        return copy.withUTF8 { ByteTextMeasures.measure($0) }
    }

    @Test(arguments: [
        "", "Hello.", "I don't know! Really?! Maybe... yes", "It's 3.5 or 1,000 items. Let's go!!",
        "Line one\r\nLine two\rthree\nfour", "Why? Why not?", "John's car isn't here; they'd've gone.",
        "a'b 'quoted' end'", "12.5.6, x.y", "   spaces   only   ", "Q?\n\n?", "end with apostrophe'",
        "Extraordinarily comprehensive documentation.", "!!!", "don't\u{0B}stop\u{0C}now",
    ])
    func asciiMatchesTextMeasures(_ text: String) {
        #expect(bytes(text) == TextMeasures(text))
    }

    @Test func randomASCIITextsMatchTextMeasures() {
        var rng = SplitMix(seed: 7)
        let alphabet = Array("abcXYZ019 '.,!?\n\r\t-;:\"")
        for _ in 0..<3_000 {
            let length = Int(rng.next() % 60)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            #expect(bytes(text) == TextMeasures(text), "\(text.debugDescription)")
        }
    }

    @Test func nonASCIITextGoesThroughTextMeasures() {
        let text = "I’m sure 👍🏽 café’s fine!"
        #expect(bytes(text) == TextMeasures(text))
        #expect(bytes(text).emoji == 1)
    }

    @Test func valuesByNameFollowTheMeasureNames() {
        let m = TextMeasures("Hi there. I'm fine!")
        let dictionary = m.dictionary()
        for (i, name) in TextMeasures.measureNames.enumerated() { #expect(m.value(at: i) == dictionary[name], "\(name)") }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
