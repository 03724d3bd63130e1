import Builtins
import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `persona-host serve` under load while its rules are rewritten: `POST /v1/goals` from 16
/// concurrent clients for a fixed time on 100,000 users, while the parenting plugin's file is
/// replaced every second, in turn by a version that does not load and by one that loads but
/// breaks its own tests (its personas would be named "BROKEN …"), each followed by the good one.
///
/// A reload must never serve either broken version: every request must succeed, and no answer
/// may hold a "BROKEN" name. Bounded: it stops after `seconds` whatever happens, and kills the
/// server it started.
struct ServeLoadBenchmark {
    var users = 100_000
    var clients = 16
    var seconds = 60.0
    /// A request slower than this fails (the server's own limit is longer).
    var requestTimeout = 30.0

    func run() -> BenchmarkResult {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("persona-bench-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let plugins = work.appendingPathComponent("plugins")
        let db = work.appendingPathComponent("users.sqlite").path
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: RepositoryPaths.root.appendingPathComponent("plugins"), to: plugins)
        } catch {
            fail("serve: cannot prepare \(work.path): \(error)")
        }
        let binary = RepositoryPaths.personaHost
        for arguments in [["data", "init", "--db", db], ["data", "generate", "--rows", String(users), "--seed", "42", "--db", db]] {
            let setup = Process()
            setup.executableURL = binary
            setup.arguments = arguments
            setup.standardOutput = FileHandle.nullDevice
            do { try setup.run() } catch { fail("serve: cannot run persona-host: \(error)") }
            setup.waitUntilExit()
            guard setup.terminationStatus == 0 else { fail("serve: `persona-host \(arguments.joined(separator: " "))` exited \(setup.terminationStatus)") }
        }

        let server = ServeProcess(binary: binary, arguments: ["serve", "--port", "0", "--db", db, "--plugins", plugins.path])
        defer { server.stop() }
        let url: URL
        do { url = try server.start() } catch { fail("serve: \(error)") }

        let file = plugins.appendingPathComponent("parenting/init.lua")
        let good: String
        do { good = try String(contentsOf: file, encoding: .utf8) } catch { fail("serve: cannot read \(file.path): \(error)") }
        guard good.contains("\" — \" .. label .. \" \" .. noun") else {
            fail("serve: plugins/parenting/init.lua no longer names personas as the benchmark expects")
        }
        let broken = [
            good + "\nthis is not Lua\n",
            good.replacingOccurrences(of: "\" — \" .. label .. \" \" .. noun", with: "\" — BROKEN \" .. label .. \" \" .. noun"),
        ]
        let deadline = Date().addingTimeInterval(seconds)
        let log = RequestLog()
        let rewrites = Rewrites()

        // The rewriter: good, broken (does not load), good, broken (fails its tests), … one a second.
        let rewriter = Thread {
            var step = 0
            while Date() < deadline {
                let text = step % 2 == 0 ? broken[(step / 2) % 2] : good
                do {
                    try text.write(to: file, atomically: true, encoding: .utf8)
                    rewrites.count += 1
                } catch {
                    rewrites.failed.append("\(error)")
                }
                step += 1
                Thread.sleep(forTimeInterval: 1)
            }
            do { try good.write(to: file, atomically: true, encoding: .utf8) } catch { rewrites.failed.append("\(error)") }
        }
        rewriter.start()

        let body = Data(#"{"goal": "Gen Z Moms"}"#.utf8)
        let goals = url.appendingPathComponent("v1/goals")
        let group = DispatchGroup()
        for _ in 0..<clients {
            group.enter()
            Thread {
                let session = URLSession(configuration: .ephemeral)
                while Date() < deadline {
                    var request = URLRequest(url: goals, timeoutInterval: requestTimeout)
                    request.httpMethod = "POST"
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    request.httpBody = body
                    let started = DispatchTime.now().uptimeNanoseconds
                    let (status, data) = Self.send(request, with: session)
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                    let text = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
                    let ok = status == 201   // a saved run: 201 Created
                    let failure: String? = ok ? nil : "HTTP \(status): \(text.prefix(200))"
                    log.add(ms: ms, ok: ok, broken: text.contains("BROKEN"), failure: failure)
                }
                group.leave()
            }.start()
        }
        group.wait()
        while !rewriter.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        // The figures mean something only if the rules really changed under the load.
        if let why = rewrites.failed.first { fail("serve: \(rewrites.failed.count) rewrite(s) of \(file.path) failed: \(why)") }
        let status = Self.get(url.appendingPathComponent("v1/plugins"))
        let metrics = Self.text(url.appendingPathComponent("metrics"))
        func reloads(_ result: String) -> String {
            metrics.split(separator: "\n").first { $0.hasPrefix("persona_host_plugin_reloads_total{result=\"\(result)\"}") }
                .flatMap { $0.split(separator: " ").last.map(String.init) } ?? "?"
        }

        let result = log.snapshot()
        if let failure = result.firstFailure { FileHandle.standardError.write(Data("persona-bench: serve: first failure: \(failure)\n".utf8)) }
        let sorted = result.milliseconds.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))] }
        let generation: String = Self.generation(in: status) ?? "unknown"
        return BenchmarkResult(figures: [
            Figure(name: "requests answered", value: Double(sorted.count), unit: "", target: nil, repetitions: "\(Int(seconds)) s"),
            Figure(name: "failed requests", value: Double(result.failed), unit: "", target: 0, repetitions: "all requests"),
            Figure(name: "answers computed with a broken rule set", value: Double(result.broken), unit: "", target: 0,
                   repetitions: "all answers"),
            Figure(name: "throughput", value: Double(sorted.count) / seconds, unit: "req/s", target: nil, repetitions: "\(clients) clients"),
            Figure(name: "latency p50", value: percentile(0.5), unit: "ms", target: nil, repetitions: "all requests"),
            Figure(name: "latency p99", value: percentile(0.99), unit: "ms", target: nil, repetitions: "all requests"),
        ], notes: [
            "Command: `persona-bench serve` (release build): `persona-host serve --port 0` on \(NumberFormat.count(users)) generated users "
                + "(seed 42) and a copy of `plugins/`; \(clients) client threads send `POST /v1/goals {\"goal\": \"Gen Z Moms\"}` "
                + "(each answer is a run saved in the database) back to back for \(Int(seconds)) s over loopback.",
            "Meanwhile `parenting/init.lua` was rewritten \(rewrites.count) times, once a second: a version that does not load, the good "
                + "one, a version that loads but fails the plugin's own tests (its personas would be named \"BROKEN …\"), the good one, "
                + "and so on. Reloads: \(reloads("ok")) accepted, \(reloads("failed")) refused (each loads and validates the whole "
                + "set and runs all the plugins' own tests, on the files as read, before a swap); the serving generation at the end: "
                + "\(generation). A failed request or an "
                + "answer naming a BROKEN persona would fail the benchmark.",
        ])
    }

    /// Sends `request` and waits for the answer: its status (0: none) and body.
    static func send(_ request: URLRequest, with session: URLSession) -> (Int, Data?) {
        let done = DispatchSemaphore(value: 0)
        let answer = Answer()
        session.dataTask(with: request) { data, response, _ in
            answer.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            answer.data = data
            done.signal()
        }.resume()
        done.wait()
        return (answer.status, answer.data)
    }

    /// The generation number `GET /v1/plugins` reports, as text.
    static func generation(in status: [String: Any]?) -> String? {
        guard let value = status?["generation"] else { return nil }
        if let number = value as? Int { return String(number) }
        if let object = value as? [String: Any], let number = object["number"] as? Int { return String(number) }
        return nil
    }

    static func text(_ url: URL) -> String {
        let (_, data) = send(URLRequest(url: url, timeoutInterval: 60), with: URLSession(configuration: .ephemeral))
        return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func get(_ url: URL) -> [String: Any]? {
        let (status, data) = send(URLRequest(url: url, timeoutInterval: 60), with: URLSession(configuration: .ephemeral))
        guard status == 200, let data else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}

/// One answer, handed from URLSession's callback to the waiting thread.
/// `@unchecked Sendable`: written before the semaphore is signalled, read after it is waited on.
private final class Answer: @unchecked Sendable {
    var status = 0
    var data: Data?
}

/// How many times the rewriter replaced the file, and the writes that failed. `@unchecked
/// Sendable`: written by the rewriter thread only, read after it finished.
private final class Rewrites: @unchecked Sendable {
    var count = 0
    var failed: [String] = []
}

/// Every request's time and outcome, from the client threads. `@unchecked Sendable`: every
/// access holds the lock.
private final class RequestLog: @unchecked Sendable {
    struct Snapshot {
        var milliseconds: [Double]
        var failed: Int
        var broken: Int
        var firstFailure: String?
    }

    private let lock = NSLock()
    private var state = Snapshot(milliseconds: [], failed: 0, broken: 0, firstFailure: nil)

    func add(ms: Double, ok: Bool, broken: Bool, failure: String?) {
        lock.lock()
        defer { lock.unlock() }
        state.milliseconds.append(ms)
        if !ok { state.failed += 1 }
        if broken { state.broken += 1 }
        if let failure, state.firstFailure == nil { state.firstFailure = failure }
    }

    func snapshot() -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return state
    }
}
