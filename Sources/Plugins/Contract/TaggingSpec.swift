import LuaBridge

/// `tagging`: a function `(record) → tags`, or a table of named rules (each a function or a
/// table). The tagging pipeline that will call them is not built yet: the spec checks the shape.
public struct TaggingSpec: Sendable {
    public enum Rule: Sendable {
        case function(FunctionHook)
        case table(LuaValue)
    }
    /// The whole hook as a function, when it is one.
    public var function: FunctionHook?
    /// Named rules, when the hook is a table.
    public var rules: [String: Rule]
}

extension ContractReader {
    mutating func readTagging(_ value: LuaValue) -> TaggingSpec? {
        let path = ContractPath("tagging")
        if value.functionValue != nil { return hook(value, path).map { TaggingSpec(function: $0, rules: [:]) } }
        guard table(value, path, what: "a function(record) or a table of named rules") != nil else { return nil }
        var rules: [String: TaggingSpec.Rule] = [:]
        for (name, rule) in fields(value, path) {
            if rule.functionValue != nil {
                if let h = hook(rule, path + name) { rules[name] = .function(h) }
            } else if rule.isTable {
                rules[name] = .table(rule)
            } else {
                problem(path + name, "must be a function or a table, got \(Self.describe(rule))")
            }
        }
        return TaggingSpec(function: nil, rules: rules)
    }
}
