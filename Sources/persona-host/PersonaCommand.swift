import Builtins
import ArgumentParser
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona-host persona …`: the skincare personas the domain plugin declares.
struct PersonaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persona",
        abstract: "List, show, compare and cluster the formulation domain's personas.",
        subcommands: [List.self, Show.self, Compare.self, Clusters.self, History.self, Rollback.self]
    )

    /// `persona list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every persona: the formulation domain's (one file each) and those that only learn from feedback.")
        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        /// A persona that learns from feedback but has no skincare profile (echo).
        struct Learner: Encodable {
            var id: String
            var name: String
            var plugin: String
            var traits: [String]
        }

        /// `{ "formulation": [...], "learning_only": [...] }`.
        struct Listing: Encodable {
            var formulation: [SkincarePersona]
            var learningOnly: [Learner]
        }

        func run() throws {
            let set = try loadSet(from: try plugins.resolve().folder)
            let domain = try? FormulationDomain.find(in: set)
            let skincare = domain?.personas ?? []
            let learners = ((try? LearningPersona.all(in: set)) ?? [])
                .filter { learner in !skincare.contains { $0.id == learner.id } }
                .map { Learner(id: $0.id, name: $0.name, plugin: $0.plugin.name, traits: $0.traits.map(\.name)) }
            if json { return try Output.json(Listing(formulation: skincare, learningOnly: learners)) }
            var rows = [["ID", "NAME", "SKIN", "CONCERNS", "SENSITIVITY", "SAFETY", "BUDGET"]]
            for p in skincare {
                rows.append([p.id, p.name, p.skinType, p.primaryConcerns.joined(separator: ", "), p.sensitivityLevel.formatted2,
                             p.safetyPriority.formatted2, p.budgetPreference])
            }
            var lines = skincare.isEmpty ? ["No formulation domain is loaded."] : Output.columns(rows)
            if !learners.isEmpty {
                lines.append("")
                lines += Output.columns([["LEARNS FROM FEEDBACK", "NAME", "PLUGIN", "TRAITS"]]
                    + learners.map { [$0.id, $0.name, $0.plugin, $0.traits.joined(separator: ", ")] })
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// `persona show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One persona: its profile, the weights and limits its rules give, and its best ingredients.")
        @Argument(help: "The persona id.") var id: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            try LearningContext(plugins: plugins, database: database).reading { learning in try show(learning) }
        }

        private func show(_ learning: LearningPipeline) throws {
            let learned = try? LearnedView(pipeline: learning, id: id)
            let domain = try? FormulationContext(plugins: plugins).domain()
            if let domain, domain.personas.contains(where: { $0.id == id }) {
                var pipeline = FormulatePipeline(domain: domain)
                pipeline.learnedMultipliers = learned.map { [id: $0.multipliers] } ?? [:]
                let view: PersonaView
                do {
                    view = try PersonaView(pipeline: pipeline, id: id, learned: learned)
                } catch {
                    throw CLIFailure(status: error.exitStatus, message: error.description)
                }
                if json { return try Output.json(view) }
                print(view.text)
            } else if let learned {
                if json { return try Output.json(learned) }
                print(learned.text)
            } else {
                let known = (domain?.personas.map(\.id) ?? []) + learning.personas.map(\.id)
                throw CLIFailure(status: .usage, message: "unknown persona '\(id)'; known personas: \(Set(known).sorted().joined(separator: ", "))")
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
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let learning = FileManager.default.fileExists(atPath: database.resolvedPath)
                ? try LearningContext(plugins: plugins, database: database).pipeline() : nil
            let pipeline = try FormulationContext(plugins: plugins).pipeline(learningFrom: learning, personas: [first, second])
            let a = try pipeline.runCLI(request.request(persona: first))
            let b = try pipeline.runCLI(request.request(persona: second))
            let comparison = PersonaComparison(first: a, second: b)
            if json { return try Output.json(comparison) }
            print(comparison.text)
        }
    }

    /// `persona clusters`.
    struct Clusters: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Group the personas by their profile vectors and name what sets each group apart.")
        @OptionGroup var plugins: PluginOptions
        @Option(help: "Seed for the clustering.") var seed: UInt64 = 42
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            let clusters = PersonaClusters(domain: try FormulationContext(plugins: plugins).domain(), seed: seed)
            if json { return try Output.json(clusters) }
            var lines = ["Personas grouped by profile (\(clusters.algorithm), silhouette \(clusters.silhouette.map(\.formatted2) ?? "n/a"))"]
            if let note = clusters.note { lines.append("  \(note)") }
            for (i, group) in clusters.groups.enumerated() {
                lines.append("Group \(i + 1): \(group.personas.joined(separator: ", "))")
                let apart = group.distinguishing.map(\.phrase)
                lines.append("  set apart by: \(apart.isEmpty ? "nothing stands out" : apart.joined(separator: "; "))")
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
