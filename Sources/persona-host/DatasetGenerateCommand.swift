import ArgumentParser

/// `dataset generate` (not built yet).
struct DatasetGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Not built yet.")

    func run() throws {
        throw CLIFailure(status: .failure, message: "dataset generate is not built yet")
    }
}
