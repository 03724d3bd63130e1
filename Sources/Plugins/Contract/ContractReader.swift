import Builtins
import LuaBridge

/// Reads a plugin's manifest into typed values, collecting every problem instead of stopping
/// at the first, each naming its path (`features.score must be a function, got number 5`).
///
/// Every shape, type and range a spec needs is checked through these few readers, so messages
/// read alike across hooks and a plugin author can fix everything in one pass.
struct ContractReader {
    private(set) var problems: [ContractProblem] = []
    /// Where function-valued fields are defined (their `linedefined`), filled by `function(_:_:)`.
    private(set) var functionLocations: [ContractPath: SourceLocation] = [:]
    let runtime: LuaRuntime

    init(runtime: LuaRuntime) { self.runtime = runtime }

    /// Records a problem; `message` follows the path (`"must be a table, got number 3"`).
    mutating func problem(_ path: ContractPath, _ message: String) {
        let text = path.components.isEmpty ? message : "\(path) \(message)"
        problems.append(ContractProblem(path: path, message: text))
    }

    /// Records a problem whose message names what it needs itself, optionally where it is.
    mutating func problem(at path: ContractPath, message: String, location: SourceLocation? = nil) {
        problems.append(ContractProblem(path: path, message: message, location: location))
    }

    /// A function-valued hook: the function and where it is defined.
    mutating func hook(_ value: LuaValue, _ path: ContractPath) -> FunctionHook? {
        guard let f = function(value, path) else { return nil }
        return FunctionHook(name: path.description, function: f, location: functionLocations[path])
    }

    /// How a wrong value is shown in a message.
    static func describe(_ value: LuaValue) -> String {
        switch value {
        case .nil: "nothing (nil)"
        case .integer(let i): "number \(i)"
        case .number(let d): "number \(d.formatted2)"
        case .string(let s): "string \"\(s.prefix(40))\(s.count > 40 ? "…" : "")\""
        case .bytes: "a string that is not UTF-8 text"
        default: value.typeName
        }
    }

    // MARK: Scalars

    mutating func string(_ value: LuaValue, _ path: ContractPath, maxLength: Int = 1_000) -> String? {
        guard let s = value.stringValue else {
            problem(path, "must be a string, got \(Self.describe(value))")
            return nil
        }
        guard s.count <= maxLength else {
            problem(path, "must be at most \(maxLength) characters, got \(s.count)")
            return nil
        }
        return s
    }

    mutating func optionalString(_ value: LuaValue, _ path: ContractPath, maxLength: Int = 1_000) -> String?? {
        value == .nil ? .some(nil) : string(value, path, maxLength: maxLength).map { .some($0) }
    }

    mutating func number(_ value: LuaValue, _ path: ContractPath, in range: ClosedRange<Double>? = nil, what: String = "a number") -> Double? {
        guard let d = value.doubleValue, d.isFinite else {
            problem(path, "must be \(what), got \(Self.describe(value))")
            return nil
        }
        if let range, !range.contains(d) {
            problem(path, "must be from \(range.lowerBound.formatted2) to \(range.upperBound.formatted2), got \(d.formatted2)")
            return nil
        }
        return d
    }

    mutating func integer(_ value: LuaValue, _ path: ContractPath, in range: ClosedRange<Int64>? = nil) -> Int64? {
        guard let i = value.intValue else {
            problem(path, "must be a whole number, got \(Self.describe(value))")
            return nil
        }
        if let range, !range.contains(i) {
            problem(path, "must be from \(range.lowerBound) to \(range.upperBound), got \(i)")
            return nil
        }
        return i
    }

    mutating func bool(_ value: LuaValue, _ path: ContractPath) -> Bool? {
        guard let b = value.boolValue else {
            problem(path, "must be true or false, got \(Self.describe(value))")
            return nil
        }
        return b
    }

    /// A function, remembered with where it is defined.
    mutating func function(_ value: LuaValue, _ path: ContractPath) -> LuaFunctionRef? {
        guard let f = value.functionValue else {
            problem(path, "must be a function, got \(Self.describe(value))")
            return nil
        }
        if let location = runtime.location(of: f) {
            functionLocations[path] = SourceLocation(file: location.file, line: location.line)
        }
        return f
    }

    // MARK: Tables

    /// A table of either shape.
    mutating func table(_ value: LuaValue, _ path: ContractPath, what: String = "a table") -> LuaValue? {
        guard value.isTable else {
            problem(path, "must be \(what), got \(Self.describe(value))")
            return nil
        }
        return value
    }

    /// A list (an empty table counts as an empty list).
    mutating func list(_ value: LuaValue, _ path: ContractPath, what: String = "a list") -> [LuaValue]? {
        guard let items = value.arrayValue else {
            problem(path, "must be \(what), got \(value.isTable ? "a table with named fields" : Self.describe(value))")
            return nil
        }
        return items
    }

    mutating func strings(_ value: LuaValue, _ path: ContractPath, allowEmpty: Bool = true, maxLength: Int = 200) -> [String]? {
        guard let items = list(value, path, what: "a list of strings") else { return nil }
        if !allowEmpty && items.isEmpty {
            problem(path, "must not be empty")
            return nil
        }
        var out: [String] = []
        var ok = true
        for (i, item) in items.enumerated() {
            if let s = string(item, path.appending(index: i + 1), maxLength: maxLength) { out.append(s) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// The named fields of a table, in name order; other keys are a problem.
    mutating func fields(_ value: LuaValue, _ path: ContractPath) -> [(name: String, value: LuaValue)] {
        guard let entries = value.tableEntries else { return [] }
        for key in entries.keys {
            if case .string = key { continue }
            problem(path, "must have named fields only, found key \(key)")
        }
        return value.fields
    }

    /// Reports every field of `value` that `shape` (from `ContractSchema`) does not name, with a
    /// "did you mean": the schema is the one list of known fields, shared with the editor types.
    mutating func onlyKnownFields(_ value: LuaValue, _ path: ContractPath, shape: TableShape) {
        let allowed = shape.fieldNames
        for (name, _) in value.fields where !allowed.contains(name) {
            let at = path.appending(name)
            problem(at: at, message: "\(at) is not a known field\(Suggestion.phrase(for: name, among: allowed)) (known: \(allowed.joined(separator: ", ")))")
        }
    }
}

extension LuaValue {
    /// How this value is shown in a message about a wrong result (`number 5`, `nothing (nil)`).
    public var shownInMessage: String { ContractReader.describe(self) }
}
