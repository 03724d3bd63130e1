import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host plugins …`: what is installed and whether it is sound.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List and check plugins.",
        subcommands: [List.self, Check.self, PluginsNewCommand.self, PluginsTypesCommand.self]
    )

    /// `plugins list`: every plugin in the plugins folder with its status, broken ones included.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the plugins in the plugins folder, in load order, broken ones too.")

        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let resolution = try plugins.resolve()
            let set = try loadSet(from: resolution.folder)
            let report = PluginReport(folder: resolution.folder.path, reason: resolution.reason, set: set)
            if json {
                try Output.json(report)
            } else {
                Output.lines(report.table().components(separatedBy: "\n"))
            }
        }
    }

    /// `plugins check [PATH…] [--db PATH]`: load and validate, print every problem, fail on any.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and validate plugins; print every problem and exit 3 if there is any.",
            discussion: """
                PATH is a plugins folder, one plugin's folder, or one .lua file. Without PATH, the plugins folder.
                With --db, each goal domain's columns (declared, read by its formulas, profiled) are also checked \
                against that database's users table.
                """
        )

        @OptionGroup var plugins: PluginOptions
        @Option(name: .customLong("db"), help: ArgumentHelp("Also check the goal domains' columns against this database's users table.", valueName: "path"))
        var database: String?
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
            let set = PluginLoader(limits: try PluginSession.limits(), logger: Output.pluginLogger).load(sources, problems: problems)
            var report = PluginReport(folder: targets.map(\.path).joined(separator: ", "), reason: "checked", set: set)
            if let database {
                let schema = try UserStore(database: try PersonaDatabase(path: database, mode: .mustExist)).schema()
                report.schemaProblems = SchemaCheck.problems(for: set.plugins, schema: schema).map {
                    .init(path: set.plugin(named: $0.plugin)?.source.displayPath, plugin: $0.plugin, error: $0.message)
                }
            }
            if json {
                try Output.json(report)
            } else {
                var lines: [String] = []
                for entry in report.plugins { lines.append("ok     \(entry.path)  (\(entry.name) \(entry.version): \(entry.hooks.joined(separator: ", ")))") }
                for failure in report.failures + report.schemaProblems {
                    lines += failure.error.components(separatedBy: "\n").enumerated().map { ($0.offset == 0 ? "error  " : "       ") + $0.element }
                }
                let count = report.failures.count + report.schemaProblems.count
                lines.append("\(report.plugins.count) plugin(s) loaded, \(count) problem(s)" + (database.map { " (columns checked against \($0))" } ?? ""))
                Output.lines(lines)
            }
            let count = set.failures.count + report.schemaProblems.count
            if count > 0 { throw CLIFailure(status: .plugin, message: "\(count) plugin problem(s)") }
        }
    }
}

/// Loads the plugins folder, turning a missing folder into a usage error. Broken plugins are in
/// the set's failures: `plugins list` shows them; commands that run plugins use `PluginSession`.
func loadSet(from folder: URL) throws -> PluginSet {
    let loader = PluginLoader(limits: try PluginSession.limits(), logger: Output.pluginLogger)
    do {
        return try loader.loadAll(from: folder)
    } catch {
        throw CLIFailure(status: .usage, message: error.description)
    }
}
