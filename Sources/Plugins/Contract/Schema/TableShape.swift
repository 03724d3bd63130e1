/// A table with known fields: a part of the manifest the validator reads field by field
/// (`clustering`, an ingredient), a table a hook is given (`cluster`, `fb`) or one it returns
/// (a filter condition, a signal). Each becomes one LuaLS `---@class`.
///
/// Where the validator refuses unknown fields, its list of known ones is `fieldNames`, so a
/// field added here is both accepted and typed.
public struct TableShape: Sendable {
    /// The class name without the `persona.` prefix (`Clustering` → `persona.Clustering`).
    public var name: String
    /// What the table is, for people.
    public var doc: String
    /// The named fields, in the order messages list them.
    public var fields: [SchemaField]
    /// Values a table may also give by position (`{ field, op, value }`): `[1]`, `[2]`…
    public var positional: [SchemaField]

    public init(name: String, doc: String, fields: [SchemaField], positional: [SchemaField] = []) {
        self.name = name
        self.doc = doc
        self.fields = fields
        self.positional = positional
    }

    /// The named fields' keys, in order: what the validator accepts.
    public var fieldNames: [String] { fields.map(\.name) }

    /// The field named `name`.
    public func field(_ name: String) -> SchemaField? { fields.first { $0.name == name } }
}
