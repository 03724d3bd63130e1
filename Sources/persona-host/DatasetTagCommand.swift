import ArgumentParser

/// `dataset tag` (not built yet).
struct DatasetTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Not built yet.")

    func run() throws {
        throw CLIFailure(status: .failure, message: "dataset tag is not built yet")
    }
}
