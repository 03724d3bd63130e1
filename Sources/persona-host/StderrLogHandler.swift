import Builtins
import Foundation
import Logging

/// Writes log lines to stderr as `[plugin] message` (plugin output) or `persona-host: level: message`.
///
/// Level from `PERSONA_HOST_LOG` (debug, info, warning, error); default info.
struct StderrLogHandler: LogHandler {
    var label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    init(label: String) {
        self.label = label
        logLevel = ProcessInfo.processInfo.environment["PERSONA_HOST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line: String
        if let plugin = merged["plugin"] {
            let level = event.level == .info ? "" : "\(event.level): "
            line = "[\(plugin)] \(level)\(event.message)\n"
        } else {
            line = "persona-host: \(event.level): \(event.message)\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
