import ArgumentParser

/// `persona-host run goal|formulate …`: the pipelines, each a subcommand with its own options,
/// help (`persona-host help run goal`, `run goal --help`), usage line and shell completion.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline: goal (personas for a goal) or formulate (a skincare formula).",
        subcommands: [GoalCommand.self, FormulateCommand.self]
    )

    /// `persona-host run` alone names no pipeline: a usage error (exit 2) that lists them.
    func run() throws {
        let names = Self.configuration.subcommands.map { $0._commandName }
        throw CLIFailure(status: .usage, message: "run needs a pipeline: \(names.joined(separator: " or ")) (see 'persona-host help run')")
    }
}
