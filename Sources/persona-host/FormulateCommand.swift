import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host run formulate --persona sensitive_skin --concerns redness,sensitivity`.
struct FormulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formulate",
        abstract: "Design a formula for target concerns under a skincare persona's rules and hard constraints.",
        usage: "persona-host run formulate --persona <persona> --concerns <list> [<options>]",
        discussion: """
            Budget is USD of raw materials per kg of product; without --budget the persona's budget
            preference sets it. Exit 0 also when not every concern can be covered: the report says
            which constraint binds (status "partial" or "infeasible" in --json). The persona's
            learned multipliers (from feedback) apply when the database holds any.
            Options of every command (--config, --quiet, --verbose, --color): see 'persona-host --help'.
            """
    )

    @OptionGroup var request: FormulationRequestOptions
    @Option(help: "The persona whose rules apply (see 'persona-host persona list').") var persona: String
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var loading: PluginLoadOptions
    @OptionGroup var database: DatabaseOptions
    @Flag(inversion: .prefixedNo, help: "Print the whole formulation as JSON on stdout (default: the config file's json, else no).") var json: Bool?
    @Flag(help: "Log the formula as an interaction, so its outcome can be fed back (feedback add --type outcome).") var log = false

    func run() throws {
        let session = try PluginSession.load(plugins, loading)
        let learning = try FormulationContext.learning(session: session, database: database, writing: log)
        var pipeline = FormulatePipeline(domain: try FormulationDomain.find(in: session.set))
        try FormulationContext.applyLearned(learning, to: &pipeline, personas: [persona])
        var run = try pipeline.run(request.request(persona: persona))
        run.skippedPlugins = session.skipped
        if log, let learning, !run.ingredients.isEmpty {
            let ingredients = JSONValue.array(run.ingredients.map { .string($0.id) })
            let levels = JSONValue.object(Dictionary(uniqueKeysWithValues: run.ingredients.map { ($0.id, JSONValue.number($0.level)) }))
            let output = run.ingredients.map { "\($0.id) \(NumberFormat.value($0.level))%" }.joined(separator: ", ")
            let id = try learning.addInteraction(persona: persona, input: "formulate \(run.request.concerns.joined(separator: ","))", output: output,
                                                 context: .object(["ingredients": ingredients, "levels": levels]))
            run.interactionID = id
            Output.info("""
                logged as interaction \(id); report how it went with
                  persona-host feedback add --persona \(persona) --interaction \(id) --type outcome --value '{"efficacy": 8, "safety": 9, "user_satisfaction": 7}'
                """)
        }
        if json ?? Settings.current.config?.json ?? false {
            try Output.json(run)
        } else {
            Output.lines((session.skippedLine.map { [$0] } ?? []) + FormulationReport(run: run).text.components(separatedBy: "\n"))
        }
    }
}

/// The request options `run formulate` and `persona compare` share.
struct FormulationRequestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Target concerns, comma-separated (redness,sensitivity).", valueName: "list"))
    var concerns: String
    @Option(name: .customLong("skin-type"), help: "Skin type for this request (default: the persona's).") var skinType: String?
    @Option(help: "Raw-material budget, USD per kg of product (default: from the persona's budget preference).") var budget: Double?
    @Option(help: ArgumentHelp("Ingredient ids or tags never to use, comma-separated.", valueName: "list")) var exclude: String?

    func validate() throws {
        if let budget, !(budget > 0 && budget.isFinite && budget <= 1e9) {
            throw ValidationError("--budget must be a positive number of USD per kg, at most 1e9")
        }
        if list(concerns).isEmpty { throw ValidationError("--concerns needs at least one concern, e.g. --concerns redness,sensitivity") }
    }

    func request(persona: String) -> FormulationRun.Request {
        FormulationRun.Request(persona: persona, concerns: list(concerns), skinType: skinType, budget: budget,
                               exclude: exclude.map(list) ?? [])
    }

    private func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }
}

/// Learned multipliers for the formulation commands, from the learning state in the database.
enum FormulationContext {
    /// The learning pipeline over the command's plugins and database: nil when the database does
    /// not exist yet and the command only reads (no learning state to apply).
    static func learning(session: PluginSession, database: DatabaseOptions, writing: Bool) throws -> LearningPipeline? {
        guard let db = try database.open(writing ? .write : .read) else { return nil }
        return try LearningPipeline(plugins: session.set, database: db)
    }

    /// Runs `body` with the learning state of a command that only reads: the database's, or, when
    /// there is no database yet, an empty one in the temporary folder (removed afterwards), so
    /// looking never creates a database.
    static func reading<T>(session: PluginSession, database: DatabaseOptions, _ body: (LearningPipeline) throws -> T) throws -> T {
        if let learning = try learning(session: session, database: database, writing: false) { return try body(learning) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }  // best effort: a leftover empty folder in /tmp harms nothing
        let empty = try PersonaDatabase(path: folder.appendingPathComponent("empty.sqlite").path)
        return try body(try LearningPipeline(plugins: session.set, database: empty))
    }

    /// Applies each persona's learned multipliers (its active version's `multiplier.<id>` traits);
    /// a learning state that cannot be read is an error, never a silently unlearned persona.
    static func applyLearned(_ learning: LearningPipeline?, to pipeline: inout FormulatePipeline, personas: [String]) throws {
        guard let learning else { return }
        for id in personas {
            guard let learned = try learning.learnedMultipliers(of: id) else { continue }
            pipeline.learnedMultipliers[id] = learned.multipliers
            pipeline.learnedVersions[id] = learned.version
        }
    }
}
