import ArgumentParser
import Builtins
import Foundation

/// What a command does with the database; it decides what happens when the file is missing.
///
/// Why: a mistyped `--db` must not become a new file full of synthetic users, and a command that
/// only looks must not leave a file behind. The rule, by where the path came from:
///
/// | access | explicit path (`--db`, `$PERSONA_HOST_DB`) missing | default `persona-host.sqlite` missing |
/// |---|---|---|
/// | ``read`` | usage error (exit 2): "no database at PATH; create one with …" | `nil`: answer from an empty state, or say there is no database |
/// | ``write`` | usage error (exit 2), as for ``read`` | created (`run goal` then fills it with the default sample) |
/// | ``create`` | created, with its folders | created |
///
/// An existing file is opened the same way in every case. A directory, a file that is not a
/// SQLite database, a damaged or busy database are runtime failures (exit 1) naming the path.
enum DatabaseAccess {
    /// The command only reads: `data stats`, `runs list`, `runs show`, `persona list/show/history`,
    /// `run formulate` (learned traits). It never creates a file.
    case read
    /// The command adds to existing data: `run goal` (saves its run), `feedback add/import`,
    /// `interactions add`, `persona rollback`. Only the default database may be created.
    case write
    /// The command creates the data: `data init`, `data generate`, `data import`. The file is created
    /// wherever the path points.
    case create
}

/// `--db PATH`: the SQLite database (default `$PERSONA_HOST_DB`, else the config file's
/// `database`, else `persona-host.sqlite` here). A database from the environment or the config
/// file is named as much as one from `--db`: it must exist, and never gets the default sample.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var path: String?

    /// The database used when neither `--db`, `$PERSONA_HOST_DB` nor the config file names one, in the working folder.
    static let defaultPath = "persona-host.sqlite"

    /// The path in use.
    var resolvedPath: String {
        explicitPath(environment: ProcessInfo.processInfo.environment) ?? Self.defaultPath
    }

    /// True when no path was given (`--db`, `$PERSONA_HOST_DB` or the config file): the default database is in use.
    var isDefault: Bool {
        explicitPath(environment: ProcessInfo.processInfo.environment) == nil
    }

    /// The path the user gave (`--db`, else a non-empty `$PERSONA_HOST_DB`, else the config
    /// file's `database`), or nil.
    func explicitPath(environment: [String: String], config: ConfigFile? = Settings.current.config) -> String? {
        path ?? environment["PERSONA_HOST_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? config?.database
    }

    /// Opens the database for `access` (see ``DatabaseAccess``), running pending migrations.
    ///
    /// - Returns: nil only for ``DatabaseAccess/read`` of the default database when it does not
    ///   exist (nothing is created); a database otherwise.
    /// - Throws: ``CLIFailure`` with status `.usage` for an explicit path that does not exist
    ///   (``DatabaseAccess/read`` and ``DatabaseAccess/write``), `.failure` when the file cannot
    ///   be opened, is not a SQLite database, is damaged or is busy; the message names the path.
    func open(_ access: DatabaseAccess) throws -> PersonaDatabase? {
        try open(access, environment: ProcessInfo.processInfo.environment, defaultPath: Self.defaultPath)
    }

    /// ``open(_:)`` with the environment, the config file and the default path given (for tests).
    func open(_ access: DatabaseAccess, environment: [String: String], config: ConfigFile? = Settings.current.config,
              defaultPath: String) throws -> PersonaDatabase? {
        let explicit = explicitPath(environment: environment, config: config)
        let path = explicit ?? defaultPath
        let mode: PersonaDatabase.OpenMode
        switch access {
        case .read: mode = .mustExist
        case .write: mode = explicit == nil ? .createIfMissing : .mustExist
        case .create: mode = .createIfMissing
        }
        do {
            return try PersonaDatabase(path: path, mode: mode)
        } catch StorageError.noDatabase where explicit == nil && access == .read {
            return nil  // the default database does not exist yet: the command reads an empty state
        } catch let error as StorageError where error.exitStatus == .usage && fromConfig(environment: environment, config: config) {
            // Say where the name came from: the user may not remember the config file names it.
            throw CLIFailure(status: .usage, message: "\(error) (database in \(config?.path ?? ConfigFile.defaultName))")
        }
    }

    /// Whether the database in use was named by the config file (no `--db`, no `$PERSONA_HOST_DB`).
    private func fromConfig(environment: [String: String], config: ConfigFile?) -> Bool {
        path == nil && (environment["PERSONA_HOST_DB"] ?? "").isEmpty && config?.database != nil
    }

    /// ``open(_:)`` for a command that cannot answer without a database: a missing default
    /// database is the same usage error as a missing explicit one.
    func openExisting() throws -> PersonaDatabase {
        guard let database = try open(.read) else {
            throw StorageError.noDatabase(path: resolvedPath)
        }
        return database
    }

    /// Opens the database, creating it when missing, wherever the path points.
    ///
    /// The behaviour before ``DatabaseAccess`` existed (equal to `open(.create)`), kept for the
    /// commands not yet moved to ``open(_:)``; a command that only reads or adds to existing data
    /// should use ``open(_:)`` with ``DatabaseAccess/read`` or ``DatabaseAccess/write``.
    func open() throws -> PersonaDatabase {
        do {
            return try PersonaDatabase(path: resolvedPath, mode: .createIfMissing)
        } catch let error as StorageError {
            throw CLIFailure(status: error.exitStatus, message: error.description)
        }
    }
}

/// A one-line progress indicator on stderr, drawn only when stderr is a terminal (and not under `--quiet`).
final class ProgressLine: @unchecked Sendable {
    // @unchecked Sendable: only the thread running the command calls it (storage reports
    // progress synchronously from the caller's thread).
    private let label: String
    private let enabled = ProgressLine.shown
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

    /// Whether progress is drawn: stderr is a terminal and `--quiet` is not in force.
    static var shown: Bool { isatty(STDERR_FILENO) != 0 && Settings.current.logLevel != .quiet }

    /// Prints a stage name (terminal only).
    static func stage(_ message: String) {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K… \(message)".utf8))
    }
}
