/// A Lua value as Swift sees it: what crosses the bridge in both directions.
///
/// Tables whose keys are exactly `1...n` come back as `.array`; any other table as
/// `.table`. Integers and floats stay distinct, as they are in Lua 5.4. Strings are Swift
/// strings (they may hold NUL); byte strings that are not valid UTF-8 come back as `.bytes`.
/// Functions come back as a `LuaFunctionRef` tied to the runtime that produced them.
public enum LuaValue: Sendable, Hashable {
    case `nil`
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case bytes([UInt8])
    case array([LuaValue])
    case table([LuaKey: LuaValue])
    case function(LuaFunctionRef)

    /// The Lua type name (`"number"`, `"table"`…), as `type()` would say it.
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .bool: "boolean"
        case .integer, .number: "number"
        case .string, .bytes: "string"
        case .array, .table: "table"
        case .function: "function"
        }
    }
}

/// A key of a Lua table. Float keys with an integral value are normalised to integers, as Lua does.
public enum LuaKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    case integer(Int64)
    case string(String)
    case number(Double)
    case bool(Bool)

    /// Keys order integers first (numerically), then numbers, strings, booleans: a stable order for output.
    public static func < (lhs: LuaKey, rhs: LuaKey) -> Bool {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): a < b
        case let (.number(a), .number(b)): a < b
        case let (.string(a), .string(b)): a < b
        case let (.bool(a), .bool(b)): !a && b
        default: lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .integer: 0
        case .number: 1
        case .string: 2
        case .bool: 3
        }
    }

    public var description: String {
        switch self {
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .string(let s): s
        case .bool(let b): String(b)
        }
    }

    /// This key as a value.
    public var value: LuaValue {
        switch self {
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        }
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: LuaValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self = .table(Dictionary(elements.map { (LuaKey.string($0.0), $0.1) }, uniquingKeysWith: { $1 }))
    }
}
