import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host runs …`: every saved run, one again (with the data, plugins and settings it
/// ran with), its members, two compared, one deleted, and why a user is in their persona.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List, show, export, compare, delete and explain saved runs.",
        subcommands: [List.self, Show.self, Export.self, Diff.self, Delete.self, Explain.self, Report.self])

    /// `runs list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Saved runs, newest first.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let runs = try RunStore(database: try database.openExisting()).list()
            let formatter = ISO8601DateFormatter()
            if json {
                struct Row: Encodable { var id: Int64; var createdAt: String; var pipeline: String; var goal: String; var matchedRows: Int; var personas: Int }
                try Output.json(runs.map { Row(id: $0.id, createdAt: formatter.string(from: $0.createdAt), pipeline: $0.pipeline,
                                               goal: $0.goal, matchedRows: $0.matchedRows, personas: $0.personaCount) })
                return
            }
            var rows = [["ID", "WHEN", "PIPELINE", "GOAL", "MATCHED", "PERSONAS"]]
            for run in runs {
                rows.append([String(run.id), formatter.string(from: run.createdAt), run.pipeline, run.goal,
                             NumberFormat.count(run.matchedRows), NumberFormat.count(run.personaCount)])
            }
            Output.lines(Output.columns(rows))
        }
    }

    /// `runs show ID`: the run's header (``RunHeader``), then its report as `run goal` printed it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One saved run: when, the data it ran on (and whether the users table changed since), its plugins and settings, and its personas.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false
        @Flag(help: "Also print each stage's decisions (when the run was made with --explain).") var explain = false
        @Argument(help: "The run id.") var id: Int64

        func run() throws {
            let db = try database.openExisting()
            var run = try SavedRuns(database: db).goalRun(id)
            if let then = run.dataFingerprint {
                let now = try UserStore(database: db).fingerprint()
                run.dataNow = GoalRun.DataNow(comparison: now.comparison(since: then), now: now)
            }
            if json {
                try Output.json(run)
            } else {
                Output.lines(RunHeader(run: run).lines + GoalReport(run: run, explain: explain && run.explanation != nil).lines)
            }
        }
    }

    /// `runs delete ID`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a saved run with its personas and members (one transaction).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The run id.") var id: Int64

        func run() throws {
            let store = RunStore(database: try database.openExisting())
            guard try store.delete(id: id) else {
                throw RunLookupError.noRun(id, existing: try store.list().map(\.id))
            }
            Output.lines(["Deleted run \(id) with its personas and members."])
        }
    }

    /// `runs explain RUN --user ID`.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Why a user is in their persona: distances to each centroid in the run's clustering space, and the features that decided.")
        @Argument(help: "The run id.") var id: Int64
        @Option(help: "The user_id to explain.") var user: Int64
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let session = try PluginSession.load(plugins, loading)
            let explainer = MemberExplainer(plugins: session.set, database: try database.openExisting(), loader: session.loader)
            let e = try explainer.explain(runID: id, userID: user)
            if json { return try Output.json(e) }
            var lines: [String] = []
            if let line = session.skippedLine { lines.append(line) }
            let persona = RunPersonaID(run: e.runID, number: e.persona)
            lines.append("User \(e.userID) is in persona \(persona), \(e.personaName) (run \(e.runID), \(e.algorithm)).")
            lines.append("Features (value → position in the run's weighted, standardised space):")
            for f in e.features {
                lines.append("  \(f.name) \(NumberFormat.value(f.value)) → \(NumberFormat.score(f.position))" + (f.weight == 0 ? " (weight 0: describes only)" : ""))
            }
            lines.append("Distance to each persona's centroid:")
            for d in e.distances.sorted(by: { $0.distance < $1.distance }) {
                let other = RunPersonaID(run: e.runID, number: d.persona)
                lines.append("  \(other) \(d.name): \(NumberFormat.score(d.distance))\(d.persona == e.persona ? "  ← this user's persona" : "")")
            }
            if !e.deciding.isEmpty {
                lines.append("What decided it:")
                for d in e.deciding.prefix(3) { lines.append("  \(d.phrase)") }
            }
            for note in e.notes { lines.append("Note: \(note).") }
            Output.lines(lines)
        }
    }
}
