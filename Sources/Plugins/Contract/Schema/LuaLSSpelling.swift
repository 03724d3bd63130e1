/// How schema types, names and docs are spelt in LuaLS annotations (`persona.Cluster`,
/// `table<string, number>`, `"kmeans"|"ward"|"gmm"`, `fun(goal: persona.Goal): persona.Condition[]`).
enum LuaLSSpelling {
    /// The prefix of every class and alias the definitions declare.
    static let namespace = "persona"

    /// The LuaLS name of a class or alias.
    static func className(_ name: String) -> String { "\(namespace).\(name)" }

    /// The class of a users-table row (`u`).
    static let rowClass = className("User")

    /// `type` as a LuaLS type expression.
    static func type(_ type: SchemaType) -> String {
        switch type {
        case .string: "string"
        case .number: "number"
        case .integer: "integer"
        case .boolean: "boolean"
        case .any: "any"
        case .table: "table"
        case .literals(let values): values.map(quoted).joined(separator: "|")
        case .shape(let shape): className(shape.name)
        case .list(let element): "\(grouped(element))[]"
        case .map(let value): "table<string, \(self.type(value))>"
        case .function(let function): function.name.map(className) ?? functionType(function)
        case .union(let members): members.map(grouped).joined(separator: "|")
        case .row: rowClass
        }
    }

    /// `fun(a: T, b?: U): R1, R2?`.
    static func functionType(_ function: FunctionShape) -> String {
        let parameters = function.parameters.map { "\($0.name)\($0.isOptional ? "?" : ""): \(type($0.type))" }
        let results = function.results.map { optional(type($0.type), $0.isOptional) }
        return "fun(\(parameters.joined(separator: ", ")))" + (results.isEmpty ? "" : ": " + results.joined(separator: ", "))
    }

    /// A type that can stand before `[]`, `?` or inside a union without changing meaning.
    static func grouped(_ type: SchemaType) -> String {
        switch type {
        case .union, .literals: "(\(self.type(type)))"
        case .function(let function) where function.name == nil: "(\(self.type(type)))"
        default: self.type(type)
        }
    }

    /// `T?` for a value that may be nil.
    static func optional(_ spelled: String, _ isOptional: Bool) -> String {
        guard isOptional else { return spelled }
        return spelled.contains("|") || spelled.hasPrefix("fun(") ? "(\(spelled))?" : "\(spelled)?"
    }

    /// A field's key: the name when it is a Lua identifier, else `["name"]`.
    static func fieldKey(_ name: String) -> String {
        LuaNames.isIdentifier(name) ? name : "[\(quoted(name))]"
    }

    /// A double-quoted Lua string literal.
    static func quoted(_ text: String) -> String { LuaNames.quoted(text) }

    /// Doc text on one annotation line.
    static func doc(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
