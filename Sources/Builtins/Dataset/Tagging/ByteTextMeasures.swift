/// ``TextMeasures`` for ASCII text, read straight from UTF-8 bytes: the same counts by the same
/// rules (a test compares the two on many texts), without building `Character`s. The dataset
/// pipelines measure every example's reply, so this is their hot path; text with any
/// non-ASCII byte goes through ``TextMeasures`` itself.
public enum ByteTextMeasures {
    /// The measures of `text` (UTF-8).
    public static func measure(_ text: UnsafeBufferPointer<UInt8>) -> TextMeasures {
        var any: UInt8 = 0
        for b in text { any |= b }
        if any & 0x80 != 0 { return TextMeasures(String(decoding: text, as: UTF8.self)) }
        return ascii(text)
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { ((b | 0x20) &- 0x61) < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { (b &- 0x30) < 10 }
    @inline(__always) static func isStop(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x21 || b == 0x3F || (b >= 0x0A && b <= 0x0D)
    }

    static func ascii(_ text: UnsafeBufferPointer<UInt8>) -> TextMeasures {
        let n = text.count
        var words = 0, letters = 0, longWords = 0, contractions = 0
        var sentences = 0, questions = 0, exclamations = 0, crlf = 0
        var wordLength = 0, wordLetters = 0, wordApostrophe = false
        var wordStart = 0
        var sentenceWords = 0
        var runOpen = false, runQuestion = false

        func finishWord(_ end: Int) {
            guard wordLength > 0 else { return }
            words += 1
            sentenceWords += 1
            letters += wordLetters
            if wordLetters >= TextMeasures.longWordLetters { longWords += 1 }
            if wordApostrophe {
                let word = String(decoding: UnsafeBufferPointer(rebasing: text[wordStart..<end]), as: UTF8.self).lowercased()
                if TextMeasures.isContraction(word) { contractions += 1 }
            }
            wordLength = 0
            wordLetters = 0
            wordApostrophe = false
        }

        var i = 0
        while i < n {
            let c = text[i]
            var inWord = false
            if isWordByte(c) {
                inWord = true
            } else if wordLength > 0 && i + 1 < n {
                let next = text[i + 1]
                if c == 0x27 { inWord = isLetter(next) }
                else if c == 0x2E || c == 0x2C { inWord = isDigit(text[i - 1]) && isDigit(next) }
            }
            if inWord {
                if wordLength == 0 {
                    if runOpen && runQuestion { questions += 1 }
                    runOpen = false
                    runQuestion = false
                    wordStart = i
                }
                wordLength += 1
                if c == 0x27 { wordApostrophe = true } else if isWordByte(c) { wordLetters += 1 }
                i += 1
                continue
            }
            finishWord(i)
            if c == 0x21 { exclamations += 1 }
            if isStop(c) {
                if c == 0x0D && i + 1 < n && text[i + 1] == 0x0A { crlf += 1 }
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
