import Builtins

/// Converting between the values plugins return and the JSON the host stores and prints.
extension JSONValue {
    /// Converts a Lua value; functions become their description, non-string keys their text.
    public init(_ value: LuaValue) {
        switch value {
        case .nil: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .number(Double(i))
        case .number(let d): self = d.isFinite ? .number(d) : .null
        case .string(let s): self = .string(s)
        case .bytes(let b): self = .string(String(decoding: b, as: UTF8.self))
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .table(let entries):
            self = .object(Dictionary(entries.map { ($0.key.description, JSONValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case .function: self = .string("<function>")
        }
    }

    /// Back to Lua: objects become keyed tables, whole numbers below 9·10^15 integers (JSON has
    /// one number type; `4` reads as the integer 4, as a plugin author expects).
    public var luaValue: LuaValue {
        switch self {
        case .null: .nil
        case .bool(let b): .bool(b)
        case .number(let d): d == d.rounded() && abs(d) < 9e15 ? .integer(Int64(d)) : .number(d)
        case .string(let s): .string(s)
        case .array(let a): .array(a.map(\.luaValue))
        case .object(let o): .table(Dictionary(uniqueKeysWithValues: o.map { (LuaKey.string($0.key), $0.value.luaValue) }))
        }
    }
}
