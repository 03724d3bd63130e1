import ArgumentParser

/// `dataset mix` (not built yet).
struct DatasetMixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mix", abstract: "Not built yet.")

    func run() throws {
        throw CLIFailure(status: .failure, message: "dataset mix is not built yet")
    }
}
