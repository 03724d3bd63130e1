/// JSON read exactly, for user input: integers keep every digit, and every problem is a
/// ``JSONSyntaxError`` that says where (line and column) and what was expected.
///
/// Foundation's decoders read every number as a `Double` (an id of 20 digits comes back
/// rounded), report an out-of-range number, `NaN`, deep nesting and a stray comma alike as "not
/// valid JSON", and give no position. This reader follows RFC 8259 strictly and refuses what
/// JSON cannot say, each with its own message:
///
/// - numbers are kept as written (``ExactJSON/Number``); one whose value is beyond a `Double`'s
///   range (`1e400`) is refused; `NaN`, `Infinity` and other bare words are not JSON;
/// - nesting deeper than ``ExactJSON/maximumDepth`` (32) arrays and objects is refused before it
///   can exhaust the stack;
/// - a field name given twice in one object is refused (JSON leaves it undefined);
/// - text must be UTF-8; strings may not hold raw control characters or lone surrogates.
public indirect enum ExactJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Number)
    case string(String)
    case array([ExactJSON])
    /// The fields in the order written (names are unique).
    case object([Field])

    /// The deepest nesting of arrays and objects accepted (a top-level object is depth 1).
    public static let maximumDepth = 32

    /// One field of an object.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: ExactJSON

        public init(name: String, value: ExactJSON) {
            self.name = name
            self.value = value
        }
    }

    /// A number as written: its literal, its nearest `Double` (always finite), and its exact
    /// integer value when it is an integer literal that fits 64 bits.
    public struct Number: Sendable, Equatable, CustomStringConvertible {
        /// The literal exactly as written (`12`, `-0.5`, `1e23`).
        public let literal: String
        /// The nearest `Double`; finite (a literal beyond the range is refused when read).
        public let double: Double
        /// Whether the literal has no fraction and no exponent.
        public let isIntegerLiteral: Bool

        /// A number from a JSON number literal; nil when `literal` is not one or is out of range.
        public init?(literal: String) {
            let bytes = Array(literal.utf8)
            guard let (end, integer) = bytes.withUnsafeBufferPointer({ ExactJSON.scanNumber($0, from: 0) }),
                  end == bytes.count, let value = Double(literal), value.isFinite else { return nil }
            self.literal = literal
            self.double = value
            self.isIntegerLiteral = integer
        }

        /// The exact value when the literal is an integer that fits an `Int64`.
        public var int64: Int64? { isIntegerLiteral ? Int64(literal) : nil }

        /// The exact value as a `Double` when there is one: an integer literal within ±2^53 or any
        /// literal with a fraction or exponent (read as JSON numbers are, to the nearest double).
        /// nil for an integer literal a `Double` cannot hold exactly (`9007199254740993`).
        public var exactDouble: Double? {
            guard isIntegerLiteral else { return double }
            guard let integer = int64, integer.magnitude <= 1 << 53 else { return nil }
            return Double(integer)
        }

        /// The literal when it is an integer of at most 20 digits (shown as written), else the
        /// `Double`'s shortest form (`1e+23`, `1.5`).
        public var description: String {
            isIntegerLiteral && literal.utf8.count <= 20 ? literal : "\(double)"
        }
    }

    /// The value of field `name` of an object (nil when absent or when this is not an object).
    public subscript(name: String) -> ExactJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }

    /// "an object", "a string", …: what this value is, for messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as shown in a message: short JSON text, at most `limit` characters.
    public func excerpt(limit: Int = 40) -> String {
        let text: String
        switch self {
        case .null: text = "null"
        case .bool(let b): text = String(b)
        case .number(let n): text = n.description
        case .string(let s): text = "\"" + s + "\""
        case .array(let items): text = "[" + items.map { $0.excerpt(limit: limit) }.joined(separator: ", ") + "]"
        case .object(let fields): text = "{" + fields.map { "\"\($0.name)\": \($0.value.excerpt(limit: limit))" }.joined(separator: ", ") + "}"
        }
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    // MARK: Reading

    /// Reads one JSON text (a whole document: newlines are whitespace); a leading UTF-8 byte order
    /// mark is skipped.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> ExactJSON {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> ExactJSON in
            try parse(buffer, line: 1)
        }
    }

    /// Reads one JSON text from UTF-8 bytes; errors are placed on `line` (columns count
    /// characters from the start of `bytes`, or from its last newline for multi-line text).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(JSONSyntaxError) -> ExactJSON {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var parser = Parser(bytes: bytes, position: start, line: line)
        try parser.checkEncoding()
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw parser.error(at: parser.position, "expected nothing after the JSON value (one value per line), "
                               + "found \(parser.found(at: parser.position))")
        }
        return value
    }

    /// The value of a hexadecimal digit (as `\uXXXX` escapes write them), nil for any other byte.
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    /// Scans a number literal at `start`: the index after it and whether it is an integer
    /// literal, or nil when the bytes there are not a JSON number.
    static func scanNumber(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
        var i = start
        func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        if i < b.count, b[i] == 0x2D { i += 1 }
        guard digit(i) else { return nil }
        if b[i] == 0x30 { i += 1 } else { while digit(i) { i += 1 } }
        var integer = true
        if i < b.count, b[i] == 0x2E {
            i += 1
            guard digit(i) else { return nil }
            while digit(i) { i += 1 }
            integer = false
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digit(i) else { return nil }
            while digit(i) { i += 1 }
            integer = false
        }
        return (i, integer)
    }
}

/// Where and why a JSON text could not be read.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line (1-based) in the file, or 1 for a single text.
    public var line: Int
    /// The column (1-based), counting characters (Unicode scalars).
    public var column: Int
    /// What is wrong, with what was expected and what was found.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "3:17: expected ',' or '}' after a field, found 'x'".
    public var description: String { "\(line):\(column): \(message)" }
}

/// A JSON Lines text (one JSON value per line), split and read line by line.
///
/// Lines end with `\n`; a `\r` before it (Windows line endings) is dropped, and a UTF-8 byte
/// order mark at the start of the text is skipped. Lines holding only whitespace are skipped.
/// Each line is read on its own with ``ExactJSON``, so one bad line does not hide the others.
public struct JSONLines: Sendable {
    /// One non-blank line: its number (1-based, counting every line) and what it held.
    public struct Line: Sendable {
        public var number: Int
        public var value: Result<ExactJSON, JSONSyntaxError>
    }

    /// Every non-blank line, in order.
    public let lines: [Line]

    /// Reads `bytes` (UTF-8).
    public init(_ bytes: [UInt8]) {
        var lines: [Line] = []
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            if all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
            var number = 0
            while start < all.count {
                number += 1
                var end = start
                while end < all.count, all[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start, all[stop - 1] == 0x0D { stop -= 1 }
                let line = UnsafeBufferPointer(rebasing: all[start..<stop])
                if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                    do throws(JSONSyntaxError) {
                        lines.append(Line(number: number, value: .success(try ExactJSON.parse(line, line: number))))
                    } catch {
                        lines.append(Line(number: number, value: .failure(error)))
                    }
                }
                start = end + 1
            }
        }
        self.lines = lines
    }

    /// Reads a text.
    public init(_ text: String) {
        self.init(Array(text.utf8))
    }
}

/// The recursive-descent reader behind ``ExactJSON/parse(_:line:)``.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let line: Int

    /// Refuses text that is not UTF-8, naming the column of the first bad byte.
    func checkEncoding() throws(JSONSyntaxError) {
        var iterator = bytes[position...].makeIterator()
        var decoder = Unicode.UTF8()
        var offset = position
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return
            case .error:
                throw error(at: offset, "the text is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))")
            }
        }
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> ExactJSON {
        guard position < bytes.count else {
            throw error(at: position, "expected a JSON value (object, array, string, number, true, false or null), found the end of the line")
        }
        switch bytes[position] {
        case 0x7B: return try object(depth: depth + 1)
        case 0x5B: return try array(depth: depth + 1)
        case 0x22: return .string(try string())
        case 0x2D, 0x30...0x39: return .number(try number())
        default:
            let start = position
            let word = self.word(at: start)
            switch word {
            case "true": position += 4; return .bool(true)
            case "false": position += 5; return .bool(false)
            case "null": position += 4; return .null
            default:
                let lowered = word.lowercased()
                if ["nan", "infinity", "inf", "+infinity", "+inf"].contains(lowered) {
                    throw error(at: start, "\(word) is not JSON: JSON numbers are finite (there is no NaN or Infinity)")
                }
                throw error(at: start, "expected a JSON value (object, array, string, number, true, false or null), found \(found(at: start))")
            }
        }
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> ExactJSON {
        let open = position
        guard depth <= ExactJSON.maximumDepth else {
            throw error(at: open, "nesting deeper than \(ExactJSON.maximumDepth) levels of objects and arrays (the limit)")
        }
        position += 1
        var fields: [ExactJSON.Field] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == 0x7D { position += 1; return .object(fields) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == 0x22 else {
                let what = fields.isEmpty ? "a field name in double quotes or '}'" : "a field name in double quotes after ','"
                throw error(at: position, "expected \(what), found \(found(at: position))")
            }
            let nameStart = position
            let name = try string()
            if fields.contains(where: { $0.name == name }) {
                throw error(at: nameStart, "field \"\(name)\" appears twice in one object")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == 0x3A else {
                throw error(at: position, "expected ':' after the field name \"\(name)\", found \(found(at: position))")
            }
            position += 1
            skipWhitespace()
            fields.append(ExactJSON.Field(name: name, value: try value(depth: depth)))
            skipWhitespace()
            guard position < bytes.count else {
                throw error(at: position, "expected ',' or '}' after field \"\(name)\", found the end of the line (the object opened at column \(column(of: open)) is not closed)")
            }
            if bytes[position] == 0x2C { position += 1; continue }
            if bytes[position] == 0x7D { position += 1; return .object(fields) }
            throw error(at: position, "expected ',' or '}' after field \"\(name)\", found \(found(at: position))")
        }
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> ExactJSON {
        let open = position
        guard depth <= ExactJSON.maximumDepth else {
            throw error(at: open, "nesting deeper than \(ExactJSON.maximumDepth) levels of objects and arrays (the limit)")
        }
        position += 1
        var items: [ExactJSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == 0x5D { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            if position < bytes.count, bytes[position] == 0x5D {
                throw error(at: position, "expected a value after ',', found ']' (JSON allows no trailing comma)")
            }
            items.append(try value(depth: depth))
            skipWhitespace()
            guard position < bytes.count else {
                throw error(at: position, "expected ',' or ']' after an array element, found the end of the line (the array opened at column \(column(of: open)) is not closed)")
            }
            if bytes[position] == 0x2C { position += 1; continue }
            if bytes[position] == 0x5D { position += 1; return .array(items) }
            throw error(at: position, "expected ',' or ']' after an array element, found \(found(at: position))")
        }
    }

    mutating func number() throws(JSONSyntaxError) -> ExactJSON.Number {
        let start = position
        guard let (end, integer) = ExactJSON.scanNumber(bytes, from: start) else {
            // Find how far the malformed number goes, for the message.
            var end = start + 1
            while end < bytes.count, Self.isWordByte(bytes[end]) || bytes[end] == 0x2E || bytes[end] == 0x2B || bytes[end] == 0x2D { end += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if ["-infinity", "-inf", "-nan"].contains(text.lowercased()) {
                throw error(at: start, "\(text) is not JSON: JSON numbers are finite (there is no NaN or Infinity)")
            }
            throw error(at: start, "'\(text)' is not a JSON number (digits, with an optional '-', fraction and exponent; no leading zeros, '+' or bare '.')")
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw error(at: start, "number \(literal.count > 30 ? String(literal.prefix(30)) + "…" : literal) is out of range "
                        + "(JSON numbers here must be within ±1.8e308)")
        }
        position = end
        return ExactJSON.Number(checkedLiteral: literal, double: value, isIntegerLiteral: integer)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        let open = position
        position += 1
        var start = position
        var decoded: [UInt8]? = nil
        while true {
            guard position < bytes.count else {
                throw error(at: open, "the string starting here is not closed (a string must end with '\"' on its line)")
            }
            let byte = bytes[position]
            if byte == 0x22 {
                let tail = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if var decoded {
                    decoded.append(contentsOf: tail)
                    return String(decoding: decoded, as: UTF8.self)
                }
                return String(decoding: tail, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error(at: position, "a control character (U+\(hex4(UInt16(byte)))) cannot appear raw in a string; write it as an escape such as \\n or \\t")
            }
            if byte != 0x5C { position += 1; continue }
            var buffer = decoded ?? []
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            let escape = position
            position += 1
            guard position < bytes.count else { throw error(at: escape, "the string ends inside an escape sequence") }
            switch bytes[position] {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x2F: buffer.append(0x2F)
            case 0x62: buffer.append(0x08)
            case 0x66: buffer.append(0x0C)
            case 0x6E: buffer.append(0x0A)
            case 0x72: buffer.append(0x0D)
            case 0x74: buffer.append(0x09)
            case 0x75:
                var code = try hexQuad(escape: escape)
                if (0xD800...0xDBFF).contains(code) {
                    guard position + 2 < bytes.count, bytes[position + 1] == 0x5C, bytes[position + 2] == 0x75 else {
                        throw error(at: escape, "\\u\(hex4(UInt16(code))) is half of a surrogate pair without its second half")
                    }
                    position += 2
                    let low = try hexQuad(escape: position - 1)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error(at: escape, "\\u\(hex4(UInt16(code))) must be followed by a low surrogate (\\uDC00–\\uDFFF), found \\u\(hex4(UInt16(low)))")
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error(at: escape, "\\u\(hex4(UInt16(code))) is a lone low surrogate, not a character")
                }
                buffer.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
            default:
                throw error(at: escape, "invalid escape '\\\(found(at: position, quoted: false))' in a string (JSON escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
            position += 1
            start = position
            decoded = buffer
        }
    }

    /// Reads the 4 hex digits after `\u` (position is on the `u`); leaves position on the last digit.
    mutating func hexQuad(escape: Int) throws(JSONSyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            position += 1
            guard position < bytes.count, let digit = ExactJSON.hexValue(bytes[position]) else {
                throw error(at: escape, "\\u must be followed by 4 hexadecimal digits")
            }
            code = code << 4 | digit
        }
        return code
    }

    func hex4(_ value: UInt16) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
    }

    /// The run of letters, digits, `_` and `+` at `i` (how bare words are shown).
    func word(at i: Int) -> String {
        var end = i
        while end < bytes.count, Self.isWordByte(bytes[end]) || (end == i && bytes[end] == 0x2B) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
    }

    /// What is at `i`, for "found …": `'x'`, a word, or the end of the line.
    func found(at i: Int, quoted: Bool = true) -> String {
        guard i < bytes.count else { return "the end of the line" }
        var text = word(at: i)
        if text.isEmpty {
            var end = i + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        }
        if text.count > 20 { text = String(text.prefix(20)) + "…" }
        return quoted ? "'\(text)'" : text
    }

    /// The 1-based character column of byte `offset` (counting from the last newline before it).
    func column(of offset: Int) -> Int {
        var column = 1
        var i = 0
        while i < min(offset, bytes.count) {
            if bytes[i] == 0x0A { column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    func error(at offset: Int, _ message: String) -> JSONSyntaxError {
        var line = self.line
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1 }
        return JSONSyntaxError(line: line, column: column(of: offset), message: message)
    }
}

extension ExactJSON.Number {
    /// A number the parser has already scanned and converted.
    fileprivate init(checkedLiteral: String, double: Double, isIntegerLiteral: Bool) {
        self.literal = checkedLiteral
        self.double = double
        self.isIntegerLiteral = isIntegerLiteral
    }
}

// MARK: - As a JSONValue

/// A number a ``JSONValue`` (whose numbers are `Double`s) cannot hold exactly.
public struct InexactNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where it is (`value.ingredients[2]`).
    public var path: String
    /// The number as written.
    public var literal: String

    public var description: String {
        "\"\(path)\": the integer \(literal) cannot be kept exactly (integers in it must be within ±9007199254740992, 2^53)"
    }
}

extension ExactJSON {
    /// The value as a ``JSONValue``, whose numbers are `Double`s. An integer literal a `Double`
    /// cannot hold exactly (beyond ±2^53) is refused rather than rounded; `path` names the value
    /// in the error (`value`, then `value.ingredients[2]`).
    public func jsonValue(path: String) throws(InexactNumberError) -> JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n):
            guard let exact = n.exactDouble else { throw InexactNumberError(path: path, literal: n.literal) }
            return .number(exact)
        case .string(let s): return .string(s)
        case .array(let items):
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { out.append(try item.jsonValue(path: "\(path)[\(i + 1)]")) }
            return .array(out)
        case .object(let fields):
            var out: [String: JSONValue] = [:]
            for field in fields { out[field.name] = try field.value.jsonValue(path: "\(path).\(field.name)") }
            return .object(out)
        }
    }
}
