import ArgumentParser

/// `dataset stats` (not built yet).
struct DatasetStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Not built yet.")

    func run() throws {
        throw CLIFailure(status: .failure, message: "dataset stats is not built yet")
    }
}
