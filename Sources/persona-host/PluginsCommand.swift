import Builtins
import ArgumentParser
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona-host plugins …`: what is installed and whether it is sound.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List and check plugins.",
        subcommands: [List.self, Check.self]
    )

    /// `plugins list`: every plugin in the plugins folder with its status.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the plugins in the plugins folder, in load order.")

        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let resolution = try plugins.resolve()
            let set = try loadSet(from: resolution.folder)
            let report = PluginReport(folder: resolution.folder.path, reason: resolution.reason, set: set)
            if json {
                try Output.json(report)
            } else {
                print(report.table())
            }
        }
    }

    /// `plugins check [PATH…]`: load and validate, print every problem, fail on any.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and validate plugins; print every problem and exit 3 if there is any.",
            discussion: "PATH is a plugins folder, one plugin's folder, or one .lua file. Without PATH, the plugins folder."
        )

        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print JSON on stdout.") var json = false
        @Argument(help: "Plugins folders, plugin folders or plugin files.") var paths: [String] = []

        func run() throws {
            var sources: [PluginSource] = []
            var problems: [PluginError] = []
            let targets = try paths.isEmpty ? [plugins.resolve().folder] : paths.map { URL(fileURLWithPath: $0) }
            for target in targets {
                do {
                    let found = try PluginDiscovery.plugins(at: target)
                    sources += found.sources
                    problems += found.problems
                } catch {
                    throw CLIFailure(status: .usage, message: error.description)
                }
            }
            let set = PluginLoader(logger: Output.pluginLogger).load(sources, problems: problems)
            let report = PluginReport(folder: targets.map(\.path).joined(separator: ", "), reason: "checked", set: set)
            if json {
                try Output.json(report)
            } else {
                for entry in report.plugins { print("ok     \(entry.path)  (\(entry.name) \(entry.version): \(entry.hooks.joined(separator: ", ")))") }
                for failure in report.failures { print("error  \(failure.error.replacingOccurrences(of: "\n", with: "\n       "))") }
                print("\(report.plugins.count) plugin(s) ok, \(report.failures.count) problem(s)")
            }
            if !set.failures.isEmpty { throw CLIFailure(status: .plugin, message: "\(set.failures.count) plugin problem(s)") }
        }
    }
}

/// Loads the plugins folder, turning a missing folder into a usage error.
func loadSet(from folder: URL) throws -> PluginSet {
    do {
        return try PluginLoader(logger: Output.pluginLogger).loadAll(from: folder)
    } catch {
        throw CLIFailure(status: .usage, message: error.description)
    }
}
