import Builtins
import Foundation
import Logging

/// Writes log lines to stderr as `[plugin] message` (plugin output) or `persona-host: message`,
/// each line escaped (a plugin's `print` cannot send control codes to the terminal).
///
/// What is shown follows ``LogLevel`` (`--quiet`, `--verbose`, or `log` in the config file):
/// the level is read from ``Settings`` at each line, so loggers made before the command line
/// was read follow it too.
struct StderrLogHandler: LogHandler {
    var label: String
    var metadata: Logger.Metadata = [:]
    /// A level set on one logger; otherwise the command's.
    private var assignedLevel: Logger.Level?

    init(label: String) {
        self.label = label
    }

    var logLevel: Logger.Level {
        get { assignedLevel ?? Settings.current.logLevel.threshold }
        set { assignedLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let level = event.level == .info ? "" : "\(event.level): "
        let message = TerminalText.escapedLines("\(event.message)")
        let line: String
        if let plugin = merged["plugin"] {
            line = "[\(TerminalText.escaped("\(plugin)"))] \(level)\(message)\n"
        } else {
            line = "persona-host: \(level)\(message)\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
