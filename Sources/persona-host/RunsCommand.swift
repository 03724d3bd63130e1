import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona-host runs …`: every saved run.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List and show saved runs.", subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Saved runs, newest first.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let runs = try RunStore(database: try database.open()).list()
            if json {
                struct Row: Encodable { var id: Int64; var created_at: String; var pipeline: String; var goal: String; var matched_rows: Int; var personas: Int }
                let formatter = ISO8601DateFormatter()
                try Output.json(runs.map { Row(id: $0.id, created_at: formatter.string(from: $0.createdAt), pipeline: $0.pipeline,
                                               goal: $0.goal, matched_rows: $0.matchedRows, personas: $0.personaCount) })
                return
            }
            var rows = [["ID", "WHEN", "PIPELINE", "GOAL", "MATCHED", "PERSONAS"]]
            let formatter = ISO8601DateFormatter()
            for run in runs {
                rows.append([String(run.id), formatter.string(from: run.createdAt), run.pipeline, run.goal,
                             String(run.matchedRows), String(run.personaCount)])
            }
            Output.columns(rows).forEach { print($0) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One saved run, as it was printed.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false
        @Argument(help: "The run id.") var id: Int64

        func run() throws {
            let stored: StoredRun
            do {
                stored = try RunStore(database: try database.open()).load(id: id)
            } catch {
                throw CLIFailure(status: .usage, message: "no run \(id): \(error)")
            }
            var run = try stored.run.summary.decode(GoalRun.self)
            run.runID = id
            if json {
                try Output.json(run)
            } else {
                print(GoalReport(run: run).text)
            }
        }
    }
}
