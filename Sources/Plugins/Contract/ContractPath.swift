import LuaBridge

/// Where a value sits in a plugin's manifest: `clustering.k.min`, `ingredients[3].ph`,
/// `intents.generation.synonyms["gen y"]`. Problems name it; the source map follows it.
public struct ContractPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a named field or a list position (1-based, as Lua counts).
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)

        /// The value this step leads to inside `value` (`.nil` when absent).
        func value(in value: LuaValue) -> LuaValue {
            switch self {
            case .key(let name): return value[name]
            case .index(let i): return value.tableEntries?[.integer(Int64(i))] ?? .nil
            }
        }
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// A top-level field.
    public init(_ field: String) { components = [.key(field)] }

    /// The path one named field further.
    public func appending(_ key: String) -> ContractPath { ContractPath(components + [.key(key)]) }

    /// The path one list position further.
    public func appending(index: Int) -> ContractPath { ContractPath(components + [.index(index)]) }

    public static func + (path: ContractPath, key: String) -> ContractPath { path.appending(key) }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let name):
                if name.first.map({ $0.isLetter || $0 == "_" }) == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    text += text.isEmpty ? name : ".\(name)"
                } else {
                    text += "[\"\(name)\"]"
                }
            case .index(let i):
                text += "[\(i)]"
            }
        }
        return text
    }
}

/// One thing wrong with a plugin's contract, with where it is written when the host can tell.
public struct ContractProblem: Sendable, Equatable, CustomStringConvertible {
    /// The field concerned (empty for the manifest as a whole).
    public var path: ContractPath
    /// What is wrong, starting with the path (`clustering.k.min must be an integer, got "2"`).
    public var message: String
    /// The file and line of the field, filled in once the plugin's sources are read.
    public var location: SourceLocation?

    public init(path: ContractPath, message: String, location: SourceLocation? = nil) {
        self.path = path
        self.message = message
        self.location = location
    }

    /// `file:line: message`, or the message alone when no location is known.
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
