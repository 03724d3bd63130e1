import ArgumentParser
import Builtins
import Foundation

/// `--db PATH`: the SQLite database (default `$PERSONA_HOST_DB`, else `persona-host.sqlite` here).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var path: String?

    /// The path in use.
    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["PERSONA_HOST_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "persona-host.sqlite"
    }

    /// Opens (creating and migrating if needed) the database.
    func open() throws -> PersonaDatabase {
        do {
            return try PersonaDatabase(path: resolvedPath)
        } catch {
            throw CLIFailure(status: .failure, message: "\(resolvedPath): \(error)")
        }
    }
}

/// A one-line progress indicator on stderr, drawn only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    // @unchecked Sendable: only the thread running the command calls it (storage reports
    // progress synchronously from the caller's thread).
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private var lastPercent = -1

    init(_ label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
    }

    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Prints a stage name (terminal only).
    static func stage(_ message: String) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K… \(message)".utf8))
    }
}
