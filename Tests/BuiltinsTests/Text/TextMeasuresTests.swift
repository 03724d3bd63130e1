import Foundation
import Testing
@testable import Builtins

/// Text measures: hand-counted examples, the counting rules, and a formal/casual contrast.
@Suite struct TextMeasuresTests {
    @Test func emptyTextIsAllZeros() {
        let m = TextMeasures("")
        var blank = TextMeasures("   \n\n  ")
        #expect(blank.length == 7)
        blank.length = 0
        #expect(blank == m)
        #expect(m.length == 0 && m.words == 0 && m.sentences == 0 && m.questions == 0)
        #expect(m.sentenceLength == 0 && m.averageWordLength == 0 && m.longWordShare == 0)
        #expect(m.dictionary().values.allSatisfy { $0 == 0 })
    }

    @Test func punctuationWithoutWordsDividesByNothing() {
        let m = TextMeasures("!!! ??? ...")
        #expect(m.words == 0 && m.sentences == 0 && m.questions == 0)
        #expect(m.exclamations == 3)
        #expect(m.length == 11)
        #expect(m.dictionary().values.allSatisfy { $0.isFinite })
    }

    @Test func handCountedShortReply() {
        // I | don't | know . Do | you ? It's | fine !!
        let m = TextMeasures("I don't know. Do you? It's fine!!")
        #expect(m.length == 33)
        #expect(m.words == 7)
        #expect(m.sentences == 3)
        #expect(m.sentenceLength == 7.0 / 3.0)
        #expect(m.averageWordLength == 21.0 / 7.0)  // 1+4+4+2+3+3+4 letters, apostrophes excluded
        #expect(m.contractions == 2)
        #expect(m.exclamations == 2)
        #expect(m.questions == 1)
        #expect(m.emoji == 0)
        #expect(m.longWordShare == 0)
    }

    @Test func curlyApostrophesAndPossessives() {
        let m = TextMeasures("You’re right, John's car isn’t here. Let’s go")
        #expect(m.words == 8)
        #expect(m.contractions == 3)  // You’re, isn’t, Let’s; not John's
        #expect(m.sentences == 2)
        #expect(TextMeasures("the dogs' bowls, rock'n'roll, o'clock").contractions == 0)
        #expect(TextMeasures("I'd say we'll see, they've gone, it’s ok").contractions == 4)
    }

    @Test func stopRunsCountOnceAndLineBreaksEndSentences() {
        let m = TextMeasures("Wait... what?!\nNo way\n\nOK")
        #expect(m.sentences == 4)
        #expect(m.questions == 1)
        #expect(m.exclamations == 1)
        #expect(TextMeasures("Hmm… fine").sentences == 2)
        #expect(TextMeasures("Really??? Yes. Sure?").questions == 2)
    }

    @Test func decimalsStayOneWord() {
        let m = TextMeasures("It costs 3.5 dollars. Really")
        #expect(m.words == 5)
        #expect(m.sentences == 2)
        #expect(m.averageWordLength == 22.0 / 5.0)  // 2+5+2+7+6
        #expect(m.longWordShare == 1.0 / 5.0)  // dollars
        #expect(TextMeasures("It costs 3.").sentences == 1)
    }

    @Test func emojiCountsPictographsNotKeycapCharacters() {
        #expect(TextMeasures("Great 😄🎉 ❤️ 👍🏽").emoji == 4)
        #expect(TextMeasures("family 👨‍👩‍👧 trip").emoji == 1)
        #expect(TextMeasures("#1 * 42 © ™ ↔").emoji == 0)
        #expect(TextMeasures("Great 😄🎉").words == 1)
    }

    @Test func formalAndCasualDiffer() {
        let formal = TextMeasures(
            "Dear colleague, I would appreciate receiving the quarterly documentation. "
                + "Please confirm availability at your earliest convenience.")
        let casual = TextMeasures("Hey! I'm so excited, can't wait 😄🎉 It's gonna be fun!!")

        #expect(formal.words == 16 && formal.sentences == 2)
        #expect(formal.averageWordLength == 113.0 / 16.0)
        #expect(formal.longWordShare == 9.0 / 16.0)
        #expect(formal.contractions == 0 && formal.exclamations == 0 && formal.emoji == 0)

        #expect(casual.words == 10 && casual.sentences == 2)
        #expect(casual.averageWordLength == 3.5)
        #expect(casual.longWordShare == 0.1)
        #expect(casual.contractions == 3 && casual.exclamations == 3 && casual.emoji == 2)

        #expect(casual.contractions > formal.contractions)
        #expect(casual.exclamations > formal.exclamations)
        #expect(casual.emoji > formal.emoji)
        #expect(casual.averageWordLength < formal.averageWordLength)
        #expect(casual.sentenceLength < formal.sentenceLength)
    }

    @Test func dictionaryHasTheSnakeCaseKeys() {
        let m = TextMeasures("Hello there! How's it going?")
        let d = m.dictionary()
        #expect(Set(d.keys) == [
            "length", "words", "sentences", "sentence_length", "average_word_length",
            "contractions", "exclamations", "emoji", "long_word_share", "questions",
        ])
        #expect(d["words"] == 5 && d["sentences"] == 2 && d["questions"] == 1)
        #expect(d["sentence_length"] == 2.5 && d["contractions"] == 1)  // how's = how is
        #expect(d["length"] == Double(m.length))
    }

    @Test func roundTripsThroughJSON() throws {
        let m = TextMeasures("Thanks so much! 🙏")
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(TextMeasures.self, from: data) == m)
    }
}
