import Builtins
import ArgumentParser
import Foundation
import Host
import Plugins
import LuaBridge

/// The root command: `persona-host <subcommand>`.
struct PersonaHost: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "persona-host",
        abstract: "Segment a users table into named personas, with the rules in Lua plugins.",
        discussion: """
            Exit codes: 0 success, 1 runtime failure, 2 usage or input error, 3 plugin error.
            Plugins folder: --plugins, then $PERSONA_HOST_PLUGINS, then the config file, then ./plugins, \
            then the checkout the binary was built in.
            The options below work with every command, before or after its name. Defaults can be \
            set in persona-host.toml (or --config FILE): database, plugins, seed, json, wide, color, log; \
            a flag beats an environment variable, which beats the config file.
            """,
        version: "persona-host \(version) (host API \(HostAPI.version), \(LuaRuntime.release))",
        subcommands: [RunCommand.self, DataCommand.self, IntentsCommand.self, RunsCommand.self, PluginsCommand.self, TestCommand.self, DatasetCommand.self, PhotosCommand.self, FacePersonaCommand.self, AuditCommand.self, PersonaCommand.self, InteractionsCommand.self, FeedbackCommand.self, ServeCommand.self]
    )

    @OptionGroup(title: "Global options") var global: GlobalOptions

    /// Hands the global options to ``Settings``: ArgumentParser gives a subcommand's `run()`
    /// only its own values, and the root's `validate()` runs for every command line (the
    /// options' own checks ran when they were parsed).
    func validate() throws {
        Settings.record(global.values)
    }
}

/// Options shared by every command that loads plugins.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: ArgumentHelp("The plugins folder.", valueName: "dir"))
    var folder: String?

    /// The plugins folder to use, or a usage failure saying where the host looked: `--plugins`,
    /// `$PERSONA_HOST_PLUGINS`, the config file's `plugins`, then the search path's fallbacks.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment,
                 config: ConfigFile? = Settings.current.config) throws -> PluginSearchPath.Resolution {
        if folder == nil, (environment["PERSONA_HOST_PLUGINS"] ?? "").isEmpty, let config, let configured = config.plugins,
           var resolution = PluginSearchPath(explicit: configured, environment: environment).resolve() {
            resolution.reason = "plugins in \(config.path)"
            return resolution
        }
        guard let resolution = PluginSearchPath(explicit: folder, environment: environment).resolve() else {
            throw CLIFailure(status: .usage, message: "no plugins folder: pass --plugins DIR, set PERSONA_HOST_PLUGINS or plugins in persona-host.toml, or run where ./plugins exists")
        }
        return resolution
    }
}
