import Foundation
import Synchronization

/// The settings of this command line: the global flags (``GlobalOptions``) over the config file
/// (``ConfigFile``) over the defaults, fixed once before the command runs.
///
/// Precedence, for every setting: a flag, then an environment variable (`$PERSONA_HOST_DB`,
/// `$PERSONA_HOST_PLUGINS`; `NO_COLOR` only for `--color auto`), then the config file, then
/// the default. Commands read ``current``; it holds the defaults until ``establish(_:workingDirectory:)``.
struct Settings: Sendable {
    /// The global flags as parsed.
    var flags = GlobalOptions.Values()
    /// The config file in use, if any.
    var config: ConfigFile?

    /// `--quiet`/`--verbose`, else the config's `log`, else normal.
    var logLevel: LogLevel { flags.logLevel ?? config?.log ?? .normal }
    /// `--color`, else the config's `color`, else auto.
    var color: ColorChoice { flags.color ?? config?.color ?? .auto }

    private static let state = Mutex(Settings())

    /// The settings in force.
    static var current: Settings { state.withLock { $0 } }

    /// Records the global flags as the root command parsed them (before any subcommand runs).
    static func record(_ flags: GlobalOptions.Values) {
        state.withLock { $0.flags = flags }
    }

    /// Reads the config file the flags point to (or `persona-host.toml` in `workingDirectory`)
    /// and makes the result ``current``.
    static func establish(workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws(ConfigError) {
        let flags = current.flags
        let config = try ConfigFile.load(explicit: flags.config, workingDirectory: workingDirectory)
        state.withLock { $0.config = config }
    }
}
