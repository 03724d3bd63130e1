/// Surface measures of one piece of text (a reply, a message): counts and ratios a feedback
/// plugin can read to judge style (formality, verbosity, warmth, humour, vocabulary).
///
/// The measures are plain counts over Unicode characters, so they are cheap, deterministic and
/// language-light; plugins decide what they mean. Rules:
/// - **Words** are runs of letters and digits. An apostrophe (`'` or `’`) between a word
///   character and a letter stays inside the word (`don't`, `I’m`), and `.` or `,` between two
///   digits too (`3.5`, `1,000`); everything else (spaces, hyphens, punctuation, emoji)
///   separates words.
/// - **Sentences** end at a run of `.`, `!`, `?`, `…` or a line break (the run counts once);
///   a stretch without any word is not a sentence, and text without a final stop is still one.
/// - **Questions** are sentences whose closing run contains `?` (`Really?!` is one question);
///   **exclamations** count every `!`.
/// - **Emoji** count characters (grapheme clusters) holding an emoji scalar: one with
///   `isEmojiPresentation`, one at U+1F300 or above with `isEmoji`, or an `isEmoji` scalar shown
///   as emoji by U+FE0F (`❤️`). Digits, `#` and `*` alone never count; `👍🏽` and `👨‍👩‍👧` count once.
/// - **Contractions** are words whose part after the last apostrophe is `t` (after `n`), `m`,
///   `re`, `ve`, `ll` or `d`, or `s` after a pronoun or question word (`it's`, `that's`,
///   `let's`); possessives like `John's` are not contractions.
///
/// Empty text gives all zeros; ratios over zero words or sentences are 0.
public struct TextMeasures: Sendable, Codable, Hashable {
    /// Characters (grapheme clusters) in the text.
    public var length: Int
    /// Words (see the type's rules).
    public var words: Int
    /// Sentences (see the type's rules).
    public var sentences: Int
    /// Mean words per sentence (0 without sentences).
    public var sentenceLength: Double
    /// Mean letters (and digits) per word, apostrophes excluded (0 without words).
    public var averageWordLength: Double
    /// Words that are contractions (`don't`, `I'm`, `you're`, `it's`).
    public var contractions: Int
    /// Count of `!`.
    public var exclamations: Int
    /// Emoji characters.
    public var emoji: Int
    /// Share of words with at least 7 letters (0 without words).
    public var longWordShare: Double
    /// Sentences closed by a run containing `?`.
    public var questions: Int

    /// The measures of `text`.
    public init(_ text: String) {
        var scanner = Scanner(Array(text))
        scanner.run()
        length = scanner.characters.count
        words = scanner.words
        sentences = scanner.sentences
        sentenceLength = sentences > 0 ? Double(words) / Double(sentences) : 0
        averageWordLength = words > 0 ? Double(scanner.letters) / Double(words) : 0
        contractions = scanner.contractions
        exclamations = scanner.exclamations
        emoji = scanner.emoji
        longWordShare = words > 0 ? Double(scanner.longWords) / Double(words) : 0
        questions = scanner.questions
    }

    /// The measures with snake_case keys, as plugins receive them.
    public func dictionary() -> [String: Double] {
        [
            "length": Double(length), "words": Double(words), "sentences": Double(sentences),
            "sentence_length": sentenceLength, "average_word_length": averageWordLength,
            "contractions": Double(contractions), "exclamations": Double(exclamations),
            "emoji": Double(emoji), "long_word_share": longWordShare, "questions": Double(questions),
        ]
    }

    /// Words of this many letters or more are long.
    static let longWordLetters = 7

    /// Stems before `'s` that make it a contraction (`it's` = it is) rather than a possessive.
    static let contractingStems: Set<String> = [
        "it", "he", "she", "that", "what", "where", "who", "there", "here", "how", "when", "why",
        "let", "this", "everyone", "everybody", "everything", "someone", "somebody", "something",
        "nobody", "nothing",
    ]

    /// Whether `word` (lowercased, apostrophes as `'`) is a contraction.
    static func isContraction(_ word: String) -> Bool {
        guard let mark = word.lastIndex(of: "'") else { return false }
        let stem = word[..<mark]
        switch word[word.index(after: mark)...] {
        case "t": return stem.hasSuffix("n")
        case "m", "re", "ve", "ll", "d": return true
        case "s": return contractingStems.contains(String(stem))
        default: return false
        }
    }

    /// Whether `character` is shown as an emoji (see the type's rules).
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { $0.value == 0xFE0F }) && scalars.contains(where: { $0.value > 0x7F && $0.properties.isEmoji }) {
            return true
        }
        return scalars.contains { scalar in
            scalar.properties.isEmojiPresentation || scalar.value >= 0x1F300 && scalar.properties.isEmoji
        }
    }

    /// One left-to-right pass over the characters, keeping every count.
    private struct Scanner {
        let characters: [Character]
        var words = 0, letters = 0, longWords = 0, contractions = 0
        var sentences = 0, questions = 0, exclamations = 0, emoji = 0
        /// The current word's characters, lowercased, apostrophes as `'`.
        var word = ""
        var wordLetters = 0
        /// Words since the last sentence end.
        var sentenceWords = 0
        /// A closing run of stops is open; `runQuestion` says whether it holds a `?`.
        var runOpen = false, runQuestion = false

        init(_ characters: [Character]) { self.characters = characters }

        static func isApostrophe(_ c: Character) -> Bool { c == "'" || c == "\u{2019}" }
        static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

        /// Whether `characters[i]` continues or starts a word.
        func inWord(_ i: Int) -> Bool {
            let c = characters[i]
            if Self.isWordCharacter(c) { return true }
            guard !word.isEmpty, i + 1 < characters.count else { return false }
            let next = characters[i + 1]
            if Self.isApostrophe(c) { return next.isLetter }
            if c == "." || c == "," { return characters[i - 1].isNumber && next.isNumber }
            return false
        }

        /// Whether `c` ends a sentence.
        static func isStop(_ c: Character) -> Bool {
            c == "." || c == "!" || c == "?" || c == "\u{2026}" || c.isNewline
        }

        mutating func run() {
            for i in characters.indices {
                let c = characters[i]
                if inWord(i) {
                    if word.isEmpty { closeRun() }
                    word.append(contentsOf: Self.isApostrophe(c) ? "'" : c.lowercased())
                    if Self.isWordCharacter(c) { wordLetters += 1 }
                    continue
                }
                finishWord()
                if c == "!" { exclamations += 1 }
                if Self.isStop(c) {
                    if sentenceWords > 0 {
                        sentences += 1
                        sentenceWords = 0
                        runOpen = true
                    }
                    if c == "?" && runOpen { runQuestion = true }
                } else if TextMeasures.isEmoji(c) {
                    emoji += 1
                }
            }
            finishWord()
            if sentenceWords > 0 { sentences += 1 }
            closeRun()
        }

        mutating func finishWord() {
            guard !word.isEmpty else { return }
            words += 1
            sentenceWords += 1
            letters += wordLetters
            if wordLetters >= TextMeasures.longWordLetters { longWords += 1 }
            if TextMeasures.isContraction(word) { contractions += 1 }
            word = ""
            wordLetters = 0
        }

        mutating func closeRun() {
            if runOpen && runQuestion { questions += 1 }
            runOpen = false
            runQuestion = false
        }
    }
}
