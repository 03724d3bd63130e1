import Builtins
import ArgumentParser
import Host
import Plugins
import LuaBridge

/// `persona-host run PIPELINE …`: runs a named pipeline with its own options.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline (see the list below).",
        discussion: "Pipelines: \(RunCommand.pipelines.keys.sorted().joined(separator: ", "))"
    )

    /// Every pipeline the CLI knows, by the name `run` takes.
    static let pipelines: [String: any ParsableCommand.Type] = ["goal": GoalCommand.self, "formulate": FormulateCommand.self]

    @Argument(help: "The pipeline to run.") var pipeline: String
    @Argument(parsing: .captureForPassthrough, help: "The pipeline's own arguments.") var arguments: [String] = []

    func run() throws {
        guard let command = RunCommand.pipelines[pipeline] else {
            let known = RunCommand.pipelines.keys.sorted()
            let list = known.isEmpty ? "none are available in this build" : "known pipelines: \(known.joined(separator: ", "))"
            throw CLIFailure(status: .usage, message: "unknown pipeline '\(pipeline)'; \(list)")
        }
        var parsed: any ParsableCommand
        do {
            parsed = try command.parseAsRoot(arguments)
        } catch {
            let status = CommandLineEntry.report(error, of: command)
            if status == 0 { return }
            throw CLIFailure(status: ExitStatus(rawValue: status) ?? .usage, message: "see 'persona-host run \(pipeline) --help'")
        }
        try parsed.run()
    }
}
