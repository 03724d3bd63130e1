import Builtins
import Foundation

/// `run goal` at 100,000 and 1,000,000 users on the reference generator's data, next to the
/// Python reference's own figures on this machine (shared/reference/README.md).
///
/// The users come from `shared/reference/gen_users.py` (numpy; seed 42), imported with
/// `persona-host data import`, so both programs see the same rows; the planted `true_segment`
/// column is kept as an extra column and used only to score the personas (adjusted Rand index).
/// Each run is a fresh process timed from spawn to exit, its peak RSS read by `/usr/bin/time`.
struct GoalBenchmark {
    /// The reference's figures: rows, goal → (whole process seconds, peak RSS MiB, ARI).
    static let reference: [Int: [String: (seconds: Double, rssMiB: Double, ari: Double)]] = [
        100_000: ["Gen Z Moms": (1.48, 179, 0.949),
                  "millennial tech professionals in tier-1 cities": (5.87, 936, 0.994),
                  "budget families": (19.8, 3229, 0.975)],
        1_000_000: ["Gen Z Moms": (9.82, 1280, 0.977),
                    "millennial tech professionals in tier-1 cities": (7.20, 972, 0.994),
                    "budget families": (23.1, 3346, 0.973)],
    ]
    static let goals = ["Gen Z Moms", "millennial tech professionals in tier-1 cities", "budget families"]

    var sizes = [100_000, 1_000_000]
    var repetitions = 3

    func run() -> BenchmarkResult {
        let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("persona-bench-goal")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var figures: [Figure] = []
        var notes: [String] = []
        for rows in sizes {
            let csv = work.appendingPathComponent("users-\(rows).csv")
            if !FileManager.default.fileExists(atPath: csv.path) { generate(rows: rows, into: csv) }
            let db = work.appendingPathComponent("users-\(rows).sqlite")
            try? FileManager.default.removeItem(at: db)
            let imported = Spawn.run(RepositoryPaths.personaHost, ["data", "import", csv.path, "--db", db.path])
            guard imported.status == 0 else { fail("import of \(csv.path) failed: \(imported.output)") }
            figures.append(Figure(name: "\(Format.grouped(rows)) users: `data import` of the reference CSV", value: imported.seconds,
                                  unit: "s", target: nil, repetitions: "one run"))
            let truth = trueSegments(csv)
            for goal in GoalBenchmark.goals {
                let members = work.appendingPathComponent("members.csv")
                var samples: [(seconds: Double, rss: Double, json: [String: Any])] = []
                // Timed as the reference was: `--json` to a file, no assignments written.
                for _ in 0..<repetitions {
                    let run = Spawn.run(RepositoryPaths.personaHost, ["run", "goal", goal, "--db", db.path, "--json"])
                    guard run.status == 0,
                          let json = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
                    else { fail("run goal \"\(goal)\" failed: \(run.output)") }
                    samples.append((run.seconds, run.peakRSSMiB, json))
                }
                // One more run writes the members file the ARI is computed from (same seed: same personas).
                let scored = Spawn.run(RepositoryPaths.personaHost, ["run", "goal", goal, "--db", db.path, "--members", members.path])
                guard scored.status == 0 else { fail("run goal \"\(goal)\" --members failed: \(scored.output)") }
                let seconds = Timing.median(samples.map(\.seconds))
                let rss = samples.map(\.rss).max() ?? 0
                let json = samples[0].json
                let ari = adjustedRandIndex(members: members, truth: truth)
                let ref = GoalBenchmark.reference[rows]?[goal]
                let speedup = ref.map { $0.seconds / seconds }
                let stages = (json["timings_ms"] as? [String: Double] ?? [:])
                    .sorted { $0.key < $1.key }.map { "\($0.key) \(Format.fixed($0.value, 0)) ms" }.joined(separator: ", ")
                let matched = json["matched_rows"] as? Int ?? 0
                let k = (json["personas"] as? [Any])?.count ?? 0
                let algorithm = (json["clustering"] as? [String: Any])?["algorithm"] as? String ?? "?"
                figures.append(Figure(name: "\(Format.grouped(rows)) users, \"\(goal)\": whole process", value: seconds, unit: "s",
                                      target: ref.map { $0.seconds / 10 }, repetitions: "median of \(repetitions) runs"))
                notes.append("\(Format.grouped(rows)) users, \"\(goal)\": \(Format.grouped(matched)) matched, \(algorithm), k = \(k); "
                             + "stages: \(stages); peak RSS \(Format.fixed(rss, 0)) MiB (reference \(ref.map { Format.fixed($0.rssMiB, 0) } ?? "?") MiB); "
                             + "ARI vs true_segment \(Format.fixed(ari, 3)) (reference \(ref.map { Format.fixed($0.ari, 3) } ?? "?")); "
                             + "speed-up over the reference's whole process \(speedup.map { Format.fixed($0, 1) } ?? "?")×.")
            }
        }
        notes.append("Targets: at most a tenth of the reference's whole-process time; ARI no lower than the reference's; "
                     + "peak RSS under 1 GiB. Data: `python3 shared/reference/gen_users.py --rows N --seed 42` imported with "
                     + "`persona-host data import`; reference figures from shared/reference/README.md (median of 3 on this machine).")
        return BenchmarkResult(figures: figures, notes: notes)
    }

    private func generate(rows: Int, into csv: URL) {
        let script = RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent("shared/reference/gen_users.py")
        guard FileManager.default.fileExists(atPath: script.path) else { fail("no reference generator at \(script.path)") }
        let run = Spawn.run(URL(fileURLWithPath: "/usr/bin/env"),
                            ["python3", script.path, "--rows", String(rows), "--seed", "42", "--out", csv.path])
        guard run.status == 0 else { fail("the reference generator failed (needs numpy): \(run.output)") }
    }

    /// user_id → true_segment, from the reference CSV (user_id first, true_segment last).
    private func trueSegments(_ csv: URL) -> [Int64: String] {
        guard let text = try? String(contentsOf: csv, encoding: .utf8) else { fail("cannot read \(csv.path)") }
        var truth: [Int64: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if let id = Int64(fields[0]), let segment = fields.last { truth[id] = String(segment) }
        }
        return truth
    }

    private func adjustedRandIndex(members: URL, truth: [Int64: String]) -> Double {
        guard let text = try? String(contentsOf: members, encoding: .utf8) else { fail("cannot read \(members.path)") }
        var found: [String] = []
        var expected: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2)
            guard let id = Int64(fields[0]), let segment = truth[id] else { fail("member \(line) has no true_segment") }
            found.append(String(fields[1]))
            expected.append(segment)
        }
        return AdjustedRandIndex.score(found, expected)
    }
}

/// Runs a command to completion under `/usr/bin/time` for its peak RSS.
enum Spawn {
    struct Outcome {
        var status: Int32
        var seconds: Double
        var peakRSSMiB: Double
        var stdout: String
        var output: String
    }

    static func run(_ binary: URL, _ arguments: [String]) -> Outcome {
        let process = Process()
        let rssFile = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("persona-bench-rss-\(getpid())")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", rssFile.path, binary.path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = ContinuousClock.now
        do { try process.run() } catch { fail("cannot run \(binary.path): \(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = (ContinuousClock.now - start).components
        let rssKiB = (try? String(contentsOf: rssFile, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) } ?? 0
        let text = String(decoding: stdout, as: UTF8.self)
        return Outcome(status: process.terminationStatus,
                       seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18,
                       peakRSSMiB: rssKiB / 1024, stdout: text,
                       output: text + String(decoding: stderr, as: UTF8.self))
    }
}
