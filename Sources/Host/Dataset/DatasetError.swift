import Builtins
import Plugins

/// Why a dataset command stopped, with where: the file and line of the example, the field, the
/// plugin and rule. Each maps to the documented exit status.
public enum DatasetError: UserFacingError, Sendable {
    /// An input that cannot be read, or too many malformed lines (exit 2).
    case input(file: String, line: Int?, problem: String)
    /// A wrong argument or output folder (exit 2).
    case usage(String)
    /// No plugin with tagging rules, or a broken one (exit 3).
    case plugin(String)
    /// A rule of the plugin failed on an example (exit 3).
    case rule(plugin: String, rule: String, file: String, line: Int, message: String)
    /// `--strict` and a target the data cannot meet (exit 1).
    case unmet([String])
    /// Writing the output failed (exit 1).
    case output(path: String, message: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .input, .usage: .usage
        case .plugin, .rule: .plugin
        case .output, .unmet: .failure
        }
    }

    public var description: String {
        switch self {
        case let .input(file, line, problem): "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
        case .usage(let message): message
        case .plugin(let message): message
        case let .rule(plugin, rule, file, line, message): "plugin \(plugin), \(rule), on the example at \(file):\(line): \(message)"
        case let .output(path, message): "\(path): \(message)"
        case .unmet(let messages): "--strict: \(messages.count) target(s) cannot be met; nothing was written:\n" + messages.map { "  " + $0 }.joined(separator: "\n")
        }
    }
}
