import ArgumentParser
import Builtins
import Foundation
import Host

extension RunsCommand {
    /// `runs export ID [--format csv|jsonl] [--out FILE] [--force]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a run's stored members with their persona: CSV (user_id,persona_index,persona, as run goal --members) or JSON Lines.",
            discussion: "Without --out the members go to stdout. --out FILE is written to a temporary file beside it and renamed into place, "
                + "so an error leaves no partial file; an existing FILE is only replaced with --force.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The run id.") var id: Int64
        @Option(help: "csv (default) or jsonl.") var format: String = "csv"
        @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var out: String?
        @Flag(help: "Replace an existing --out file.") var force = false

        func validate() throws {
            if RunExport.Format(rawValue: format) == nil { throw ValidationError("--format must be csv or jsonl") }
            if force && out == nil { throw ValidationError("--force only applies to --out") }
        }

        func run() throws {
            let file = try out.map { try MembersFile(path: $0, force: force, database: database.resolvedPath, flag: "--out", refused: "nothing was written") }
            let db = try database.openExisting()
            let runs = SavedRuns(database: db)
            let export = RunExport(run: try runs.goalRun(id), members: try runs.store.memberships(runID: id))
            let prepared = try (file ?? MembersFile(path: "-", force: false, database: database.resolvedPath))
                .prepare(bytes: export.bytes(RunExport.Format(rawValue: format) ?? .csv))
            try prepared.commit()
            if let out, out != "-" {
                FileHandle.standardError.write(Data("persona-host: wrote \(NumberFormat.count(export.members.count)) members of run \(id) to \(out)\n".utf8))
            }
        }
    }
}
