import LuaBridge
import Plugins
import Builtins
/// Why a learning command stopped. Nothing is written when one is thrown: feedback imports are
/// all or nothing.
public enum LearningError: Error, Sendable, CustomStringConvertible {
    /// No plugin declares a learning persona with this id.
    case unknownPersona(id: String, known: [String])
    /// The persona's plugin maps no feedback of this type.
    case unknownType(type: String, persona: String, known: [String])
    /// A feedback or its source line is wrong (`where` is `feedback.jsonl:3` or `--value`).
    case badFeedback(where: String, message: String)
    /// No such version to roll back to.
    case unknownVersion(persona: String, version: String, known: [String])
    /// A plugin failed or returned something of the wrong shape.
    case plugin(PluginError)
    /// Storage failed.
    case storage(String)
    /// An error of one feedback, with where it came from (`feedback.jsonl:3`).
    indirect case located(String, LearningError)

    public var description: String {
        switch self {
        case let .unknownPersona(id, known):
            return "unknown persona '\(id)'\(Suggestion.phrase(for: id, among: known)); personas that learn: \(known.joined(separator: ", "))"
        case let .unknownType(type, persona, known):
            return "persona '\(persona)' takes no feedback of type '\(type)'\(Suggestion.phrase(for: type, among: known)); it takes: \(known.joined(separator: ", "))"
        case let .badFeedback(place, message): return "\(place): \(message)"
        case let .unknownVersion(persona, version, known):
            return "persona '\(persona)' has no version '\(version)' to restore; versions: \(known.joined(separator: ", "))"
        case .plugin(let error): return error.description
        case .storage(let message): return message
        case let .located(place, error):
            if case .badFeedback = error { return error.description }
            return "\(place): \(error.description)"
        }
    }
}
