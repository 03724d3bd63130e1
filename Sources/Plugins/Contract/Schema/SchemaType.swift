/// The type of a value in the plugin contract: what a manifest field holds, what a hook is
/// given and what it returns. The validator reads values of these types; the editor
/// definitions (`LuaLSDefinitions`) spell them as LuaLS annotations.
public indirect enum SchemaType: Sendable {
    case string
    case number
    case integer
    case boolean
    /// Anything (a value the host passes through without looking inside).
    case any
    /// A table whose shape is the plugin's own.
    case table
    /// One of these strings (`'kmeans'`, `'ward'`, `'gmm'`).
    case literals([String])
    /// A table with known fields.
    case shape(TableShape)
    /// A list of values of one type.
    case list(SchemaType)
    /// A table of string keys to values of one type.
    case map(SchemaType)
    case function(FunctionShape)
    /// Any of these types.
    case union([SchemaType])
    /// A row of the users table (`u`): its fields are the table's columns, which only a
    /// database knows, so they are filled in when the definitions are generated.
    case row

    /// The table shapes directly inside this type (a list's element, a function's parameters
    /// and results…), in order.
    var innerShapes: [TableShape] {
        switch self {
        case .string, .number, .integer, .boolean, .any, .table, .literals, .row: []
        case .shape(let shape): [shape]
        case .list(let element), .map(let element): element.innerShapes
        case .function(let function): function.types.flatMap(\.innerShapes)
        case .union(let members): members.flatMap(\.innerShapes)
        }
    }

    /// The function shapes this type is or holds, in order.
    var innerFunctions: [FunctionShape] {
        switch self {
        case .string, .number, .integer, .boolean, .any, .table, .literals, .row, .shape: []
        case .list(let element), .map(let element): element.innerFunctions
        case .function(let function): [function]
        case .union(let members): members.flatMap(\.innerFunctions)
        }
    }
}
