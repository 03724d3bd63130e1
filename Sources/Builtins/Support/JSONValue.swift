/// A JSON value: how plugin-provided data (persona traits) is stored and printed.
public indirect enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Each JSON kind is tried in turn (a failed try only means "not this kind"); the last one
        // throws, so a value that is none of them is still an error.
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let d = try? container.decode(Double.self) { self = .number(d) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// A short human rendering: `Safety-First`, `privacy_pref, price_sensitivity`, `a: 1`.
    public var text: String {
        switch self {
        case .null: "—"
        case .bool(let b): String(b)
        case .number(let d): d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(format2: d)
        case .string(let s): s
        case .array(let a): a.map(\.text).joined(separator: ", ")
        case .object(let o): o.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.text)" }.joined(separator: "; ")
        }
    }
}
