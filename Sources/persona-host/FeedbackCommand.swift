import Builtins
import ArgumentParser
import Foundation
import Host
import Plugins
import LuaBridge

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
        @OptionGroup var loading: PluginLoadOptions

        func run() throws {
            let contextValue = try context.map { try FeedbackValue.object($0, option: "--context") } ?? .object([:])
            let pipeline = try LearningContext(plugins: plugins, loading: loading, database: database).pipeline()
            let id = try pipeline.addInteraction(persona: persona, input: input, output: output, context: contextValue)
            Output.lines([String(id)])
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
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print the outcome as JSON.") var json = false

        func run() throws {
            if let interaction, interaction < 1 {
                throw CLIFailure(status: .usage, message: "--interaction must be an interaction id (1 or more), got \(interaction)")
            }
            let value = try FeedbackValue.parse(value)
            let pipeline = try LearningContext(plugins: plugins, loading: loading, database: database).pipeline()
            let input = FeedbackInput(persona: persona, interactionID: interaction, type: type, target: target,
                                      value: value, location: "--value")
            let outcomes = try pipeline.addFeedback([input])
            if json { return try Output.json(outcomes[0]) }
            Output.lines([outcomes[0].message])
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a JSON Lines file of feedback, all or nothing.",
            discussion: """
                One object per line (UTF-8; Windows line ends and a byte order mark are fine): {"persona", "type",
                "value", "interaction"? (a whole number), "target"?, "time"? (ISO 8601), "source"?, "id"? (your id, a
                string or a number: the same id twice is applied once)}. Every line is checked before any is applied
                (JSON, fields, persona, feedback type, interaction, time); any problem stops the import with its
                line number, and nothing is applied.
                """)
        @Argument(help: "The .jsonl file.") var file: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var loading: PluginLoadOptions
        @Flag(help: "Print every outcome as JSON.") var json = false

        func run() throws {
            let name = (file as NSString).lastPathComponent
            let inputs = try FeedbackValue.lines(try Self.read(file), file: name)
            let pipeline = try LearningContext(plugins: plugins, loading: loading, database: database).pipeline()
            let outcomes: [FeedbackOutcome]
            do {
                outcomes = try pipeline.addFeedback(inputs)
            } catch {
                let message = error.description
                if case .several(_, let total) = error {
                    throw CLIFailure(status: error.exitStatus, message: message + "\n\(name): \(total) problems; nothing was applied")
                }
                throw CLIFailure(status: error.exitStatus, message: message + "; nothing was applied")
            }
            if json { return try Output.json(outcomes) }
            if outcomes.isEmpty { Output.lines(["\(file): no feedback lines; nothing to apply"]); return }
            for outcome in outcomes where outcome.status != "pending" { Output.lines([outcome.message]) }
            let counts = Dictionary(grouping: outcomes, by: \.status).mapValues(\.count)
            Output.lines(["\(file): \(outcomes.count) feedback: " + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")])
        }

        /// The file's bytes, or a usage failure saying why it cannot be read.
        static func read(_ file: String) throws(CLIFailure) -> [UInt8] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
                throw CLIFailure(status: .usage, message: "\(file): no such file")
            }
            guard !isFolder.boolValue else { throw CLIFailure(status: .usage, message: "\(file): is a folder, not a JSON Lines file") }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIFailure(status: .usage, message: "\(file): cannot read the file (check its permissions)")
            }
            return [UInt8](data)
        }
    }
}
