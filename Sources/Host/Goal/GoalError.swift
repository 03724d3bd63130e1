import Builtins
import Plugins

/// Why a goal run stopped. Each case says what was understood and what is known, so the user
/// can rephrase the goal or fix the plugin or data.
public enum GoalError: UserFacingError, Sendable {
    /// No intent category reached its threshold.
    case noIntent(goal: String, known: [String: [String]], unrecognised: [String])
    /// No plugin is selected by the goal's intents and none is the default domain.
    case noDomain(detected: [String])
    /// The filter matched no users.
    case noMatches(filter: String, understood: [String])
    /// `--strict`: recognised goal words that no condition applies.
    case notApplied([FilterPlan.NotApplied])
    /// A plugin failed.
    case plugin(PluginError)
    /// A plugin named a column the users table does not have, or a condition the table cannot take.
    case data(String)
    /// Storage failed (I/O, database).
    case storage(any UserFacingError)

    public var description: String {
        switch self {
        case let .noIntent(goal, known, unrecognised):
            let list = known.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.prefix(6).joined(separator: ", ")))" }
            let words = unrecognised.isEmpty ? "" : " Not recognised: \(unrecognised.joined(separator: ", "))."
            return "could not tell what \"\(TerminalText.escaped(goal))\" is about: no intent reached its threshold.\(words) Known intents: "
                + list.joined(separator: "; ")
        case let .noDomain(detected):
            return "no plugin handles the intents \(detected.joined(separator: ", ")) and none is marked default_domain = true"
        case let .noMatches(filter, understood):
            return "no users match \(filter) (understood: \(understood.joined(separator: ", "))); nothing was stored"
        case .notApplied(let terms):
            let list = terms.map { "\($0.words) (\($0.category)): \($0.reason)" }.joined(separator: "; ")
            return "--strict: recognised but not applied: \(list); nothing was stored"
        case .plugin(let error): return error.description
        case .data(let message): return message
        case .storage(let error): return error.description
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .noIntent, .noDomain, .noMatches, .notApplied, .data: .usage
        case .plugin(let error): error.exitStatus
        case .storage(let error): error.exitStatus
        }
    }
}
