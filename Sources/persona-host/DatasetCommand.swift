import ArgumentParser

/// `persona-host dataset …`: persona-aware training data (seed 003). Tag instruction examples
/// with a persona and traits, measure the result against the plugin's targets, and mix a
/// balanced dataset with its curriculum. The rules come from a plugin's `tagging` table; the
/// streaming, counting and sampling are the host's.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Tag, measure and mix persona-aware training data (JSONL).",
        subcommands: [DatasetTagCommand.self, DatasetStatsCommand.self, DatasetMixCommand.self, DatasetGenerateCommand.self]
    )
}
