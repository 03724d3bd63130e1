import Foundation

/// Where stdout goes, as far as text output cares: how many display columns a line may use and
/// whether it takes colour (bold headers, dim secondary text, coloured persona names).
///
/// One place decides both, from facts that tests can give directly (``detect(choice:isTerminal:windowColumns:environment:)``):
/// - width: on a terminal, its width (`TIOCGWINSZ` on stdout), else `$COLUMNS`; not on a
///   terminal, 80; never less than ``minimumWidth``;
/// - colour: see ``ColorChoice``.
///
/// Styling is applied to text that was already escaped by `TerminalText`, so the only control
/// codes in the output are the ones added here.
struct Terminal: Sendable, Equatable {
    /// Display columns a line may use.
    var width: Int
    /// Whether ANSI styling may be written.
    var color: Bool

    /// The narrowest layout: a narrower (or unknown) terminal gets 80 columns.
    static let minimumWidth = 80

    init(width: Int = Terminal.minimumWidth, color: Bool = false) {
        self.width = max(width, Terminal.minimumWidth)
        self.color = color
    }

    /// The terminal for `choice` from the facts: whether stdout is a terminal, its window width,
    /// and the environment (`COLUMNS`, `NO_COLOR`, `TERM`).
    static func detect(choice: ColorChoice, isTerminal: Bool, windowColumns: Int?, environment: [String: String]) -> Terminal {
        var width = minimumWidth
        if isTerminal {
            if let columns = windowColumns, columns > 0 {
                width = columns
            } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
                width = columns
            }
        }
        let color: Bool
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            color = isTerminal && !noColor && environment["TERM"] != "dumb"
        }
        return Terminal(width: width, color: color)
    }

    /// stdout of this process, with the colour choice of the command line and config file.
    static func standardOutput(choice: ColorChoice = Settings.current.color) -> Terminal {
        let isTerminal = isatty(STDOUT_FILENO) != 0
        var size = winsize()
        let columns = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
        return detect(choice: choice, isTerminal: isTerminal, windowColumns: columns, environment: ProcessInfo.processInfo.environment)
    }

    /// `text` in bold (headers).
    func bold(_ text: String) -> String { styled(text, "1", "22") }

    /// `text` dimmed (secondary text: the traits block, notes).
    func dim(_ text: String) -> String { styled(text, "2", "22") }

    /// `text` in the colour of persona `index` (1-based; six colours in turn).
    func persona(_ text: String, index: Int) -> String {
        let colors = ["36", "35", "33", "32", "34", "31"]
        return styled(text, colors[(max(index, 1) - 1) % colors.count], "39")
    }

    /// `text` in yellow (warnings).
    func warning(_ text: String) -> String { styled(text, "33", "39") }

    private func styled(_ text: String, _ on: String, _ off: String) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[\(on)m\(text)\u{1B}[\(off)m"
    }
}
