import Foundation

/// The JSON text of what learning stores per version: trait values and the learner's states.
///
/// An import writes one version per feedback (100,000 for a 100,000-line file), so these are
/// written directly rather than through `JSONEncoder` (about ten times slower). The text is
/// valid JSON with sorted keys and shortest round-trip numbers, so `JSONDecoder` reads back
/// exactly the same `Double`s.
public enum LearningJSON {
    /// `{"formality":0.6,"verbosity":0.5}`.
    public static func traits(_ traits: [String: Double]) throws(LearningJSONError) -> String {
        var out = "{"
        for (i, name) in traits.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            string(name, into: &out)
            out += ":"
            try number(traits[name]!, field: name, into: &out)
        }
        return out + "}"
    }

    /// `{"formality":{"ema":-0.16,"value":0.6,"windowChange":0.02,"windowStart":1767225600}}`:
    /// the keys `TraitState`'s `Codable` conformance reads (`windowStart` absent when nil).
    public static func states(_ states: [String: TraitState]) throws(LearningJSONError) -> JSONDocument {
        var encoder = StatesEncoder()
        return try encoder.encode(states)
    }

    /// Encodes learner states again and again, reusing the text of every trait whose state did
    /// not change since the last call (one feedback usually moves one or two traits of many).
    public struct StatesEncoder: Sendable {
        private var fragments: [String: (state: TraitState, text: String)] = [:]

        public init() {}

        public mutating func encode(_ states: [String: TraitState]) throws(LearningJSONError) -> JSONDocument {
            var out = "{"
            for (i, name) in states.keys.sorted().enumerated() {
                let s = states[name]!
                if i > 0 { out += "," }
                if let cached = fragments[name], cached.state == s {
                    out += cached.text
                    continue
                }
                var fragment = ""
                string(name, into: &fragment)
                fragment += ":{\"ema\":"
                try number(s.ema, field: "\(name).ema", into: &fragment)
                fragment += ",\"value\":"
                try number(s.value, field: "\(name).value", into: &fragment)
                fragment += ",\"windowChange\":"
                try number(s.windowChange, field: "\(name).windowChange", into: &fragment)
                if let start = s.windowStart {
                    fragment += ",\"windowStart\":"
                    try number(start, field: "\(name).windowStart", into: &fragment)
                }
                fragment += "}"
                fragments[name] = (s, fragment)
                out += fragment
            }
            return JSONDocument(trusted: out + "}")
        }
    }

    /// The canonical JSON text of a feedback value or an interaction context (sorted keys, `/`
    /// unescaped): what fingerprints are computed from, so it stays byte-for-byte what earlier
    /// versions stored. Plain strings take a fast path that gives the same text.
    /// - Throws: when the value holds a number JSON cannot hold (NaN, infinite).
    public static func canonical(_ value: JSONValue, field: String = "value") throws(LearningJSONError) -> JSONDocument {
        if case .string(let text) = value, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            return JSONDocument(trusted: "\"" + text + "\"")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return JSONDocument(trusted: String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw LearningJSONError(field: field, problem: "cannot be written as JSON (\(error))")
        }
    }

    static func number(_ value: Double, field: String, into out: inout String) throws(LearningJSONError) {
        guard value.isFinite else { throw LearningJSONError(field: field, problem: "is \(value), which JSON cannot hold") }
        // Whole numbers as integers (`0`, `1767225600`), as JSONEncoder writes them.
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            out += String(Int64(value))
        } else {
            out += value.description
        }
    }

    /// A JSON string literal: `"`, `\` and control characters escaped.
    static func string(_ text: String, into out: inout String) {
        out += "\""
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// A value JSON cannot hold (a NaN or infinite number) in a trait, a learner state or a feedback value.
public struct LearningJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where it is: the trait (`formality.ema`) or the field (`value`).
    public var field: String
    /// What is wrong.
    public var problem: String

    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(field) \(problem)" }
}
