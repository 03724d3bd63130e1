import Foundation

/// A `persona-host serve` child process: started, its address read from its first line
/// ("persona-host: serving on http://HOST:PORT"), stopped with SIGTERM (SIGKILL after 10 s).
final class ServeProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let output = Pipe()
    private let log: URL

    init(binary: URL, arguments: [String]) {
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = output
        log = FileManager.default.temporaryDirectory.appendingPathComponent("persona-bench-serve-\(UUID().uuidString).log")
    }

    /// Starts the server and waits (at most 60 s) for the address it serves on.
    func start() throws -> URL {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let reader = output.fileHandleForReading
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
            if let end = line.firstIndex(of: 10) {
                let text = String(decoding: line[..<end], as: UTF8.self)
                guard let range = text.range(of: "serving on "), let url = URL(string: String(text[range.upperBound...])) else {
                    throw Failure(description: "unexpected first line from serve: \(text)")
                }
                return url
            }
        }
        let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw Failure(description: "serve did not say where it serves; its stderr:\n\(errors.suffix(2000))")
    }

    /// Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its log.
    func stop() {
        defer { try? FileManager.default.removeItem(at: log) }
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
