/// Scans one JSONL line as a JSON object, checking it strictly (RFC 8259, as ``ExactJSON``
/// does) without building the values the pipeline does not read: those are recorded as byte
/// ranges and copied to the output untouched.
///
/// A line that is not valid JSON is read a second time by ``ExactJSON`` for its detailed
/// message and column, so the fast path never has to be the one that explains.
public struct ExampleScanner: Sendable {
    /// String fields to decode (`instruction`, `output`, the source field, …), in the order of
    /// ``ExampleLine/values``.
    public var wanted: [String]
    /// Whether to decode `_traits` (a list of strings).
    public var wantsTraits: Bool

    public init(wanted: [String], wantsTraits: Bool = false) {
        var unique: [String] = []
        for name in wanted where !unique.contains(name) { unique.append(name) }
        self.wanted = unique
        self.wantsTraits = wantsTraits
    }

    /// Scans `line` (without its newline).
    public func scan(_ line: UnsafeBufferPointer<UInt8>) throws(LineProblem) -> ExampleLine {
        var cursor = Cursor(bytes: line)
        do {
            if cursor.hasNonASCII && String(validating: line, as: UTF8.self) == nil {
                throw Cursor.Failure()
            }
            return try cursor.object(wanted: wanted, wantsTraits: wantsTraits)
        } catch {
            throw Self.explain(line, fallback: cursor.failureMessage)
        }
    }

    /// The detailed problem for a line the fast scan refused.
    static func explain(_ line: UnsafeBufferPointer<UInt8>, fallback: String?) -> LineProblem {
        do {
            let value = try ExactJSON.parse(line, line: 1)
            if case .object = value {} else {
                return LineProblem(column: 1, message: "expected a JSON object ({ … }) per line, found \(value.kindName)")
            }
        } catch {
            return LineProblem(column: error.column, message: error.message)
        }
        return LineProblem(message: fallback ?? "not a JSON object")
    }

    /// A position in the line and the readers of JSON's parts.
    struct Cursor {
        struct Failure: Error {}
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var failureMessage: String?

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var hasNonASCII: Bool {
            var any: UInt8 = 0
            for b in bytes { any |= b }
            return any & 0x80 != 0
        }

        @inline(__always) mutating func skipWhitespace() {
            while position < bytes.count {
                let b = bytes[position]
                guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
                position += 1
            }
        }

        @inline(__always) func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func fail(_ message: String? = nil) -> Failure {
            failureMessage = message
            return Failure()
        }

        mutating func object(wanted: [String], wantsTraits: Bool) throws(Failure) -> ExampleLine {
            var line = ExampleLine(names: wanted)
            if position == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
            skipWhitespace()
            guard peek() == 0x7B else { throw fail() }
            position += 1
            skipWhitespace()
            if peek() == 0x7D {
                position += 1
            } else {
                while true {
                    skipWhitespace()
                    let start = position
                    guard peek() == 0x22 else { throw fail() }
                    let name = try string()
                    if line.fields.contains(where: { $0.name == name }) { throw fail() }
                    skipWhitespace()
                    guard peek() == 0x3A else { throw fail() }
                    position += 1
                    skipWhitespace()
                    let valueStart = position
                    let kind: String
                    if peek() == 0x22, let slot = wanted.firstIndex(of: name) {
                        line.values[slot] = try string()
                        kind = "a string"
                    } else if wantsTraits && name == "_traits" && peek() == 0x5B {
                        line.traits = try stringList()
                        kind = line.traits == nil ? "an array" : "a list of strings"
                    } else {
                        kind = try skipValue(depth: 1)
                    }
                    line.fields.append(.init(name: name, range: start..<position, valueRange: valueStart..<position, kind: kind))
                    skipWhitespace()
                    guard let b = peek() else { throw fail() }
                    position += 1
                    if b == 0x2C { continue }
                    if b == 0x7D { break }
                    throw fail()
                }
            }
            skipWhitespace()
            guard position == bytes.count else { throw fail() }
            return line
        }

        /// A list of strings; nil (the value skipped) when it holds anything else.
        mutating func stringList() throws(Failure) -> [String]? {
            let start = position
            position += 1
            var items: [String] = []
            skipWhitespace()
            if peek() == 0x5D { position += 1; return items }
            while true {
                skipWhitespace()
                guard peek() == 0x22 else {
                    position = start
                    _ = try skipValue(depth: 1)
                    return nil
                }
                items.append(try string())
                skipWhitespace()
                guard let b = peek() else { throw fail() }
                position += 1
                if b == 0x2C { continue }
                if b == 0x5D { return items }
                throw fail()
            }
        }

        /// Skips one value, checking it; returns what it is.
        mutating func skipValue(depth: Int) throws(Failure) -> String {
            guard let b = peek() else { throw fail() }
            switch b {
            case 0x22:
                try skipString()
                return "a string"
            case 0x7B, 0x5B:
                guard depth < ExactJSON.maximumDepth else { throw fail() }
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                position += 1
                skipWhitespace()
                if peek() == close { position += 1; return b == 0x7B ? "an object" : "an array" }
                while true {
                    skipWhitespace()
                    if b == 0x7B {
                        guard peek() == 0x22 else { throw fail() }
                        try skipString()
                        skipWhitespace()
                        guard peek() == 0x3A else { throw fail() }
                        position += 1
                        skipWhitespace()
                    }
                    _ = try skipValue(depth: depth + 1)
                    skipWhitespace()
                    guard let next = peek() else { throw fail() }
                    position += 1
                    if next == 0x2C { continue }
                    if next == close { return b == 0x7B ? "an object" : "an array" }
                    throw fail()
                }
            case 0x74: try literal("true"); return "a boolean"
            case 0x66: try literal("false"); return "a boolean"
            case 0x6E: try literal("null"); return "null"
            default:
                guard let (end, _) = ExactJSON.scanNumber(bytes, from: position) else { throw fail() }
                // A literal beyond a Double's range is refused, as ExactJSON refuses it.
                if end - position > 15 || bytes[position..<end].contains(where: { $0 | 0x20 == 0x65 }) {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
                    guard let value = Double(text), value.isFinite else { throw fail() }
                }
                position = end
                return "a number"
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw fail() }
            for i in 0..<count where bytes[position + i] != word.utf8Start[i] { throw fail() }
            position += count
        }

        /// Skips a string, checking its escapes and that it holds no raw control character.
        mutating func skipString() throws(Failure) {
            position += 1
            while position < bytes.count {
                let b = bytes[position]
                if b == 0x22 { position += 1; return }
                if b < 0x20 { throw fail() }
                if b == 0x5C {
                    position += 1
                    guard position < bytes.count else { throw fail() }
                    switch bytes[position] {
                    case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: position += 1
                    case 0x75: _ = try hexQuad()
                    default: throw fail()
                    }
                    continue
                }
                position += 1
            }
            throw fail()
        }

        /// Reads a string, decoding escapes.
        mutating func string() throws(Failure) -> String {
            position += 1
            let start = position
            // Fast path: no escape before the closing quote.
            while position < bytes.count {
                let b = bytes[position]
                if b == 0x22 {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return text
                }
                if b == 0x5C { break }
                if b < 0x20 { throw fail() }
                position += 1
            }
            var decoded = Array(bytes[start..<position])
            while position < bytes.count {
                let b = bytes[position]
                if b == 0x22 { position += 1; return String(decoding: decoded, as: UTF8.self) }
                if b < 0x20 { throw fail() }
                guard b == 0x5C else { decoded.append(b); position += 1; continue }
                position += 1
                guard position < bytes.count else { throw fail() }
                switch bytes[position] {
                case 0x22: decoded.append(0x22)
                case 0x5C: decoded.append(0x5C)
                case 0x2F: decoded.append(0x2F)
                case 0x62: decoded.append(0x08)
                case 0x66: decoded.append(0x0C)
                case 0x6E: decoded.append(0x0A)
                case 0x72: decoded.append(0x0D)
                case 0x74: decoded.append(0x09)
                case 0x75:
                    var code = try hexQuad()
                    if (0xD800...0xDBFF).contains(code) {
                        guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else { throw fail() }
                        position += 1
                        let low = try hexQuad()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail() }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw fail()
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail() }
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                    continue
                default: throw fail()
                }
                position += 1
            }
            throw fail()
        }

        /// Reads `uXXXX` (position on the `u`); leaves position after the digits.
        mutating func hexQuad() throws(Failure) -> UInt32 {
            var code: UInt32 = 0
            for i in 1...4 {
                guard position + i < bytes.count, let digit = ExactJSON.hexValue(bytes[position + i]) else { throw fail() }
                code = code << 4 | digit
            }
            position += 5
            return code
        }
    }
}
