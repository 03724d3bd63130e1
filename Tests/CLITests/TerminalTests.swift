import Testing
@testable import persona_host

/// ``Terminal/detect(choice:isTerminal:windowColumns:environment:)``: the width and colour rules,
/// from the facts a process sees.
@Suite struct TerminalTests {
    @Test func notATerminalIsEightyColumnsWhateverColumnsSays() {
        let piped = Terminal.detect(choice: .auto, isTerminal: false, windowColumns: nil, environment: ["COLUMNS": "200"])
        #expect(piped.width == 80)
        #expect(!piped.color)
    }

    @Test func aTerminalUsesItsWindowThenColumnsAndNeverLessThanEighty() {
        #expect(Terminal.detect(choice: .auto, isTerminal: true, windowColumns: 132, environment: ["COLUMNS": "100"]).width == 132)
        #expect(Terminal.detect(choice: .auto, isTerminal: true, windowColumns: nil, environment: ["COLUMNS": "100"]).width == 100)
        #expect(Terminal.detect(choice: .auto, isTerminal: true, windowColumns: 0, environment: ["COLUMNS": "wide"]).width == 80)
        #expect(Terminal.detect(choice: .auto, isTerminal: true, windowColumns: 40, environment: [:]).width == 80)
    }

    @Test func autoColoursOnlyATerminalWithoutNoColorOrDumbTerm() {
        func color(_ environment: [String: String], terminal: Bool = true) -> Bool {
            Terminal.detect(choice: .auto, isTerminal: terminal, windowColumns: 80, environment: environment).color
        }
        #expect(color([:]))
        #expect(color(["TERM": "xterm-256color"]))
        #expect(!color([:], terminal: false))
        #expect(!color(["NO_COLOR": "1"]))
        #expect(!color(["NO_COLOR": "0"]))   // any non-empty value (no-color.org)
        #expect(color(["NO_COLOR": ""]))     // empty counts as unset
        #expect(!color(["TERM": "dumb"]))
    }

    @Test func alwaysAndNeverWinOverTheEnvironment() {
        #expect(Terminal.detect(choice: .always, isTerminal: false, windowColumns: nil, environment: ["NO_COLOR": "1", "TERM": "dumb"]).color)
        #expect(!Terminal.detect(choice: .never, isTerminal: true, windowColumns: 100, environment: [:]).color)
    }

    @Test func stylingIsAddedOnlyWithColour() {
        let plain = Terminal(color: false)
        #expect(plain.bold("x") == "x" && plain.dim("x") == "x" && plain.persona("x", index: 3) == "x")
        let coloured = Terminal(color: true)
        #expect(coloured.bold("x") == "\u{1B}[1mx\u{1B}[22m")
        #expect(coloured.persona("x", index: 1) != coloured.persona("x", index: 2))
        #expect(coloured.persona("x", index: 1) == coloured.persona("x", index: 7))
    }
}
