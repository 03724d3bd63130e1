import Builtins
import LuaBridge

/// How plugin tests compare and show Lua values: equality as a test author means it (numbers
/// by value, so `1 == 1.0`; tables by content, recursively), and a short Lua-like rendering
/// for failure messages (`{ "a", "b", size = 3 }`, keys in a stable order).
enum TestValue {
    /// Deep equality: numbers by value, strings by content, tables by keys and values.
    static func equal(_ a: LuaValue, _ b: LuaValue) -> Bool {
        switch (a, b) {
        case (.nil, .nil): return true
        case let (.bool(x), .bool(y)): return x == y
        case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
            if case let (.integer(x), .integer(y)) = (a, b) { return x == y }
            return a.doubleValue == b.doubleValue
        case (.string, .string), (.string, .bytes), (.bytes, .string), (.bytes, .bytes):
            return bytes(a) == bytes(b)
        case (.function(let x), .function(let y)): return x == y
        default:
            guard let x = a.tableEntries, let y = b.tableEntries, x.count == y.count else { return false }
            return x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        }
    }

    private static func bytes(_ v: LuaValue) -> [UInt8] {
        switch v {
        case .string(let s): Array(s.utf8)
        case .bytes(let b): b
        default: []
        }
    }

    /// A Lua-like rendering, cut at `limit` characters.
    static func render(_ value: LuaValue, limit: Int = 300) -> String {
        var out = ""
        write(value, into: &out, depth: 0, limit: limit)
        return out.count > limit ? String(out.prefix(limit - 1)) + "…" : out
    }

    private static func write(_ value: LuaValue, into out: inout String, depth: Int, limit: Int) {
        guard out.count <= limit else { return }
        switch value {
        case .nil: out += "nil"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += number(d)
        case .string(let s): out += quoted(s)
        case .bytes(let b): out += "<\(b.count) bytes, not UTF-8>"
        case .function: out += "<function>"
        case .array, .table:
            guard depth < 4 else { out += "{…}"; return }
            let entries = (value.tableEntries ?? [:]).sorted { $0.key < $1.key }
            if entries.isEmpty { out += "{}"; return }
            out += "{ "
            var next: Int64 = 1
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += ", " }
                if case .integer(next) = entry.key {
                    next += 1
                } else if case .string(let name) = entry.key, isIdentifier(name) {
                    out += "\(name) = "
                } else {
                    out += "[\(key(entry.key))] = "
                }
                write(entry.value, into: &out, depth: depth + 1, limit: limit)
                if out.count > limit { return }
            }
            out += " }"
        }
    }

    /// Floats as Lua prints them, to the precision that tells two values apart.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : d > 0 ? "math.huge" : "-math.huge" }
        if d == d.rounded(), abs(d) < 1e15 { return "\(Int64(d)).0" }
        return "\(d)"
    }

    private static func key(_ k: LuaKey) -> String {
        switch k {
        case .string(let s): quoted(s)
        case .number(let d): number(d)
        default: k.description
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.properties.generalCategory == .control { out += "\\\(scalar.value)" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
