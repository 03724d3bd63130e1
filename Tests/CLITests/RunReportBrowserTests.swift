import Foundation
import Testing
import Builtins
import TestSupport
@testable import persona_host

/// The run report in a real browser: headless Chromium (Debian's `chromium`, installed by
/// `make deps`) loads the page from its file; the rendered DOM has one card per persona with
/// the names, the page logs no console error, and a screenshot is left in
/// `.build/report-screenshots/` for people to look at.
@Suite(.serialized) struct RunReportBrowserTests {
    /// `chromium` on the PATH, or a failure saying how to install it.
    static func chromium() throws -> URL {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BrowserMissing()
    }

    struct BrowserMissing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed: run `make deps` (make test installs it) to run the browser test" }
    }

    /// Runs headless Chromium on `page` with `arguments`; stops it after 60 s.
    static func browse(_ page: URL, _ arguments: [String], profile: URL) throws -> (stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try chromium()
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"] + arguments + [page.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: .now() + 60)
        timer.setEventHandler { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        timer.resume()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Console messages Chromium logged for the page (errors and uncaught exceptions included).
    static func consoleLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }

    @Test func theReportRendersOneCardPerPersonaWithoutConsoleErrors() throws {
        let started = Date()
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("users.sqlite").path
        #expect(try CLIRunner.run(["data", "generate", "--rows", "3000", "--seed", "7", "--db", db]).status == 0)
        let goal = try CLIRunner.run(["run", "goal", "moms", "--json", "--db", db, "--plugins", Support.plugins.path], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(goal.stdout.utf8)) as? [String: Any], "\(goal.stderr)")
        let id = try #require(object["run_id"] as? Int)
        let names = try #require(object["personas"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        let page = folder.appendingPathComponent("run-\(id).html")
        let written = try CLIRunner.run(["runs", "report", String(id), "-o", page.path, "--db", db, "--plugins", Support.plugins.path], in: folder)
        #expect(written.status == 0, "\(written.stderr)")

        let profile = folder.appendingPathComponent("chromium")
        let dom = try Self.browse(page, ["--dump-dom"], profile: profile)
        #expect(dom.stdout.components(separatedBy: "<article class=\"persona\"").count - 1 == names.count)
        for name in names {
            let text = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            #expect(dom.stdout.contains(text), "\(name) is not in the rendered page")
        }
        #expect(dom.stdout.contains("<svg class=\"chart scatter\""))
        #expect(Self.consoleLines(dom.stderr).isEmpty, "console: \(Self.consoleLines(dom.stderr))")

        let screenshots = Support.repository.appendingPathComponent(".build/report-screenshots")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let png = screenshots.appendingPathComponent("run-\(id).png")
        try? FileManager.default.removeItem(at: png)
        _ = try Self.browse(page, ["--screenshot=\(png.path)", "--window-size=1280,2000", "--hide-scrollbars"], profile: profile)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 20_000, "screenshot: \(bytes.count) bytes")

        // The console check can fail: a page that throws is caught by it.
        let failing = folder.appendingPathComponent("failing.html")
        try Data("<!DOCTYPE html><p>x</p><script>notDefined()</script>".utf8).write(to: failing)
        #expect(!Self.consoleLines(try Self.browse(failing, ["--dump-dom"], profile: profile).stderr).isEmpty)
        print("browser test: \(String(format: "%.1f", Date().timeIntervalSince(started))) s; screenshot \(png.path)")
    }

    @Test func theRunningServerServesTheReportAndChromiumRendersIt() async throws {
        let client = try await ServeClient.start()
        let profile = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        do {
            let goal = try await client.post("/v1/goals", json: #"{"goal": "moms"}"#)
            #expect(goal.status == 201, "\(goal.text)")
            let id = try #require(goal.json["run_id"] as? Int)
            let names = try #require(goal.json["personas"] as? [[String: Any]]).compactMap { $0["name"] as? String }
            let page = try await client.get("/v1/runs/\(id)/report")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.text.components(separatedBy: "<article class=\"persona\"").count - 1 == names.count)
            let missing = try await client.get("/v1/runs/999/report")
            #expect(missing.status == 404 && missing.error["code"] as? String == "not_found", "\(missing.status) \(missing.text)")

            let url = try #require(URL(string: client.server.url + "/v1/runs/\(id)/report"))
            // Chromium fetches the page from the in-process server: wait for it off the cooperative pool.
            let dom = try await Support.offThePool { try Self.browse(url, ["--dump-dom"], profile: profile) }
            #expect(dom.stdout.components(separatedBy: "<article class=\"persona\"").count - 1 == names.count)
            for name in names {
                let text = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                #expect(dom.stdout.contains(text), "\(name) is not in the page the server served")
            }
            #expect(Self.consoleLines(dom.stderr).isEmpty, "console: \(Self.consoleLines(dom.stderr))")
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }
}
