import Logging

/// How much goes to stderr besides results and errors: `--quiet`, `--verbose`, or `log` in the
/// config file.
///
/// | level | shows |
/// |---|---|
/// | `quiet` | warnings and errors (`host.log("warn"/"error", …)`, persona-host's warnings) |
/// | `normal` (default) | also info: `print` and `host.log("info", …)` from plugins, persona-host's notices |
/// | `verbose` | also debug: `host.log("debug", …)`, stage timings |
enum LogLevel: String, CaseIterable, Sendable {
    case quiet
    case normal
    case verbose

    /// The least severe level shown.
    var threshold: Logger.Level {
        switch self {
        case .quiet: .warning
        case .normal: .info
        case .verbose: .debug
        }
    }
}
