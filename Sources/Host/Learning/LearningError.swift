import LuaBridge
import Plugins
import Builtins

/// Why a learning command stopped. Nothing is written when one is thrown: feedback imports are
/// all or nothing.
public enum LearningError: UserFacingError, Sendable {
    /// No plugin declares a learning persona with this id.
    case unknownPersona(id: String, known: [String])
    /// The persona's plugin maps no feedback of this type.
    case unknownType(type: String, persona: String, known: [String])
    /// A feedback or its source line is wrong (`where` is `feedback.jsonl:3` or `--value`).
    case badFeedback(where: String, message: String)
    /// No such version to roll back to.
    case unknownVersion(persona: String, version: String, known: [String])
    /// A plugin failed or returned something of the wrong shape; or, as `.rejected`, refused the
    /// user's feedback with `host.reject` (an input error).
    case plugin(PluginError)
    /// Storage failed.
    case storage(String)
    /// Stored learning data cannot be read back (a damaged or hand-edited database).
    case damaged(LearningDataError)
    /// Other writers changed the learning data every time this call was about to write its
    /// result; nothing was written.
    case conflict(attempts: Int)
    /// An error of one feedback, with where it came from (`feedback.jsonl:3`).
    indirect case located(String, LearningError)
    /// Several feedback were wrong, found before any was applied: the first ones (in input
    /// order, at most ``LearningError/shownProblems``) and how many there were in all.
    indirect case several([LearningError], total: Int)

    /// How many problems ``several(_:total:)`` lists.
    public static let shownProblems = 10

    /// Input problems exit 2 (a plugin's `host.reject` of the feedback included), plugin
    /// problems 3, storage (unreadable data, other writers) 1.
    public var exitStatus: ExitStatus {
        switch self {
        case .unknownPersona, .unknownType, .badFeedback, .unknownVersion: .usage
        case .plugin(let error): error.exitStatus
        case .storage, .damaged, .conflict: .failure
        case .located(_, let error): error.exitStatus
        case .several(let errors, _): errors.map(\.exitStatus).max { $0.rawValue < $1.rawValue } ?? .usage
        }
    }

    /// Whether the user's input is at fault (rather than a plugin or the storage).
    public var isInputError: Bool {
        switch self {
        case .unknownPersona, .unknownType, .badFeedback, .unknownVersion: true
        case .plugin(.rejected): true
        case .plugin, .storage, .damaged, .conflict: false
        case .located(_, let error): error.isInputError
        case .several(let errors, _): errors.allSatisfy(\.isInputError)
        }
    }

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
        case .damaged(let error): return error.description
        case .conflict(let attempts):
            return "other writers changed the learning data while this feedback was being computed (\(attempts) attempts); "
                + "nothing was applied: run it again"
        case let .located(place, error):
            // A rejection's message is the plugin's sentence to the user, shown after the place as is.
            if case .badFeedback = error { return error.description }
            return "\(place): \(error.description)"
        case let .several(errors, total):
            let more = total - errors.count
            return errors.map(\.description).joined(separator: "\n")
                + (more > 0 ? "\n… and \(more) more problem\(more == 1 ? "" : "s") (\(total) in all)" : "")
        }
    }
}
