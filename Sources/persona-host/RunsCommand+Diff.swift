import ArgumentParser
import Builtins
import Host

extension RunsCommand {
    /// `runs diff A B`.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two saved runs: personas matched by shared members (optimal assignment), size changes, users moved, users in one run only.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The first run id.") var first: Int64
        @Argument(help: "The second run id.") var second: Int64
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let diff = try RunDiff.compare(first, second, in: SavedRuns(database: try database.openExisting()))
            if json { return try Output.json(diff) }
            Output.lines(RunDiffText(diff: diff).lines)
        }
    }
}
