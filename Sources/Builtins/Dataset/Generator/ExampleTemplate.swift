import Foundation

/// The pieces generated examples are assembled from, encoded once: every text is stored already
/// JSON-escaped as UTF-8 bytes, so writing a line is copying bytes (no `String` per line).

/// A word to fill in: the kinds of slot a template may name (`{topic}`, `{lang}`, …).
enum Slot: Sendable {
    /// The kind's own topics.
    case topic
    /// A programming language.
    case lang
    /// A person's first name.
    case name
    /// A small number (2–99).
    case n
    /// A larger number (100–9999).
    case big
    /// A year (1820–2023).
    case year
    /// A city or country.
    case place
    /// An everyday object (for stories).
    case thing
    /// A food.
    case food

    init?(named name: Substring) {
        switch name {
        case "topic": self = .topic
        case "lang": self = .lang
        case "name": self = .name
        case "n": self = .n
        case "big": self = .big
        case "year": self = .year
        case "place": self = .place
        case "thing": self = .thing
        case "food": self = .food
        default: return nil
        }
    }
}

/// A ready-to-copy text: JSON-escaped UTF-8 bytes and how many words it has.
struct Fill: Sendable {
    let bytes: [UInt8]
    let words: Int

    init(_ text: String) {
        var bytes: [UInt8] = []
        JSONEscape.append(text, to: &bytes)
        self.bytes = bytes
        words = Fill.countWords(text)
    }

    /// Whitespace-separated runs (the measure the length classes aim at).
    static func countWords(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 32 || byte == 10 || byte == 9
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words
    }

    /// `texts` encoded, in order.
    static func all(_ texts: [String]) -> [Fill] { texts.map(Fill.init) }
}

/// A text with slots, parsed once from `"Write a {lang} function that …"`: literal runs (escaped)
/// and slots. A brace that does not open a known slot name is kept as text (code has braces).
struct Template: Sendable {
    enum Piece: Sendable {
        case text([UInt8])
        case slot(Slot)
    }

    let pieces: [Piece]
    /// Words of the literal text plus one per slot (an estimate: a slot may fill several).
    let words: Int

    init(_ source: String) {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let slot = Slot(named: after[..<close]) {
                if !literal.isEmpty {
                    var bytes: [UInt8] = []
                    JSONEscape.append(literal, to: &bytes)
                    pieces.append(.text(bytes))
                }
                literal = ""
                pieces.append(.slot(slot))
                rest = after[after.index(after: close)...]
            } else {
                literal.append("{")
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty {
            var bytes: [UInt8] = []
            JSONEscape.append(literal, to: &bytes)
            pieces.append(.text(bytes))
        }
        self.pieces = pieces
        var plain = source
        for name in ["topic", "lang", "name", "n", "big", "year", "place", "thing", "food"] {
            plain = plain.replacingOccurrences(of: "{\(name)}", with: "x")
        }
        words = Fill.countWords(plain)
    }

    /// `sources` parsed, in order.
    static func all(_ sources: [String]) -> [Template] { sources.map(Template.init) }
}

/// JSON string escaping (RFC 8259): `"` and `\` escaped, line breaks and tabs as `\n`, `\r`,
/// `\t`, other control characters as `\u00XX`; everything else (UTF-8 included) as it is.
enum JSONEscape {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `text`'s UTF-8, escaped for the inside of a JSON string, to `buffer`.
    static func append(_ text: String, to buffer: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x22: buffer.append(0x5C); buffer.append(0x22)
            case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
            case 0x0D: buffer.append(0x5C); buffer.append(0x72)
            case 0x09: buffer.append(0x5C); buffer.append(0x74)
            case 0..<0x20:
                buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: buffer.append(byte)
            }
        }
    }
}
