@testable import Builtins
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Testing
import TestSupport

/// `kill -9` of the server while it saves runs leaves the database consistent: the integrity
/// check passes, every saved run has all of its members, and a restarted server serves again.
@Suite struct ServeCrashTests {
    /// Starts `persona-host serve --port 0` on `db`; the process and the address it serves on.
    static func start(db: String) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--port", "0", "--no-watch", "--db", db, "--plugins", Support.plugins.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard first.hasPrefix("persona-host: serving on "), let url = URL(string: String(first.dropFirst("persona-host: serving on ".count))) else {
            process.terminate()
            throw ServeStartFailure(description: "serve did not start: \(first)")
        }
        return (process, url)
    }

    @Test func killDuringWritesLeavesNoHalfSavedRun() async throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("users.sqlite").path
        let generated = try await Support.offThePool { try CLIRunner.run(["data", "generate", "--rows", "20000", "--seed", "3", "--db", db]) }
        #expect(generated.status == 0)
        let (server, url) = try await Support.offThePool { try Self.start(db: db) }
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

        // Eight clients save runs back to back; the server is killed while they are at it.
        // (No task is cancelled: cancelling a URLSession task mid-flight can crash FoundationNetworking
        // on Linux; after the kill each client's next request fails at once and it stops.)
        let goals = url.appendingPathComponent("v1/goals")
        let clients = (0..<8).map { i in
            Task {
                let session = URLSession(configuration: .ephemeral)
                var request = URLRequest(url: goals, timeoutInterval: 20)
                request.httpMethod = "POST"
                request.httpBody = Data(#"{"goal": "\#(["budget families", "Gen Z Moms", "millennial dads", "parents"][i % 4])"}"#.utf8)
                for _ in 0..<50 {
                    guard (try? await session.data(for: request)) != nil else { break }
                }
            }
        }
        // Killed once a first run is saved (the clients go on saving), however slow the machine.
        let runsURL = url.appendingPathComponent("v1/runs")
        let watcher = URLSession(configuration: .ephemeral)
        for _ in 0..<600 {
            if let (data, _) = try? await watcher.data(from: runsURL),
               let saved = try? JSONSerialization.jsonObject(with: data) as? [Any], !saved.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .milliseconds(200))
        kill(server.processIdentifier, SIGKILL)
        try await Support.offThePool { server.waitUntilExit() }
        for client in clients { _ = await client.result }

        let database = try PersonaDatabase(path: db, mode: .mustExist)
        let (integrity, runs) = try database.read("checking the database after the kill") { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try Row.fetchAll(db, sql: "SELECT id, matched_rows FROM runs"))
        }
        #expect(integrity == ["ok"])
        #expect(!runs.isEmpty, "no run was saved before the kill: the test did not exercise anything")
        for run in runs {
            let id: Int64 = run["id"]
            let export = try await Support.offThePool { try CLIRunner.run(["runs", "export", String(id), "--db", db]) }
            #expect(export.status == 0, "\(export.stderr)")
            let members = export.stdout.split(separator: "\n").count - 1
            #expect(members == run["matched_rows"], "run \(id) has \(members) members of \(run["matched_rows"] as Int)")
        }

        // A restarted server serves again, on the same database.
        let (again, address) = try await Support.offThePool { try Self.start(db: db) }
        defer { again.terminate(); again.waitUntilExit() }
        let (_, response) = try await URLSession.shared.data(from: address.appendingPathComponent("health"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
    }
}

/// `serve` did not print where it serves.
struct ServeStartFailure: Error, CustomStringConvertible {
    var description: String
}
