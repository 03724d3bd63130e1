import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport
@testable import persona_host

/// Hot reload over HTTP: a broken set never serves, and requests in flight during reloads each
/// run on one generation; and the built binary's `serve --port 0`, started and stopped.
@Suite(.serialized) struct ServeReloadTests {
    /// A copy of the repository's plugins, to break.
    static func pluginsCopy() throws -> URL {
        let folder = try Support.temporaryFolder()
        let copy = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.plugins, to: copy)
        return copy
    }

    @Test func aBrokenSetKeepsTheLastGoodGenerationServingAndIsReportedEverywhere() async throws {
        let plugins = try Self.pluginsCopy()
        defer { try? FileManager.default.removeItem(at: plugins.deletingLastPathComponent()) }
        let client = try await ServeClient.start(plugins: plugins)
        do {
            let file = plugins.appendingPathComponent("audience/init.lua")
            let good = try String(contentsOf: file, encoding: .utf8)
            try (good + "\nthis is not lua\n").write(to: file, atomically: true, encoding: .utf8)
            let lines = good.split(separator: "\n", omittingEmptySubsequences: false).count + 1

            let refused = try await client.post("/v1/plugins/reload")
            #expect(refused.status == 422, "\(refused.text)")
            #expect(refused.error["code"] as? String == "plugin")
            #expect((refused.error["file"] as? String)?.hasSuffix("audience/init.lua") == true, "\(refused.text)")
            #expect(refused.error["line"] as? Int == lines, "\(refused.text)")

            let health = try await client.get("/health")
            #expect(health.status == 200 && health.json["status"] as? String == "degraded")
            #expect((health.json["plugins"] as? [String: Any])?["generation"] as? Int == 1)
            #expect((health.json["plugins"] as? [String: Any])?["failed"] as? Int == 1)
            let listing = try await client.get("/v1/plugins")
            let last = listing.json["last_reload"] as? [String: Any]
            #expect(last?["ok"] as? Bool == false && listing.json["generation"] as? Int == 1)
            #expect(((last?["failures"] as? [[String: Any]])?.first?["file"] as? String)?.hasSuffix("audience/init.lua") == true)

            // The last good generation still runs goals, with the audience plugin's rules.
            let run = try await client.post("/v1/goals", json: #"{"goal": "Gen Z Moms", "k": 2}"#)
            #expect(run.status == 201, "\(run.text)")

            try good.write(to: file, atomically: true, encoding: .utf8)
            let fixed = try await client.post("/v1/plugins/reload")
            #expect(fixed.status == 200 && fixed.json["generation"] as? Int == 2, "\(fixed.text)")
            #expect(try await client.get("/health").json["status"] as? String == "ok")
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }

    @Test func concurrentGoalsDuringReloadsEachRunOnOneGeneration() async throws {
        let client = try await ServeClient.start()
        do {
            let answers = try await withThrowingTaskGroup(of: ServeClient.Answer.self) { group in
                for i in 0..<4 {
                    group.addTask { try await client.post("/v1/goals", json: #"{"goal": "Gen Z Moms", "k": 2, "seed": \#(i)}"#) }
                    group.addTask { try await client.post("/v1/plugins/reload") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let runs = answers.filter { $0.json["run_id"] != nil }
            #expect(runs.count == 4 && answers.allSatisfy { $0.status == 200 || $0.status == 201 }, "\(answers.map(\.text))")
            // Each run names the one generation it ran on, from start to save.
            for run in runs {
                let from = ((run.json["settings"] as? [String: Any])?["plugins_folder_from"] as? String) ?? ""
                #expect(from.contains("plugin generation "), "\(run.text.prefix(400))")
            }
            #expect(try await client.get("/v1/plugins").json["generation"] as? Int == 5)
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }

    @Test func theBinaryRefusesToStartOnABrokenFolderWithExit3() throws {
        let plugins = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: plugins) }
        try Support.write(["broken.lua": "return {\n  name = \"broken\",\n  oops(\n}\n"], in: plugins)
        let (folder, _) = try ServeClient.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["serve", "--port", "0", "--no-watch", "--plugins", plugins.path,
                                        "--db", folder.appendingPathComponent("users.sqlite").path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("broken.lua:4") && result.stderr.contains("the server did not start"), "\(result.stderr)")
    }

    @Test func theBinaryPrintsItsAddressServesAndStopsOnSIGTERM() async throws {
        let (folder, _) = try ServeClient.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--port", "0", "--no-watch", "--db", folder.appendingPathComponent("users.sqlite").path,
                             "--plugins", Support.plugins.path, "--token", "t0ken"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line says where it listens.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("persona-host: serving on http://127.0.0.1:"), "\(first)")
        let url = try #require(URL(string: String(first.dropFirst("persona-host: serving on ".count)) + "/health"))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"generation\" : 1"))
        process.terminate()  // SIGTERM: a graceful stop
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
