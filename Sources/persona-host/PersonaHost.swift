import Builtins
import ArgumentParser
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
            Plugins folder: --plugins, then $PERSONA_HOST_PLUGINS, then ./plugins, then the
            checkout the binary was built in.
            """,
        version: "persona-host \(version) (host API \(HostAPI.version), \(LuaRuntime.release))",
        subcommands: [RunCommand.self, DataCommand.self, IntentsCommand.self, RunsCommand.self, PluginsCommand.self, PersonaCommand.self, InteractionsCommand.self, FeedbackCommand.self]
    )
}

/// Options shared by every command that loads plugins.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: ArgumentHelp("The plugins folder.", valueName: "dir"))
    var folder: String?

    /// The plugins folder to use, or a usage failure saying where the host looked.
    func resolve() throws -> PluginSearchPath.Resolution {
        guard let resolution = PluginSearchPath(explicit: folder).resolve() else {
            throw CLIFailure(status: .usage, message: "no plugins folder: pass --plugins DIR, set PERSONA_HOST_PLUGINS, or run where ./plugins exists")
        }
        return resolution
    }
}
