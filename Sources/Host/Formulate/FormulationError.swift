import LuaBridge
import Plugins
import Builtins
/// Why a formulation request stopped, with what is known so the user can correct the request or
/// the plugin.
public enum FormulationError: UserFacingError, Sendable {
    /// No loaded plugin provides ingredients, personas and multipliers together (`failed`: the
    /// plugins that did not load, with why).
    case noDomain(plugins: [String], failed: [String])
    /// The persona id is not declared by the domain plugin.
    case unknownPersona(id: String, known: [String])
    /// Concerns no ingredient of the catalogue lists.
    case unknownConcerns([String], known: [String])
    /// The request itself is wrong (no concerns, a negative budget, …).
    case badRequest(String)
    /// A plugin failed or returned something of the wrong shape.
    case plugin(PluginError)

    public var description: String {
        switch self {
        case let .noDomain(plugins, failed):
            let loaded = plugins.isEmpty ? "no plugins loaded" : "loaded: \(plugins.joined(separator: ", "))"
            let broken = failed.isEmpty ? "" : "; failed to load: \(failed.joined(separator: "; "))"
            return "no plugin provides a formulation domain (ingredients, personas and multipliers together); \(loaded)\(broken)"
        case let .unknownPersona(id, known):
            return "unknown persona '\(id)'\(Suggestion.phrase(for: id, among: known)); known personas: \(known.joined(separator: ", "))"
        case let .unknownConcerns(concerns, known):
            let list = concerns.map { "'\($0)'\(Suggestion.phrase(for: $0, among: known))" }.joined(separator: ", ")
            return "no ingredient addresses \(list); known concerns: \(known.joined(separator: ", "))"
        case .badRequest(let message): return message
        case .plugin(let error): return error.description
        }
    }

    /// Request problems exit 2; a missing domain or a failing plugin 3.
    public var exitStatus: ExitStatus {
        switch self {
        case .unknownPersona, .unknownConcerns, .badRequest: .usage
        case .noDomain: .plugin
        case .plugin(let error): error.exitStatus
        }
    }
}
