import ArgumentParser
import Builtins
import Foundation
import Host
import LuaBridge
import Plugins

/// `--skip-broken`: run with the plugins that load, leaving out the broken ones and saying so.
struct PluginLoadOptions: ParsableArguments {
    @Flag(name: .customLong("skip-broken"),
          help: "Run even if some plugins fail to load: leave them out, and say so in the output, the JSON and the saved run.")
    var skipBroken = false
}

/// The plugins of one command, loaded once: strict by default (any plugin that fails to load
/// stops the command with exit 3, naming the plugin, file, line and error, before anything runs
/// or is stored), or with the broken ones left out under `--skip-broken`.
struct PluginSession {
    let set: PluginSet
    let loader: PluginLoader
    /// The plugins left out under `--skip-broken`.
    let skipped: [SkippedPlugin]

    /// Loads the plugins folder of `options`.
    static func load(_ options: PluginOptions, _ loading: PluginLoadOptions) throws -> PluginSession {
        try load(options, skipBroken: loading.skipBroken)
    }

    /// Loads the plugins folder of `options`, leaving the broken plugins out when `skipBroken`
    /// (`runs report` always does: only its scatter needs a plugin, and the page says why it is absent).
    static func load(_ options: PluginOptions, skipBroken: Bool) throws -> PluginSession {
        let folder = try options.resolve().folder
        let loader = PluginLoader(limits: try limits(), logger: Output.pluginLogger)
        let set: PluginSet
        do {
            set = try loader.loadAll(from: folder)
        } catch {
            throw CLIFailure(status: .usage, message: error.description)
        }
        let skipped = SkippedPlugin.all(in: set)
        if !set.failures.isEmpty && !skipBroken {
            let list = set.failures.map(\.error.description).joined(separator: "\n")
            throw CLIFailure(status: .plugin, message: "\(set.failures.count) plugin(s) failed to load; nothing was run or stored:\n\(list)\n"
                             + "Fix them (persona-host plugins check), or pass --skip-broken to run without them.")
        }
        return PluginSession(set: set, loader: loader, skipped: skipped)
    }

    /// The sandbox budgets: the defaults, or as `$PERSONA_HOST_LUA_INSTRUCTIONS`,
    /// `$PERSONA_HOST_LUA_MEMORY_MB` and `$PERSONA_HOST_LUA_TIMEOUT` set them (a bad value exits 2).
    static func limits() throws -> LuaRuntime.Limits {
        try LuaRuntime.Limits.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// Says on stderr which plugins were left out, for commands whose output has no place for it.
    func warnOnStderr() {
        if let line = skippedLine { Output.warning(line) }
    }

    /// The first line of a text report when plugins were left out (nil when none were).
    var skippedLine: String? { SkippedPlugin.warningLine(skipped) }
}
