import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host persona …`: the personas the plugins declare: the formulation domain's, and
/// those that learn from feedback.
struct PersonaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persona",
        abstract: "List, show, compare and cluster personas; their history and rollback.",
        subcommands: [List.self, Show.self, Compare.self, Clusters.self, History.self, Rollback.self]
    )

    /// `persona list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every persona: the formulation domain's (one file each) and those that only learn from feedback.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        /// A persona that learns from feedback but has no skincare profile (echo).
        struct Learner: Encodable {
            var id: String
            var name: String
            var plugin: String
            var traits: [String]
        }

        /// `{ "formulation": [...], "learning_only": [...], "skipped_plugins": [...] }`.
        struct Listing: Encodable {
            var formulation: [SkincarePersona]
            var learningOnly: [Learner]
            var skippedPlugins: [SkippedPlugin]
        }

        func run() throws {
            let session = try PluginSession.load(plugins, loading)
            let skincare = session.set.plugins.compactMap(\.contract.formulation).first?.personas ?? []
            let learners = LearningPersona.all(in: session.set)
                .filter { learner in !skincare.contains { $0.id == learner.id } }
                .map { Learner(id: $0.id, name: $0.name, plugin: $0.plugin.name, traits: $0.traits.map(\.name)) }
            if json { return try Output.json(Listing(formulation: skincare, learningOnly: learners, skippedPlugins: session.skipped)) }
            var lines = session.skippedLine.map { [$0] } ?? []
            if skincare.isEmpty {
                lines.append("No formulation domain: no loaded plugin provides ingredients, personas and multipliers.")
            } else {
                var rows = [["ID", "NAME", "SKIN", "CONCERNS", "SENSITIVITY", "SAFETY", "BUDGET"]]
                for p in skincare {
                    rows.append([p.id, p.name, p.skinType, p.primaryConcerns.joined(separator: ", "), p.sensitivityLevel.formatted2,
                                 p.safetyPriority.formatted2, p.budgetPreference])
                }
                lines += Output.columns(rows)
            }
            if !learners.isEmpty {
                lines.append("")
                lines += Output.columns([["LEARNS FROM FEEDBACK", "NAME", "PLUGIN", "TRAITS"]]
                    + learners.map { [$0.id, $0.name, $0.plugin, $0.traits.joined(separator: ", ")] })
            }
            Output.lines(lines)
        }
    }

    /// `persona show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One persona: its profile, the weights and limits its rules give, and its best ingredients.")
        @Argument(help: "The persona id.") var id: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let session = try PluginSession.load(plugins, loading)
            try FormulationContext.reading(session: session, database: database) { learning in try show(learning, session: session) }
        }

        private func show(_ learning: LearningPipeline, session: PluginSession) throws {
            let learned = learning.personas.contains { $0.id == id } ? try LearnedView(pipeline: learning, id: id) : nil
            let domain = session.set.plugins.contains { $0.contract.formulation != nil } ? try FormulationDomain.find(in: session.set) : nil
            let warning = session.skippedLine.map { [$0] } ?? []
            if let domain, domain.personas.contains(where: { $0.id == id }) {
                var pipeline = FormulatePipeline(domain: domain)
                try FormulationContext.applyLearned(learning, to: &pipeline, personas: [id])
                let view = try PersonaView(pipeline: pipeline, id: id, learned: learned)
                if json { return try Output.json(view) }
                Output.lines(warning + view.text.components(separatedBy: "\n"))
            } else if let learned {
                if json { return try Output.json(learned) }
                Output.lines(warning + learned.text.components(separatedBy: "\n"))
            } else {
                let known = Set((domain?.personas.map(\.id) ?? []) + learning.personas.map(\.id)).sorted()
                throw CLIFailure(status: .usage, message: "unknown persona '\(id)'\(Suggestion.phrase(for: id, among: known)); known personas: \(known.joined(separator: ", "))")
            }
        }
    }

    /// `persona compare A B --concerns …`.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The same request under two personas, side by side.")
        @Argument(help: "The first persona.") var first: String
        @Argument(help: "The second persona.") var second: String
        @OptionGroup var request: FormulationRequestOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let session = try PluginSession.load(plugins, loading)
            let learning = try FormulationContext.learning(session: session, database: database, writing: false)
            var pipeline = FormulatePipeline(domain: try FormulationDomain.find(in: session.set))
            try FormulationContext.applyLearned(learning, to: &pipeline, personas: [first, second])
            let comparison = PersonaComparison(first: try pipeline.run(request.request(persona: first)),
                                               second: try pipeline.run(request.request(persona: second)))
            if json { return try Output.json(comparison) }
            Output.lines((session.skippedLine.map { [$0] } ?? []) + comparison.text.components(separatedBy: "\n"))
        }
    }

    /// `persona clusters`.
    struct Clusters: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Group the personas by their profile vectors and name what sets each group apart.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Option(help: "Seed for the clustering.") var seed: UInt64 = 42
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let session = try PluginSession.load(plugins, loading)
            let clusters = PersonaClusters(domain: try FormulationDomain.find(in: session.set), seed: seed)
            if json { return try Output.json(clusters) }
            var lines = session.skippedLine.map { [$0] } ?? []
            lines.append("Personas grouped by profile (\(clusters.algorithm), silhouette \(clusters.silhouette.map(\.formatted2) ?? "n/a"))")
            if let note = clusters.note { lines.append("  \(note)") }
            for (i, group) in clusters.groups.enumerated() {
                lines.append("Group \(i + 1): \(group.personas.joined(separator: ", "))")
                let apart = group.distinguishing.map(\.phrase)
                lines.append("  set apart by: \(apart.isEmpty ? "nothing stands out" : apart.joined(separator: "; "))")
            }
            Output.lines(lines)
        }
    }
}
