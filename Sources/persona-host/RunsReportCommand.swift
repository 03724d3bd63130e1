import ArgumentParser
import Builtins
import Foundation
import Host

extension RunsCommand {
    /// `runs report ID [-o FILE] [--force]`: the run's self-contained HTML page (``RunReport``).
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a run's report: one self-contained HTML page (goal, persona cards, z-score charts, member scatter, k scores).",
            discussion: "Writes run-ID.html in the working directory, or -o FILE (- for stdout), through a temporary file renamed into place; "
                + "an existing file is only replaced with --force. Prints the path written. Plugins that fail to load are left out "
                + "(said on stderr); the page then says why its member scatter is absent.")
        @Argument(help: "The run id.") var id: Int64
        @Option(name: [.customShort("o"), .customLong("out")], help: ArgumentHelp("The file to write (- for stdout).", valueName: "file"))
        var out: String?
        @Flag(help: "Replace an existing file.") var force = false
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions

        func validate() throws {
            if force && out == "-" { throw ValidationError("--force does not apply to -o - (stdout)") }
        }

        func run() throws {
            let path = out ?? "run-\(id).html"
            let file = try MembersFile(path: path, force: force, database: database.resolvedPath, flag: out == nil ? "report file" : "-o",
                                       refused: "nothing was written")
            let session = try PluginSession.load(plugins, skipBroken: true)
            for skipped in session.skipped { Output.warning("the \(skipped.plugin) plugin fails to load and was left out: \(skipped.error)") }
            let report = try RunReport.build(runID: id, database: try database.openExisting(), plugins: session.set, loader: session.loader)
            if case .absent(let why) = report.scatter { Output.warning("run \(id)'s report has no member scatter: \(why)") }
            for note in report.scatterNotes { Output.warning(note) }
            try file.prepare(bytes: Array(report.html.utf8)).commit()
            if !file.isStdout { print(path) }
        }
    }
}
