/// A function in the contract: a hook the host calls (`persona(cluster)`), a rule, or a
/// `host.*` function a plugin calls, with its parameters and results.
public struct FunctionShape: Sendable {
    /// The name editors show for the function's type (`PersonaHook` → `persona.PersonaHook`),
    /// or nil for a function type written out where it is used.
    public var name: String?
    /// How the function is called, as docs/PLUGINS.md writes it (`persona(cluster)`).
    public var signature: String
    /// What it is for, for people.
    public var doc: String
    public var parameters: [SchemaField]
    /// Its results, in order (several for a Lua multiple return).
    public var results: [SchemaField]

    public init(name: String?, signature: String, doc: String, parameters: [SchemaField], results: [SchemaField]) {
        self.name = name
        self.signature = signature
        self.doc = doc
        self.parameters = parameters
        self.results = results
    }

    /// Every parameter's and result's type.
    var types: [SchemaType] { (parameters + results).map(\.type) }
}
