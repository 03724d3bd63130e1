import Testing
@testable import persona_host

/// ``DisplayWidth``: columns, truncation with `…`, wrapping.
@Suite struct DisplayWidthTests {
    @Test func dashesArrowsAndEllipsesTakeOneColumnWideCharactersTwo() {
        #expect(DisplayWidth.of("a — b → c …") == 11)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("é") == 1)   // e + combining accent is one character
    }

    @Test func truncationEndsInAnEllipsisAndFits() {
        #expect(DisplayWidth.truncated("Lucia Silva — Tech-Savvy Mom", to: 12) == "Lucia Silva…")
        #expect(DisplayWidth.truncated("short", to: 12) == "short")
        let wide = DisplayWidth.truncated("日本語の名前です", to: 7)
        #expect(DisplayWidth.of(wide) <= 7)
        #expect(wide.hasSuffix("…"))
    }

    @Test func wrappingBreaksAtSpacesAndCutsLongWords() {
        let lines = DisplayWidth.wrapped("care_about: a, b; parenting_style: Tech-Savvy; typical_stage: infant", width: 30)
        #expect(lines == ["care_about: a, b;", "parenting_style: Tech-Savvy;", "typical_stage: infant"])
        let cut = DisplayWidth.wrapped(String(repeating: "x", count: 25), width: 10)
        #expect(cut == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }
}
