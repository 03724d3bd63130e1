import Builtins
import ArgumentParser
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona-host run formulate --persona sensitive_skin --concerns redness,sensitivity`.
struct FormulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formulate",
        abstract: "Design a formula for target concerns under a skincare persona's rules and hard constraints.",
        discussion: """
            Budget is USD of raw materials per kg of product; without --budget the persona's budget
            preference sets it. Exit 0 also when not every concern can be covered: the report says
            which constraint binds (status "partial" or "infeasible" in --json).
            """
    )

    @OptionGroup var request: FormulationRequestOptions
    @Option(help: "The persona whose rules apply (see 'persona-host persona list').") var persona: String
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print the whole formulation as JSON on stdout.") var json = false
    @Flag(help: "Log the formula as an interaction, so its outcome can be fed back (feedback add --type outcome).") var log = false

    func run() throws {
        let context = FormulationContext(plugins: plugins)
        let learning = log || FileManager.default.fileExists(atPath: database.resolvedPath)
            ? try LearningContext(plugins: plugins, database: database).pipeline() : nil
        let pipeline = try context.pipeline(learningFrom: learning, personas: [persona])
        var run = try pipeline.runCLI(request.request(persona: persona))
        if log, let learning, !run.ingredients.isEmpty {
            let ingredients = JSONValue.array(run.ingredients.map { .string($0.id) })
            let levels = JSONValue.object(Dictionary(uniqueKeysWithValues: run.ingredients.map { ($0.id, JSONValue.number($0.level)) }))
            let output = run.ingredients.map { "\($0.id) \($0.level.formatted2)%" }.joined(separator: ", ")
            run.interactionID = try LearningContext.mapping {
                try learning.addInteraction(persona: persona, input: "formulate \(run.request.concerns.joined(separator: ","))", output: output,
                                            context: .object(["ingredients": ingredients, "levels": levels]))
            }
            FileHandle.standardError.write(Data("""
                persona-host: logged as interaction \(run.interactionID!); report how it went with
                  persona-host feedback add --persona \(persona) --interaction \(run.interactionID!) --type outcome --value '{"efficacy": 8, "safety": 9, "user_satisfaction": 7}'

                """.utf8))
        }
        if json {
            try Output.json(run)
        } else {
            print(FormulationReport(run: run).text)
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
        if let budget, !(budget > 0 && budget.isFinite) { throw ValidationError("--budget must be a positive number (USD per kg)") }
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

/// Loads the plugins and finds the formulation domain, turning failures into CLI exits.
struct FormulationContext {
    let plugins: PluginOptions

    func domain() throws -> FormulationDomain {
        let set = try loadSet(from: try plugins.resolve().folder)
        for failure in set.failures {
            FileHandle.standardError.write(Data("persona-host: warning: plugin skipped: \(failure.error.description)\n".utf8))
        }
        do {
            return try FormulationDomain.find(in: set)
        } catch {
            throw CLIFailure(status: error.exitStatus, message: error.description)
        }
    }

    func pipeline() throws -> FormulatePipeline { FormulatePipeline(domain: try domain()) }

    /// A pipeline that applies the active learned multipliers of `personas` (from `feedback add
    /// --type outcome`); with no learning pipeline (no database yet), the declared rules alone.
    func pipeline(learningFrom learning: LearningPipeline?, personas: [String]) throws -> FormulatePipeline {
        var pipeline = try pipeline()
        guard let learning else { return pipeline }
        for id in personas {
            guard let learned = try? LearnedView(pipeline: learning, id: id), learned.versions > 0 else { continue }
            pipeline.learnedMultipliers[id] = learned.multipliers
            pipeline.learnedVersions[id] = learned.version
        }
        return pipeline
    }
}

extension FormulatePipeline {
    /// `run` with failures mapped to CLI exits.
    func runCLI(_ request: FormulationRun.Request) throws -> FormulationRun {
        do {
            return try run(request)
        } catch {
            throw CLIFailure(status: error.exitStatus, message: error.description)
        }
    }
}

extension FormulationError {
    /// Request problems exit 2, plugin problems 3.
    var exitStatus: ExitStatus {
        switch self {
        case .unknownPersona, .unknownConcerns, .badRequest: .usage
        case .noDomain, .plugin: .plugin
        }
    }
}
