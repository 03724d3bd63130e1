import Builtins
import ArgumentParser
import Foundation
import Host
import Plugins
import LuaBridge

/// Loads plugins and opens the database for the learning commands, mapping failures to exits.
struct LearningContext {
    let plugins: PluginOptions
    let database: DatabaseOptions

    func pipeline() throws -> LearningPipeline {
        let set = try loadSet(from: try plugins.resolve().folder)
        for failure in set.failures {
            FileHandle.standardError.write(Data("persona-host: warning: plugin skipped: \(failure.error.description)\n".utf8))
        }
        return try LearningContext.mapping { try LearningPipeline(plugins: set, database: try database.open()) }
    }

    /// Runs `body` with a pipeline for a command that only reads: when the database does not exist
    /// it reads an empty one in the temporary folder (removed afterwards), so looking never
    /// creates `persona-host.sqlite`.
    func reading<T>(_ body: (LearningPipeline) throws -> T) throws -> T {
        if FileManager.default.fileExists(atPath: database.resolvedPath) { return try body(try pipeline()) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var empty = database
        empty.path = folder.appendingPathComponent("empty.sqlite").path
        return try body(try LearningContext(plugins: plugins, database: empty).pipeline())
    }

    /// Runs `body`, turning a `LearningError` into a CLI exit.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LearningError {
            throw CLIFailure(status: error.exitStatus, message: error.description)
        }
    }
}

extension LearningError {
    /// Input problems exit 2, plugin problems 3, storage 1.
    var exitStatus: ExitStatus {
        switch self {
        case .unknownPersona, .unknownType, .badFeedback, .unknownVersion: .usage
        case .plugin: .plugin
        case .storage: .failure
        case .located(_, let error): error.exitStatus
        }
    }
}

/// `persona-host interactions add --persona echo --input … --output …`.
struct InteractionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "interactions", abstract: "Log interactions feedback can refer to.",
                                                    subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log one interaction and print its id.")
        @Option(help: "The persona that answered.") var persona: String
        @Option(help: "What it was asked.") var input: String
        @Option(help: "What it answered.") var output: String
        @Option(help: ArgumentHelp("Context as a JSON object, e.g. '{\"ingredients\": [\"niacinamide\"]}'.", valueName: "json")) var context: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions

        func run() throws {
            var contextValue = JSONValue.object([:])
            if let context {
                guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(context.utf8)), case .object = parsed else {
                    throw CLIFailure(status: .usage, message: "--context must be a JSON object")
                }
                contextValue = parsed
            }
            let pipeline = try LearningContext(plugins: plugins, database: database).pipeline()
            let id = try LearningContext.mapping { try pipeline.addInteraction(persona: persona, input: input, output: output, context: contextValue) }
            print(id)
        }
    }
}

/// `persona-host feedback add|import`.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedback", abstract: "Give personas feedback they learn from.",
                                                    subcommands: [Add.self, Import.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give one feedback; prints what moved.",
            discussion: """
                --value is text (too_formal, a corrected message, free text), a number (a rating) or JSON
                ({"chosen": "…", "rejected": "…"}; {"efficacy": 8, "safety": 9, "user_satisfaction": 7, "ingredients": [...]}).
                """)
        @Option(help: "The persona.") var persona: String
        @Option(help: "The interaction it is about.") var interaction: Int64?
        @Option(help: "categorical, rating, correction, comparative, freeform or outcome.") var type: String
        @Option(help: "What the feedback targets (entire_response, a sentence, …).") var target: String?
        @Option(help: "The feedback's value.") var value: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print the outcome as JSON.") var json = false

        func run() throws {
            let pipeline = try LearningContext(plugins: plugins, database: database).pipeline()
            let input = FeedbackInput(persona: persona, interactionID: interaction, type: type, target: target,
                                      value: FeedbackValue.parse(value), location: "--value")
            let outcomes = try LearningContext.mapping { try pipeline.addFeedback([input]) }
            if json { return try Output.json(outcomes[0]) }
            print(outcomes[0].message)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a JSON Lines file of feedback, all or nothing.",
            discussion: """
                One object per line: {"persona", "type", "value", "interaction"?, "target"?, "time"? (ISO 8601),
                "source"?, "id"? (your id: the same id twice is applied once)}. Any bad line stops the import
                with its line number, and nothing is applied.
                """)
        @Argument(help: "The .jsonl file.") var file: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @Flag(help: "Print every outcome as JSON.") var json = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIFailure(status: .usage, message: "\(file): cannot read the file")
            }
            let inputs = try FeedbackValue.lines(String(decoding: data, as: UTF8.self), file: (file as NSString).lastPathComponent)
            let pipeline = try LearningContext(plugins: plugins, database: database).pipeline()
            let outcomes = try LearningContext.mapping { try pipeline.addFeedback(inputs) }
            if json { return try Output.json(outcomes) }
            for outcome in outcomes where outcome.status != "pending" { print(outcome.message) }
            let counts = Dictionary(grouping: outcomes, by: \.status).mapValues(\.count)
            print("\(file): \(outcomes.count) feedback: " + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
    }
}
