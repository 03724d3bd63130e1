import ArgumentParser

/// `persona-host run goal|formulate …`: the pipelines, each a subcommand with its own options,
/// help (`persona-host help run goal`, `run goal --help`), usage line and shell completion.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline: goal (personas for a goal) or formulate (a skincare formula).",
        subcommands: [GoalCommand.self, FormulateCommand.self]
    )
}
