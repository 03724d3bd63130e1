/// persona-host's exit statuses. Stable: scripts depend on them (README, `persona-host --help`).
public enum ExitStatus: Int32, Sendable, Codable {
    /// Everything worked.
    case success = 0
    /// The run failed for a reason outside the user's input (I/O, a damaged or busy database,
    /// a host bug).
    case failure = 1
    /// The command line or an input file is wrong.
    case usage = 2
    /// A plugin is broken: it does not load or validate, or a hook failed.
    case plugin = 3
}

/// An error a person reads: a `description` that says what went wrong and where, and the exit
/// status it maps to. Every error the CLI can report conforms, so the mapping lives with the
/// error, in one place each, and the CLI maps them all once.
public protocol UserFacingError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}

/// An error that is not a `UserFacingError` (a library's own), reported as a runtime failure
/// with what the host was doing.
public struct UnexpectedError: UserFacingError, Sendable {
    public var description: String
    public var exitStatus: ExitStatus { .failure }

    public init(_ operation: String, _ error: any Error) {
        description = "\(operation): \(error)"
    }

    /// `error` itself when it is user-facing, else wrapped with `operation`.
    public static func wrap(_ error: any Error, _ operation: String) -> any UserFacingError {
        (error as? any UserFacingError) ?? UnexpectedError(operation, error)
    }
}
