import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona history ID` and `persona rollback ID --to V`: every version, what changed, from which feedback.
extension PersonaCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every version of a persona: what changed, and from which feedback.")
        @Argument(help: "The persona id.") var id: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        struct Entry: Encodable {
            var version: String
            var status: String
            var parent: String?
            var reason: String
            var createdAt: String
            var changes: [TraitChange]
            var feedback: [String]
        }

        func run() throws {
            try GoalRunPersonaRefusal.check(id, command: "history")
            try LearningContext(plugins: plugins, loading: loading, database: database).reading { pipeline in try history(pipeline) }
        }

        private func history(_ pipeline: LearningPipeline) throws {
            let entries = try Self.entries(of: id, pipeline: pipeline)
            if json { return try Output.json(entries) }
            printText(entries)
        }

        /// Every version of `id` with its changes and feedback (`--json`, and `persona-host serve`).
        static func entries(of id: String, pipeline: LearningPipeline) throws -> [Entry] {
            let persona = try pipeline.persona(id)
            let (versions, feedback) = try pipeline.history(of: id)
            // Indexed once: a persona with 100,000 versions and feedback is listed in one pass.
            var byName: [String: [String: Double]] = [:]
            for v in versions where v.status != .rejected { byName[v.name] = v.traits }
            let feedbackByVersion = Dictionary(grouping: feedback.filter { $0.version != nil }, by: { $0.version! })
            var previous: [String: Double] = [:]
            var entries: [Entry] = []
            for v in versions {
                let parentTraits = v.parent.flatMap { byName[$0] } ?? previous
                let changes = persona.traits.compactMap { spec -> TraitChange? in
                    guard let to = v.traits[spec.name] else { return nil }
                    let from = parentTraits[spec.name] ?? spec.initial
                    return abs(from - to) < 1e-12 ? nil : TraitChange(trait: spec.name, from: from, to: to)
                }
                let from = (feedbackByVersion[v.name] ?? []).map { "#\($0.id) \($0.feedback.type) \($0.feedback.value.text.prefix(50))" }
                entries.append(Entry(version: v.name, status: v.status.rawValue, parent: v.parent, reason: v.reason,
                                     createdAt: v.createdAt.formatted(.iso8601), changes: changes, feedback: from))
                if v.status != .rejected { previous = v.traits }
            }
            return entries
        }

        private func printText(_ entries: [Entry]) {
            if entries.isEmpty { Output.lines(["\(id) has not learned anything yet (v1.0 as declared)"]); return }
            for e in entries {
                Output.lines(["\(e.version)  \(e.status)  \(e.createdAt)  \(e.reason)"])
                for c in e.changes.prefix(12) { Output.lines(["    \(c.trait) \(NumberFormat.score(c.from)) → \(NumberFormat.score(c.to))"]) }
                if e.changes.count > 12 { Output.lines(["    … and \(NumberFormat.count(e.changes.count - 12)) more traits"]) }
                if e.feedback.count <= 3 { for f in e.feedback { Output.lines(["    from feedback \(f)"]) } }
                else { Output.lines(["    from \(NumberFormat.count(e.feedback.count)) feedback (\(e.feedback.first ?? "") … \(e.feedback.last ?? ""))"]) }
            }
        }
    }

    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Restore an earlier version (as a new version; history is kept).")
        @Argument(help: "The persona id.") var id: String
        @Option(help: "The version to restore, e.g. v1.2.") var to: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            try GoalRunPersonaRefusal.check(id, command: "rollback")
            let pipeline = try LearningContext(plugins: plugins, loading: loading, database: database).pipeline()
            let outcome = try pipeline.rollback(persona: id, to: to)
            if json { return try Output.json(outcome) }
            Output.lines([outcome.message])
        }
    }
}

/// `persona history` and `rollback` are about personas that learn from feedback: a goal-run
/// persona (`run:RUN/N`) has no versions, so asking for them is a usage error that says so.
enum GoalRunPersonaRefusal {
    static func check(_ id: String, command: String) throws {
        guard RunPersonaID.isRunPersona(id) else { return }
        var run = ""
        if case let .success(parsed) = Result(catching: { () throws(RunLookupError) in try RunPersonaID(parsing: id) }) {
            run = " (its run: persona-host runs show \(parsed.run))"
        }
        throw CLIFailure(status: .usage, message: "\(id) is a goal-run persona: it does not learn from feedback, so it has no \(command)\(run); "
                         + "persona \(command) applies to learning personas (persona-host persona list shows them)")
    }
}
