import Builtins

/// A config file that cannot be used: missing, unreadable, not TOML, or with a key or value
/// persona-host does not know. The message names the file and, where there is one, the line.
/// Exit 2: the file is the user's input.
struct ConfigError: UserFacingError, Equatable {
    /// The file as named on the command line (or `persona-host.toml`).
    var file: String
    /// The 1-based line, when the problem has one.
    var line: Int?
    var message: String

    var exitStatus: ExitStatus { .usage }

    var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
