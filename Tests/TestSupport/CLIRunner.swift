import Foundation

/// Runs the built `persona-host` binary as a user would, capturing stdout, stderr and the exit code.
public struct CLIRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary built next to the test bundle, or `$PERSONA_HOST_TEST_BINARY` (to run the CLI tests
    /// against another build, e.g. to show that a new test fails on the previous release).
    public static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["PERSONA_HOST_TEST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("persona-host")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return Support.repository.appendingPathComponent(".build/debug/persona-host")
    }()

    public static func run(_ arguments: [String], in directory: URL = Support.repository, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["PERSONA_HOST_PLUGINS"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
