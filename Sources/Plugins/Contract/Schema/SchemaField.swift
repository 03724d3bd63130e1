/// One named value of the contract: a field of a table shape, a parameter of a function or
/// one of its results, with its type, whether it may be left out, and what it means.
public struct SchemaField: Sendable {
    /// The field's key (`min_share`), or the parameter's name (`cluster`).
    public var name: String
    public var type: SchemaType
    /// True when the field may be absent (nil), or the parameter left out.
    public var isOptional: Bool
    /// One line for people: what the value means (docs/PLUGINS.md says the same at more length).
    public var doc: String

    /// A field that must be present.
    public static func required(_ name: String, _ type: SchemaType, _ doc: String) -> SchemaField {
        SchemaField(name: name, type: type, isOptional: false, doc: doc)
    }

    /// A field that may be absent.
    public static func optional(_ name: String, _ type: SchemaType, _ doc: String) -> SchemaField {
        SchemaField(name: name, type: type, isOptional: true, doc: doc)
    }
}
