/// How many terminal columns text takes, and fitting text into a number of columns.
///
/// A character (grapheme cluster) takes one column — `—`, `→` and `…` included — except East
/// Asian wide and fullwidth characters and emoji, which take two. Text measured here has been
/// escaped by `TerminalText` and holds no control codes.
enum DisplayWidth {
    /// The columns `text` takes.
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let w = columns(of: character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (`alignRight` false) or the left.
    static func padded(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - of(text)))
        return alignRight ? pad + text : text + pad
    }

    /// `text` broken into lines of at most `width` columns, at spaces; a word longer than a
    /// line is cut into pieces.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            if !line.isEmpty && of(line) + 1 + of(word) <= width {
                line += " " + word
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            while of(word) > width {
                let piece = prefix(of: word, width: width)
                lines.append(piece)
                word = String(word.dropFirst(piece.count))
            }
            line = word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The longest prefix of `text` that fits in `width` columns (at least one character).
    private static func prefix(of text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = columns(of: character)
            if used + w > width && !out.isEmpty { break }
            out.append(character)
            used += w
        }
        return out
    }

    /// 2 for East Asian wide or fullwidth characters and emoji, else 1.
    static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
