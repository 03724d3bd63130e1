import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host persona …`: every kind of persona, with the same commands: those the plugins
/// declare (the formulation domain's skincare personas, and those that learn from feedback,
/// by id: `anti_aging`, `echo`) and those goal runs produced (by `run:RUN/N`, see ``RunPersonaID``).
struct PersonaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persona",
        abstract: "List, show, compare and cluster personas; their history and rollback.",
        discussion: """
            A persona is a named group with a profile. Skincare and learning personas are declared by plugins             and named by id (anti_aging, echo); the personas a goal run produces are named run:RUN/N             (persona N of saved run RUN, largest first: run:3/2). persona list --runs lists them.
            """,
        subcommands: [List.self, Show.self, Compare.self, Clusters.self, History.self, Rollback.self]
    )

    /// `persona list`, `persona list --runs`, `persona list --run ID`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every persona the plugins declare (skincare, learning); with --runs, every persona of the saved goal runs.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "List the personas of the saved goal runs (run:RUN/N ids) instead.") var runs = false
        @Option(name: .customLong("run"), help: "List the personas of this saved run only (implies --runs).") var onlyRun: Int64?
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
            if runs || onlyRun != nil { return try listRunPersonas() }
            let session = try PluginSession.load(plugins, loading)
            let listing = Self.listing(session.set, skipped: session.skipped)
            let (skincare, learners) = (listing.formulation, listing.learningOnly)
            if json { return try Output.json(listing) }
            var lines = session.skippedLine.map { [$0] } ?? []
            if skincare.isEmpty {
                lines.append("No formulation domain: no loaded plugin provides ingredients, personas and multipliers.")
            } else {
                var rows = [["ID", "NAME", "SKIN", "CONCERNS", "SENSITIVITY", "SAFETY", "BUDGET"]]
                for p in skincare {
                    rows.append([p.id, p.name, p.skinType, p.primaryConcerns.joined(separator: ", "), NumberFormat.score(p.sensitivityLevel),
                                 NumberFormat.score(p.safetyPriority), p.budgetPreference])
                }
                lines += Output.columns(rows)
            }
            if !learners.isEmpty {
                lines.append("")
                lines += Output.columns([["LEARNS FROM FEEDBACK", "NAME", "PLUGIN", "TRAITS"]]
                    + learners.map { [$0.id, $0.name, $0.plugin, $0.traits.joined(separator: ", ")] })
            }
            if let db = try database.open(.read) {
                let saved = try RunStore(database: db).list().filter { $0.pipeline == "goal" }
                let count = saved.reduce(0) { $0 + $1.personaCount }
                if count > 0 {
                    lines.append("")
                    lines.append("Goal runs produced \(NumberFormat.count(count)) more persona(s) in \(NumberFormat.count(saved.count)) saved run(s): "
                                 + "persona-host persona list --runs (ids run:RUN/N).")
                }
            }
            Output.lines(lines)
        }

        /// The plugin-declared personas (`--json`, and `persona-host serve`'s `/v1/personas`).
        static func listing(_ set: PluginSet, skipped: [SkippedPlugin]) -> Listing {
            let skincare = set.plugins.compactMap(\.contract.formulation).first?.personas ?? []
            let learners = LearningPersona.all(in: set)
                .filter { learner in !skincare.contains { $0.id == learner.id } }
                .map { Learner(id: $0.id, name: $0.name, plugin: $0.plugin.name, traits: $0.traits.map(\.name)) }
            return Listing(formulation: skincare, learningOnly: learners, skippedPlugins: skipped)
        }

        private func listRunPersonas() throws {
            let saved = SavedRuns(database: try database.openExisting())
            let listings = RunPersonaListing.all(try onlyRun.map { [try saved.goalRun($0)] } ?? saved.all())
            if json { return try Output.json(listings) }
            Output.lines(RunPersonaListing.lines(listings))
        }
    }

    /// `persona show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One persona: a skincare persona's profile, rules and best ingredients; a learning persona's traits; "
                + "a goal-run persona's (run:RUN/N) size, traits and feature profile.")
        @Argument(help: "The persona id (anti_aging, echo, run:3/2).") var id: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            if RunPersonaID.isRunPersona(id) {
                // Read from the saved run: no plugin runs, so none is loaded.
                let (run, persona) = try SavedRuns(database: try database.openExisting()).persona(try RunPersonaID(parsing: id))
                let view = RunPersonaView(run: run, persona: persona)
                if json { return try Output.json(view) }
                return Output.lines(view.text.components(separatedBy: "\n"))
            }
            let session = try PluginSession.load(plugins, loading)
            try FormulationContext.reading(session: session, database: database) { learning in try show(learning, session: session) }
        }

        private func show(_ learning: LearningPipeline, session: PluginSession) throws {
            let warning = session.skippedLine.map { [$0] } ?? []
            switch try Self.find(id, learning: learning, set: session.set) {
            case .skincare(let view):
                if json { return try Output.json(view) }
                Output.lines(warning + view.text.components(separatedBy: "\n"))
            case .learning(let learned):
                if json { return try Output.json(learned) }
                Output.lines(warning + learned.text.components(separatedBy: "\n"))
            }
        }

        /// A plugin-declared persona as `persona show` finds it.
        enum Found {
            case skincare(PersonaView)
            case learning(LearnedView)
        }

        /// The skincare persona `id` (with what it learned), else the learning persona `id`
        /// (`persona show`, and `persona-host serve`'s `/v1/personas/{id}`).
        /// - Throws: a usage failure naming the known personas when there is none.
        static func find(_ id: String, learning: LearningPipeline, set: PluginSet) throws -> Found {
            let learned = learning.personas.contains { $0.id == id } ? try LearnedView(pipeline: learning, id: id) : nil
            let domain = set.plugins.contains { $0.contract.formulation != nil } ? try FormulationDomain.find(in: set) : nil
            if let domain, domain.personas.contains(where: { $0.id == id }) {
                var pipeline = FormulatePipeline(domain: domain)
                try FormulationContext.applyLearned(learning, to: &pipeline, personas: [id])
                return .skincare(try PersonaView(pipeline: pipeline, id: id, learned: learned))
            } else if let learned {
                return .learning(learned)
            } else {
                let known = Set((domain?.personas.map(\.id) ?? []) + learning.personas.map(\.id)).sorted()
                throw CLIFailure(status: .usage, message: "unknown persona '\(id)'\(Suggestion.phrase(for: id, among: known)); known personas: \(known.joined(separator: ", "))"
                                 + "; goal-run personas are run:RUN/N (persona-host persona list --runs)")
            }
        }
    }

    /// `persona compare A B --concerns …` (skincare) or `persona compare run:3/1 run:3/2` (goal runs).
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Two personas side by side: skincare personas under the same request (--concerns), "
                + "goal-run personas (run:RUN/N) by size and feature z-scores.")
        @Argument(help: "The first persona.") var first: String
        @Argument(help: "The second persona.") var second: String
        @Option(help: ArgumentHelp("Skincare: target concerns, comma-separated (redness,sensitivity).", valueName: "list"))
        var concerns: String?
        @Option(name: .customLong("skin-type"), help: "Skincare: skin type for this request (default: the persona's).") var skinType: String?
        @Option(help: "Skincare: raw-material budget, USD per kg of product (default: from the persona's budget preference).") var budget: Double?
        @Option(help: ArgumentHelp("Skincare: ingredient ids or tags never to use, comma-separated.", valueName: "list")) var exclude: String?
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON on stdout.") var json = false

        func run() throws {
            switch (RunPersonaID.isRunPersona(first), RunPersonaID.isRunPersona(second)) {
            case (true, true):
                return try compareRunPersonas()
            case (false, false):
                break
            default:
                throw CLIFailure(status: .usage, message: "cannot compare \(first) with \(second): one is a goal-run persona (run:RUN/N) "
                                 + "and the other is declared by a plugin; compare two goal-run personas, or two skincare personas")
            }
            let request = try skincareRequest()
            let session = try PluginSession.load(plugins, loading)
            let learning = try FormulationContext.learning(session: session, database: database, writing: false)
            var pipeline = FormulatePipeline(domain: try FormulationDomain.find(in: session.set))
            try FormulationContext.applyLearned(learning, to: &pipeline, personas: [first, second])
            let comparison = PersonaComparison(first: try pipeline.run(request.request(persona: first)),
                                               second: try pipeline.run(request.request(persona: second)))
            if json { return try Output.json(comparison) }
            Output.lines((session.skippedLine.map { [$0] } ?? []) + comparison.text.components(separatedBy: "\n"))
        }

        private func compareRunPersonas() throws {
            let skincareOptions = [("--concerns", concerns != nil), ("--skin-type", skinType != nil), ("--budget", budget != nil), ("--exclude", exclude != nil)]
            if let given = skincareOptions.first(where: \.1) {
                throw CLIFailure(status: .usage, message: "\(given.0) applies to skincare personas; goal-run personas are compared by their features")
            }
            let saved = SavedRuns(database: try database.openExisting())
            let (runA, a) = try saved.persona(try RunPersonaID(parsing: first))
            let (runB, b) = try saved.persona(try RunPersonaID(parsing: second))
            let comparison = RunPersonaComparison(first: RunPersonaView(run: runA, persona: a), second: RunPersonaView(run: runB, persona: b))
            if json { return try Output.json(comparison) }
            Output.lines(comparison.text.components(separatedBy: "\n"))
        }

        /// The skincare request, as `run formulate` reads it (--concerns is required here).
        private func skincareRequest() throws -> FormulationRequestOptions {
            guard let concerns else {
                throw CLIFailure(status: .usage, message: "comparing skincare personas needs --concerns (e.g. --concerns redness,sensitivity)")
            }
            var arguments = ["--concerns", concerns]
            if let skinType { arguments += ["--skin-type", skinType] }
            if let budget { arguments += ["--budget", String(budget)] }
            if let exclude { arguments += ["--exclude", exclude] }
            do {
                return try FormulationRequestOptions.parse(arguments)
            } catch {
                throw CLIFailure(status: .usage, message: FormulationRequestOptions.message(for: error))
            }
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
            lines.append("Personas grouped by profile (\(clusters.algorithm), silhouette \(clusters.silhouette.map(NumberFormat.score) ?? "n/a"))")
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
