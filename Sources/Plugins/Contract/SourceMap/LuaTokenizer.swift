/// A Lua 5.4 tokenizer that keeps line numbers: enough of the lexer to find where each table
/// constructor and each of its fields is written, for error messages that point at the line.
///
/// It follows llex.c for what matters here (long brackets, comments, escapes, `\z`, the four
/// newline forms) and never fails: anything it does not understand becomes a one-byte symbol.
struct LuaTokenizer {
    /// One token and the line it starts on.
    struct Token: Equatable {
        enum Kind: Equatable {
            case name(String)
            case string(String)
            case number(String)
            /// Punctuation and operators (`{`, `=`, `==`, `..`, …).
            case symbol(String)
        }
        var kind: Kind
        var line: Int
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every token of `bytes`.
    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokenizer = LuaTokenizer(bytes)
        var out: [Token] = []
        // A first line starting with '#' (a shebang) is skipped, as lua.c's loader does.
        if bytes.first == UInt8(ascii: "#") {
            while tokenizer.index < bytes.count, !tokenizer.isNewline(bytes[tokenizer.index]) { tokenizer.index += 1 }
        }
        while let token = tokenizer.next() { out.append(token) }
        return out
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func isNewline(_ b: UInt8) -> Bool { b == 10 || b == 13 }

    /// Consumes one newline (`\n`, `\r`, `\n\r` or `\r\n`) and counts it.
    private mutating func newline() {
        let first = bytes[index]
        index += 1
        if let second = peek(), isNewline(second), second != first { index += 1 }
        line += 1
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    mutating func next() -> Token? {
        while let b = peek() {
            if isNewline(b) { newline(); continue }
            if b == 32 || b == 9 || b == 11 || b == 12 { index += 1; continue }
            if b == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                index += 2
                if let level = longBracketLevel() {
                    _ = longBracket(level: level)
                } else {
                    while let c = peek(), !isNewline(c) { index += 1 }
                }
                continue
            }
            let start = line
            if Self.isNameStart(b) {
                let begin = index
                while let c = peek(), Self.isNameStart(c) || Self.isDigit(c) { index += 1 }
                return Token(kind: .name(String(decoding: bytes[begin..<index], as: UTF8.self)), line: start)
            }
            if Self.isDigit(b) || (b == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true) {
                return Token(kind: .number(number()), line: start)
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                return Token(kind: .string(quoted(b)), line: start)
            }
            if b == UInt8(ascii: "["), let level = longBracketLevel() {
                return Token(kind: .string(longBracket(level: level)), line: start)
            }
            return Token(kind: .symbol(symbol()), line: start)
        }
        return nil
    }

    /// At `[` followed by `=`* and `[`: the number of `=`, without consuming anything.
    private func longBracketLevel() -> Int? {
        guard peek() == UInt8(ascii: "[") else { return nil }
        var level = 0
        while peek(1 + level) == UInt8(ascii: "=") { level += 1 }
        return peek(1 + level) == UInt8(ascii: "[") ? level : nil
    }

    /// Reads `[==[ … ]==]` and returns its contents (a first newline is skipped, as Lua does).
    private mutating func longBracket(level: Int) -> String {
        index += level + 2
        if let b = peek(), isNewline(b) { newline() }
        var content: [UInt8] = []
        while let b = peek() {
            if b == UInt8(ascii: "]") {
                var closing = 0
                while peek(1 + closing) == UInt8(ascii: "=") { closing += 1 }
                if closing == level, peek(1 + closing) == UInt8(ascii: "]") {
                    index += level + 2
                    return String(decoding: content, as: UTF8.self)
                }
            }
            if isNewline(b) {
                newline()
                content.append(10)
                continue
            }
            content.append(b)
            index += 1
        }
        return String(decoding: content, as: UTF8.self)
    }

    /// Reads a quoted string; escapes are decoded well enough to compare literal values.
    private mutating func quoted(_ quote: UInt8) -> String {
        index += 1
        var content: [UInt8] = []
        while let b = peek() {
            if b == quote { index += 1; break }
            if isNewline(b) { break }  // unfinished string: Lua reports it; we stop here
            if b == UInt8(ascii: "\\"), let e = peek(1) {
                index += 2
                switch e {
                case UInt8(ascii: "n"): content.append(10)
                case UInt8(ascii: "t"): content.append(9)
                case UInt8(ascii: "r"): content.append(13)
                case UInt8(ascii: "a"): content.append(7)
                case UInt8(ascii: "b"): content.append(8)
                case UInt8(ascii: "f"): content.append(12)
                case UInt8(ascii: "v"): content.append(11)
                case 10, 13:
                    index -= 1
                    newline()
                    content.append(10)
                case UInt8(ascii: "z"):
                    while let c = peek(), c == 32 || c == 9 || isNewline(c) {
                        if isNewline(c) { newline() } else { index += 1 }
                    }
                case UInt8(ascii: "x"):
                    var value: UInt8 = 0
                    for _ in 0..<2 {
                        guard let h = peek(), let d = Self.hexValue(h) else { break }
                        value = value &* 16 &+ d
                        index += 1
                    }
                    content.append(value)
                case UInt8(ascii: "u"):
                    // \u{XXX}: keep the text as written; only equality with other literals matters.
                    content.append(contentsOf: Array("\\u".utf8))
                default:
                    if Self.isDigit(e) {
                        var value = Int(e - 48)
                        for _ in 0..<2 {
                            guard let d = peek(), Self.isDigit(d) else { break }
                            value = value * 10 + Int(d - 48)
                            index += 1
                        }
                        content.append(UInt8(truncatingIfNeeded: value))
                    } else {
                        content.append(e)
                    }
                }
                continue
            }
            content.append(b)
            index += 1
        }
        return String(decoding: content, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }

    /// Reads a numeral as llex.c's read_numeral does (digits, '.', exponents with signs, hex).
    private mutating func number() -> String {
        let begin = index
        var exponent: (UInt8, UInt8) = (UInt8(ascii: "e"), UInt8(ascii: "E"))
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            index += 2
            exponent = (UInt8(ascii: "p"), UInt8(ascii: "P"))
        }
        while let b = peek() {
            if b == exponent.0 || b == exponent.1 {
                index += 1
                if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
            } else if Self.isDigit(b) || Self.hexValue(b) != nil || b == UInt8(ascii: ".") || Self.isNameStart(b) {
                index += 1
            } else {
                break
            }
        }
        return String(decoding: bytes[begin..<index], as: UTF8.self)
    }

    private static let multiByteSymbols = ["...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>"]

    private mutating func symbol() -> String {
        for candidate in Self.multiByteSymbols {
            let utf8 = Array(candidate.utf8)
            if index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 {
                index += utf8.count
                return candidate
            }
        }
        defer { index += 1 }
        return String(decoding: [bytes[index]], as: UTF8.self)
    }
}
