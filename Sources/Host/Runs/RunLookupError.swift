import Builtins

/// A saved run or goal-run persona that cannot be found or read as asked: the user's input, so
/// exit 2. Each message names what exists.
public enum RunLookupError: UserFacingError, Sendable, Equatable {
    /// Not of the form `run:RUN/N`.
    case malformedID(String)
    /// No saved run has this id; `existing` lists those that do (newest first).
    case noRun(Int64, existing: [Int64])
    /// The run has no persona with this number; `existing` lists its personas' ids and names.
    case noPersona(RunPersonaID, existing: [String])
    /// The run was made by another pipeline than `goal`.
    case notAGoalRun(Int64, pipeline: String)

    public var exitStatus: ExitStatus { .usage }

    public var description: String {
        switch self {
        case let .malformedID(text):
            return "'\(TerminalText.escaped(text))' is not a goal-run persona id: write run:RUN/N, e.g. run:3/2 for persona 2 of run 3 "
                + "(persona-host persona list --runs lists them)"
        case let .noRun(id, existing):
            return "no run with id \(id); " + Self.runs(existing)
        case let .noPersona(id, existing):
            return "run \(id.run) has no persona \(id.number) (\(id)); its personas: \(existing.joined(separator: ", "))"
        case let .notAGoalRun(id, pipeline):
            return "run \(id) was made by the \(pipeline) pipeline, not run goal: it has no goal-run personas"
        }
    }

    /// "saved runs: 5, 4, 3 (…)" or "there are no saved runs".
    static func runs(_ existing: [Int64]) -> String {
        guard !existing.isEmpty else { return "there are no saved runs (persona-host run goal saves one)" }
        let shown = existing.prefix(12).map(String.init).joined(separator: ", ")
        return "saved runs: \(shown)\(existing.count > 12 ? ", … (\(existing.count) in all)" : "") (persona-host runs list)"
    }
}
