/// Typed reading of values returned by plugins, so validation code reads as English.
extension LuaValue {
    /// The value as a Double when it is a number of either subtype.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// The value as an integer when it is an integer, or a float with an exact integer value.
    public var intValue: Int64? {
        switch self {
        case .integer(let i): i
        case .number(let d) where d.rounded() == d && abs(d) < 9.2e18: Int64(d)
        default: nil
        }
    }

    /// The value as a string when it is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as a Bool when it is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The function reference when the value is a function.
    public var functionValue: LuaFunctionRef? {
        if case .function(let f) = self { return f }
        return nil
    }

    /// Whether the value is a table of either shape.
    public var isTable: Bool {
        switch self {
        case .array, .table: true
        default: false
        }
    }

    /// The elements of an array-shaped table (an empty table counts as an empty array).
    public var arrayValue: [LuaValue]? {
        switch self {
        case .array(let a): a
        case .table(let t) where t.isEmpty: []
        default: nil
        }
    }

    /// The entries of a table of either shape, keyed as Lua keys them.
    public var tableEntries: [LuaKey: LuaValue]? {
        switch self {
        case .table(let t): t
        case .array(let a):
            Dictionary(uniqueKeysWithValues: a.enumerated().map { (LuaKey.integer(Int64($0.offset + 1)), $0.element) })
        default: nil
        }
    }

    /// The entries of a table with string keys, in key order (non-string keys are left out).
    public var fields: [(name: String, value: LuaValue)] {
        guard let entries = tableEntries else { return [] }
        return entries.compactMap { key, value in
            if case .string(let s) = key { return (s, value) }
            return nil
        }.sorted { $0.name < $1.name }
    }

    /// The value at string key `name`, or `.nil`.
    public subscript(name: String) -> LuaValue {
        if case .table(let t) = self { return t[.string(name)] ?? .nil }
        return .nil
    }
}
