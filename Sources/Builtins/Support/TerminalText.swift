/// Text from users and plugins, made safe to print: control characters (ANSI escape sequences,
/// carriage returns, newlines inside a value, C1 controls) are shown as visible escapes instead
/// of reaching the terminal, so a goal or a persona name can never redraw the screen or fake
/// a line of output. JSON output needs none of this: the encoder escapes them already.
public enum TerminalText {
    /// `text` with every control character written as an escape (`\n`, `\t`, `\u{1B}`).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Each line of `text` escaped, the line breaks kept: for messages the host itself splits
    /// into lines (a list of problems).
    public static func escapedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
