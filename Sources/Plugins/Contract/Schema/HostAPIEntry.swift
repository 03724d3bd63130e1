/// One global a plugin file sees, or one field of such a global: a `host.*` function or value,
/// a table of them, or one of Lua's own globals as the sandbox keeps it.
public struct HostAPIEntry: Sendable {
    /// What the entry is.
    public enum Kind: Sendable {
        /// A value of this type (`host.api_version`).
        case value(SchemaType)
        /// A function the plugin calls (`host.log(level, message)`).
        case function(FunctionShape)
        /// A table of entries (`host`, `host.names`), with its class name for editors.
        case table(className: String, entries: [HostAPIEntry])
        /// One of Lua's own globals, kept by the sandbox as the Lua 5.4 manual describes it (editors
        /// know it already); for a library table, the fields the sandbox leaves in it.
        case standard(fields: [String]?)
        /// The plugin's global environment itself (`_G`): its fields are the globals.
        case environment
    }

    /// The global's or field's name.
    public var name: String
    /// What it is for, for people.
    public var doc: String
    public var kind: Kind

    public init(name: String, doc: String, kind: Kind) {
        self.name = name
        self.doc = doc
        self.kind = kind
    }

    /// The entries of a table, else none.
    public var entries: [HostAPIEntry] {
        if case .table(_, let entries) = kind { entries } else { [] }
    }
}
