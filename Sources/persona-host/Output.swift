import Builtins
import Foundation
import Logging

/// Where things go: results on stdout, logs and errors on stderr. Text printed for people goes
/// through `TerminalText`, so no user or plugin string can carry terminal control codes.
enum Output {
    /// The logger plugins' `print` and `host.log` write to.
    static let pluginLogger = Logger(label: "plugin")

    /// Prints `value` as pretty JSON with sorted snake_case keys (deterministic) on stdout.
    static func json(_ value: some Encodable) throws {
        let data = try jsonData(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// `value` as `--json` prints it (pretty, sorted snake_case keys), without the final line
    /// break: the CLI's and the server's (`persona-host serve`) one encoding.
    static func jsonData(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Prints lines for people on stdout, each escaped.
    static func lines(_ lines: [String]) {
        print(lines.map(TerminalText.escaped).joined(separator: "\n"))
    }

    /// Prints lines already escaped (and perhaps styled by `Terminal`) on stdout as they are.
    static func styledLines(_ lines: [String]) {
        print(lines.joined(separator: "\n"))
    }

    /// The logger of persona-host's own notices and debug lines (shown by `LogLevel`).
    static let hostLogger = Logger(label: "persona-host")

    /// A notice on stderr (`persona-host: …`), hidden by `--quiet`.
    static func info(_ message: String) {
        hostLogger.info("\(message)")
    }

    /// A debug line on stderr (`persona-host: debug: …`), shown by `--verbose`.
    static func debug(_ message: @autoclosure () -> String) {
        hostLogger.debug("\(message())")
    }

    /// Prints an error on stderr (each line escaped; the message's own line breaks kept).
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("persona-host: error: \(TerminalText.escapedLines(message))\n".utf8))
    }

    /// Prints a warning on stderr.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("persona-host: warning: \(TerminalText.escapedLines(message))\n".utf8))
    }

    /// Columns separated by two spaces, left-aligned except the indices in `rightAligned`
    /// (numbers); cells are escaped first.
    static func columns(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let rows = rows.map { $0.map(TerminalText.escaped) }
        guard let width = rows.first?.count else { return [] }
        let widths = (0..<width).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                if rightAligned.contains(c) { return String(repeating: " ", count: widths[c] - cell.count) + cell }
                return c == width - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
