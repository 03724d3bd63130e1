/// ``TextMeasures`` without building `Character`s: the same counts by the same rules (tests
/// compare the two on thousands of texts), read from UTF-8 bytes when the text is ASCII and from
/// its scalars when every non-ASCII scalar is a character of its own (accented Latin letters,
/// typographic quotes, dashes, the ellipsis). Any other text (emoji, combining marks, other
/// scripts) goes through ``TextMeasures`` itself. The dataset pipelines measure every
/// example's reply, so this is their hot path.
public enum ByteTextMeasures {
    /// The measures of `text` (UTF-8).
    public static func measure(_ text: UnsafeBufferPointer<UInt8>) -> TextMeasures {
        var any: UInt8 = 0
        for b in text { any |= b }
        if any & 0x80 == 0 { return scan(text) }
        let string = String(decoding: text, as: UTF8.self)
        return simple(string) ?? TextMeasures(string)
    }

    /// Non-ASCII scalars that are always a character of their own (no scalar joins them into a
    /// grapheme cluster, and they join nothing): Latin letters with accents (U+00C0–U+024F) and
    /// the typographic quotes, dashes and ellipsis.
    static func isSimple(_ v: UInt32) -> Bool {
        (0xC0...0x24F).contains(v) || v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D
            || v == 0x2013 || v == 0x2014 || v == 0x2026
    }

    /// The measures of text whose non-ASCII scalars are all simple (``isSimple(_:)``), so every
    /// scalar is one character; nil for any other text.
    static func simple(_ text: String) -> TextMeasures? {
        var units: [UInt32] = []
        units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 && !isSimple(scalar.value) { return nil }
            units.append(scalar.value)
        }
        return scan(units)
    }

    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        v < 0x80 ? ((v | 0x20) &- 0x61) < 26 : Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { (v &- 0x30) < 10 }
    @inline(__always) static func isWord(_ v: UInt32) -> Bool { isDigit(v) || isLetter(v) }
    @inline(__always) static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 }
    @inline(__always) static func isStop(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x21 || v == 0x3F || (v >= 0x0A && v <= 0x0D) || v == 0x2026
    }

    /// ``TextMeasures``' scan over characters that are single scalars (`units`), by the same
    /// rules; `\r\n` counts as one character, as it is one in Swift.
    static func scan<Units: RandomAccessCollection>(_ units: Units) -> TextMeasures where Units.Element: FixedWidthInteger, Units.Index == Int {
        let n = units.count
        var words = 0, letters = 0, longWords = 0, contractions = 0
        var sentences = 0, questions = 0, exclamations = 0, crlf = 0
        var wordLength = 0, wordLetters = 0, wordApostrophe = false, wordStart = 0
        var sentenceWords = 0
        var runOpen = false, runQuestion = false

        func finishWord(_ end: Int) {
            guard wordLength > 0 else { return }
            words += 1
            sentenceWords += 1
            letters += wordLetters
            if wordLetters >= TextMeasures.longWordLetters { longWords += 1 }
            if wordApostrophe {
                var word = ""
                for unit in units[wordStart..<end] {
                    let v = UInt32(truncatingIfNeeded: unit)
                    guard let scalar = Unicode.Scalar(v) else { continue }
                    word += isApostrophe(v) ? "'" : String(Character(scalar)).lowercased()
                }
                if TextMeasures.isContraction(word) { contractions += 1 }
            }
            wordLength = 0
            wordLetters = 0
            wordApostrophe = false
        }

        var i = 0
        while i < n {
            let c = UInt32(truncatingIfNeeded: units[i])
            let word = isWord(c)
            var inWord = word
            if !word && wordLength > 0 && i + 1 < n {
                let next = UInt32(truncatingIfNeeded: units[i + 1])
                if isApostrophe(c) { inWord = isLetter(next) }
                else if c == 0x2E || c == 0x2C { inWord = isDigit(UInt32(truncatingIfNeeded: units[i - 1])) && isDigit(next) }
            }
            if inWord {
                if wordLength == 0 {
                    if runOpen && runQuestion { questions += 1 }
                    runOpen = false
                    runQuestion = false
                    wordStart = i
                }
                wordLength += 1
                if word { wordLetters += 1 } else if isApostrophe(c) { wordApostrophe = true }
                i += 1
                continue
            }
            finishWord(i)
            if c == 0x21 { exclamations += 1 }
            if isStop(c) {
                if c == 0x0D && i + 1 < n && units[i + 1] == 0x0A { crlf += 1 }
                if sentenceWords > 0 {
                    sentences += 1
                    sentenceWords = 0
                    runOpen = true
                }
                if c == 0x3F && runOpen { runQuestion = true }
            }
            i += 1
        }
        finishWord(n)
        if sentenceWords > 0 { sentences += 1 }
        if runOpen && runQuestion { questions += 1 }
        return TextMeasures(length: n - crlf, words: words, sentences: sentences, letters: letters, contractions: contractions,
                            exclamations: exclamations, emoji: 0, longWords: longWords, questions: questions)
    }
}

extension TextMeasures {
    /// Measures from their counts (the ratios derived as ``init(_:)`` derives them).
    init(length: Int, words: Int, sentences: Int, letters: Int, contractions: Int, exclamations: Int, emoji: Int, longWords: Int, questions: Int) {
        self.length = length
        self.words = words
        self.sentences = sentences
        self.sentenceLength = sentences > 0 ? Double(words) / Double(sentences) : 0
        self.averageWordLength = words > 0 ? Double(letters) / Double(words) : 0
        self.contractions = contractions
        self.exclamations = exclamations
        self.emoji = emoji
        self.longWordShare = words > 0 ? Double(longWords) / Double(words) : 0
        self.questions = questions
    }

    /// The measure names plugins use, in a fixed order (``value(at:)`` reads them by index).
    public static let measureNames = ["length", "words", "sentences", "sentence_length", "average_word_length", "contractions",
                                      "exclamations", "emoji", "long_word_share", "questions"]

    /// The measure `measureNames[index]`.
    @inline(__always) public func value(at index: Int) -> Double {
        switch index {
        case 0: Double(length)
        case 1: Double(words)
        case 2: Double(sentences)
        case 3: sentenceLength
        case 4: averageWordLength
        case 5: Double(contractions)
        case 6: Double(exclamations)
        case 7: Double(emoji)
        case 8: longWordShare
        default: Double(questions)
        }
    }
}
