import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona-host data …`: the users table: generate a sample, import your own, look at it.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Generate, import and summarise the users table.",
        subcommands: [Init.self, Generate.self, Import.self, Stats.self]
    )

    /// `data init`: an empty database (no users), for a `--db` that learning commands will fill.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an empty database (the schema, no users); an existing one is left as it is.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let existed = FileManager.default.fileExists(atPath: database.resolvedPath)
            let db = try database.open(.create)!
            let users = try UserStore(database: db).count()
            Output.lines([existed ? "\(database.resolvedPath) already exists (\(users) users); left as it is" : "created \(database.resolvedPath)"])
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill the users table with deterministic synthetic users (planted segments in true_segment).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "How many users.") var rows: Int = 20_000
        @Option(help: "Random seed: the same seed gives the same users.") var seed: UInt64 = 42
        @Flag(help: "Replace existing users (otherwise a non-empty table is an error).") var replace = false

        func validate() throws {
            guard (1...100_000_000).contains(rows) else { throw ValidationError("--rows must be from 1 to 100,000,000, got \(rows)") }
        }

        func run() throws {
            let store = UserStore(database: try database.open(.create)!)
            let progress = ProgressLine("generating")
            defer { progress.finish() }
            let report = try store.generate(rows: rows, seed: seed, replace: replace, progress: progress.update)
            progress.finish()
            Output.lines(["generated \(report.rows) users (seed \(seed)) in \(database.resolvedPath)"
                  + (report.replacedRows > 0 ? ", replacing \(report.replacedRows)" : "")])
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import users from a CSV file: every column kept and typed; all or nothing.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file (header row required, user_id column required).") var file: String
        @Flag(help: "Replace the users table instead of appending.") var replace = false

        func run() throws {
            guard FileManager.default.fileExists(atPath: file) else {
                throw CLIFailure(status: .usage, message: "\(file): no such file; nothing was imported")
            }
            let store = UserStore(database: try database.open(.create)!)
            let progress = ProgressLine("importing")
            defer { progress.finish() }
            let report = try store.importCSV(at: file, mode: replace ? .replace : .append, progress: progress.update)
            progress.finish()
            var lines = ["imported \(report.rows) users from \(file)"]
            for column in report.addedColumns {
                lines.append("  kept extra column \(column.name) (\(column.type.rawValue))")
            }
            if !report.missingSeedColumns.isEmpty {
                lines.append("  not in the file (left NULL): \(report.missingSeedColumns.joined(separator: ", "))")
            }
            Output.lines(lines)
        }
    }

    /// `data stats`: every column's NULLs and summary, and which plugins read it.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Row count and a summary of every column, and which plugins read it.",
            discussion: """
                Numbers: NULL count, min, 25th percentile, median, 75th percentile, max, mean and standard deviation \
                (exact percentiles, interpolated between the closest ranks; population standard deviation). Text: every \
                distinct value with its count, most frequent first, up to --values. "read by" names the plugins that \
                read the column (declared columns, formulas, clustering.profile, the conditions their filters produce); \
                a plugin that fails to load does not stop the stats, but the read-by information is then marked \
                incomplete, with why.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @Option(help: ArgumentHelp("How many distinct values to list per text column (the rest are counted).", valueName: "n"))
        var values: Int = 20
        @Flag(help: "Print JSON on stdout.") var json = false

        func validate() throws {
            guard values >= 0 else { throw ValidationError("--values must be 0 or more, got \(values)") }
        }

        func run() throws {
            let store = UserStore(database: try database.openExisting())
            let readBy = try StatsReadBy.load(plugins)
            let stats = try store.stats(topValues: values)
            let report = StatsReport(stats, database: database.resolvedPath, readBy: readBy)
            if json {
                for note in readBy.notes { Output.warning(note) }
                try Output.json(report)
            } else {
                Output.lines(report.lines)
            }
        }
    }
}
