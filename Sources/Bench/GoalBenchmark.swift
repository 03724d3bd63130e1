import Builtins
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `run goal` against the Python reference (shared/reference), like for like, in one run.
///
/// The users come from the reference's generator (`gen_users.py`, numpy, seed 42), which writes them
/// twice: as CSV, imported with `persona-host data import` (the planted `true_segment` is kept as an
/// extra column, used only to score the personas), and as the reference's own SQLite table.
///
/// persona-host's plugins turn more goal words into conditions than the reference applies (budget,
/// lifestyle, "tech", …), so on the whole table the two select different users. For each goal and size
/// the benchmark therefore writes a reference-schema database holding exactly the users persona-host
/// matched (from its members file) and runs `pipeline.py --score` on it: the reference's conditions
/// (generation, parenting, tier) are a subset of persona-host's, so it selects the same rows, which is
/// checked (the run stops if not). Both programs are timed as whole processes, interleaved, three
/// runs each at seeds 42, 43 and 44 (median time; the ARI's spread over the seeds is the noise the ARI
/// comparison allows for). The reference's figures on the whole table with its own conditions are
/// kept alongside, for continuity with earlier figures (not like for like).
struct GoalBenchmark {
    /// The reference's figures in shared/reference/README.md: whole table, its own conditions, seed 42.
    static let readme: [Int: [String: (seconds: Double, rssMiB: Double, ari: Double, matched: Int)]] = [
        100_000: ["Gen Z Moms": (1.48, 179, 0.949, 1_249),
                  "millennial tech professionals in tier-1 cities": (5.87, 936, 0.994, 18_986),
                  "budget families": (19.8, 3229, 0.975, 56_524)],
        1_000_000: ["Gen Z Moms": (9.82, 1280, 0.977, 12_071),
                    "millennial tech professionals in tier-1 cities": (7.20, 972, 0.994, 189_060),
                    "budget families": (23.1, 3346, 0.973, 566_941)],
    ]
    static let goals = ["Gen Z Moms", "millennial tech professionals in tier-1 cities", "budget families"]

    /// persona-host must be at least this many times faster than the reference on the same rows…
    static let speedTarget = 10.0
    /// …at this many users (smaller tables: context).
    static let speedTargetRows = 1_000_000
    /// Peak RSS ceiling for persona-host.
    static let rssTargetMiB = 1024.0
    /// The smallest ARI tolerance: the report's precision (3 decimals), for runs with no randomness.
    static let ariToleranceFloor = 0.001
    /// The seed of the first run; run i uses firstSeed + i. The reference's whole-table runs all use it.
    static let firstSeed = 42

    /// Table sizes; `PERSONA_BENCH_GOAL_ROWS=20000,50000` replaces them (a quick check, not the documented figures).
    var sizes = ProcessInfo.processInfo.environment["PERSONA_BENCH_GOAL_ROWS"]
        .map { $0.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 } }.flatMap { $0.isEmpty ? nil : $0 } ?? [100_000, 1_000_000]
    var repetitions = 3

    private var reference: URL { RepositoryPaths.root.deletingLastPathComponent().appendingPathComponent("shared/reference") }

    func run() -> GoalOutcome {
        let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("persona-bench-goal")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for script in ["gen_users.py", "pipeline.py"] where !FileManager.default.fileExists(atPath: reference.appendingPathComponent(script).path) {
            fail("no \(script) in \(reference.path) (the Python reference)")
        }
        var outcome = GoalOutcome(loadAtStart: MachineInfo.loadAverage())
        for rows in sizes {
            let csv = work.appendingPathComponent("users-\(rows).csv")
            let referenceDB = work.appendingPathComponent("reference-\(rows).sqlite")
            var data = GoalOutcome.Data(rows: rows)
            if !FileManager.default.fileExists(atPath: csv.path) || !FileManager.default.fileExists(atPath: referenceDB.path) {
                data.generationSeconds = generate(rows: rows, csv: csv, database: referenceDB)
            }
            let db = work.appendingPathComponent("persona-host-\(rows).sqlite")
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(db.path + suffix) }
            let imported = Self.timed(RepositoryPaths.personaHost, ["data", "import", csv.path, "--db", db.path])
            guard imported.status == 0 else { fail("import of \(csv.path) failed: \(imported.output)") }
            data.importSeconds = imported.seconds
            outcome.data.append(data)
            let truth = trueSegments(csv)
            for goal in GoalBenchmark.goals {
                FileHandle.standardError.write(Data("persona-bench: goal \"\(goal)\", \(Format.grouped(rows)) users…\n".utf8))
                outcome.comparisons.append(compare(goal: goal, rows: rows, hostDB: db, referenceDB: referenceDB, truth: truth, work: work))
            }
        }
        outcome.loadAtEnd = MachineInfo.loadAverage()
        return outcome
    }

    // MARK: - One goal at one size

    private func compare(goal: String, rows: Int, hostDB: URL, referenceDB: URL, truth: [Int64: String], work: URL) -> GoalComparison {
        // An untimed run first: the rows persona-host matches (its members file), written as a reference-schema database.
        let members = work.appendingPathComponent("members.csv")
        let first = host(goal: goal, db: hostDB, seed: GoalBenchmark.firstSeed, members: members, truth: truth)
        let subset = work.appendingPathComponent("subset.sqlite")
        writeSubset(of: referenceDB, members: members, into: subset, expected: first.matched)

        var comparison = GoalComparison(rows: rows, goal: goal, matched: first.matched)
        comparison.hostConditions = first.conditions
        comparison.hostNotApplied = first.notApplied
        for i in 0..<repetitions {
            let seed = GoalBenchmark.firstSeed + i
            // Interleaved: persona-host, the reference on the same rows, the reference on the whole table.
            let h = host(goal: goal, db: hostDB, seed: seed, members: members, truth: truth)
            guard h.matched == first.matched else { fail("\"\(goal)\" at \(rows) users: persona-host matched \(h.matched) rows at seed \(seed), \(first.matched) before") }
            comparison.host.append(h.sample)
            if seed == GoalBenchmark.firstSeed { comparison.hostStagesMs = h.stagesMs }

            let r = referenceRun(goal: goal, db: subset, seed: seed, out: work.appendingPathComponent("reference-subset.json"))
            guard r.matched == first.matched else {
                fail("NOT LIKE FOR LIKE: on the \(Format.grouped(first.matched)) users persona-host matched for \"\(goal)\" at "
                     + "\(Format.grouped(rows)) users, the reference selected \(Format.grouped(r.matched)); its conditions (\(r.conditions)) "
                     + "are no longer a subset of persona-host's (\(first.conditions.joined(separator: " AND "))). Stopping.")
            }
            comparison.reference.append(r.sample)
            comparison.referenceStages.append(r.stages)
            comparison.referenceWardSample = r.wardSample

            let full = referenceRun(goal: goal, db: referenceDB, seed: GoalBenchmark.firstSeed,
                                    out: work.appendingPathComponent("reference-full.json"))
            if let matched = comparison.fullMatched, matched != full.matched { fail("the reference matched \(full.matched) rows, then \(matched)") }
            comparison.fullMatched = full.matched
            comparison.fullConditions = full.conditions
            comparison.fullNotApplied = full.notApplied
            comparison.full.append(full.sample)
            progress(comparison, seed: seed)
        }
        return comparison
    }

    private func progress(_ c: GoalComparison, seed: Int) {
        guard let h = c.host.last, let r = c.reference.last, let f = c.full.last else { return }
        FileHandle.standardError.write(Data(("persona-bench:   seed \(seed): persona-host \(Format.fixed(h.seconds, 2)) s ARI \(Format.fixed(h.ari, 4)); "
            + "reference (same rows) \(Format.fixed(r.seconds, 2)) s ARI \(Format.fixed(r.ari, 4)); reference (whole table) \(Format.fixed(f.seconds, 2)) s\n").utf8))
    }

    /// One persona-host run: `run goal G --db … --seed S --json --members FILE` (the members file is how
    /// the ARI is computed; writing it is part of the timed process, a little against persona-host).
    private func host(goal: String, db: URL, seed: Int, members: URL, truth: [Int64: String]) -> HostRun {
        unlink(members.path)
        let run = Self.timed(RepositoryPaths.personaHost,
                             ["run", "goal", goal, "--db", db.path, "--seed", String(seed), "--json", "--members", members.path])
        guard run.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let matched = json["matched_rows"] as? Int
        else { fail("persona-host run goal \"\(goal)\" --seed \(seed) failed: \(run.output)") }
        let clustering = json["clustering"] as? [String: Any] ?? [:]
        let labels = readMembers(members, truth: truth)
        guard labels.found.count == matched else { fail("the members file of \"\(goal)\" has \(labels.found.count) users, the run matched \(matched)") }
        let conditions = ((json["filter"] as? [String: Any])?["conditions"] as? [[String: Any]] ?? []).compactMap { $0["condition"] as? String }
        let notApplied = (json["not_applied"] as? [[String: Any]] ?? []).map { "\($0["category"] ?? "?"):\($0["term"] ?? $0["words"] ?? "?")" }
        let sample = RunSample(seed: seed, seconds: run.seconds, rssMiB: run.rssMiB,
                               ari: AdjustedRandIndex.score(labels.found, labels.expected),
                               k: (json["personas"] as? [Any])?.count ?? 0, algorithm: clustering["algorithm"] as? String ?? "?")
        return HostRun(sample: sample, matched: matched, conditions: conditions, notApplied: notApplied,
                       stagesMs: json["timings_ms"] as? [String: Double] ?? [:])
    }

    /// One reference run: `python3 pipeline.py --db DB --goal G --json OUT --score --seed S`.
    private func referenceRun(goal: String, db: URL, seed: Int, out: URL) -> ReferenceRun {
        unlink(out.path)
        let run = Self.timed(URL(fileURLWithPath: "/usr/bin/env"),
                             ["python3", reference.appendingPathComponent("pipeline.py").path, "--db", db.path, "--goal", goal,
                              "--json", out.path, "--score", "--seed", String(seed)])
        guard run.status == 0, let data = FileManager.default.contents(atPath: out.path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let matched = json["matched_rows"] as? Int,
              let ari = (json["evaluation"] as? [String: Any])?["ari_chosen_k"] as? Double
        else { fail("the reference on \(db.lastPathComponent), \"\(goal)\", seed \(seed) failed (needs numpy, scipy, scikit-learn): \(run.output)") }
        let timings = json["timings_s"] as? [String: Any] ?? [:]
        let filter = json["filter"] as? [String: Any] ?? [:]
        var conditions = filter["where"] as? String ?? ""
        for parameter in filter["params"] as? [Any] ?? [] {
            guard let mark = conditions.range(of: "?") else { break }
            conditions.replaceSubrange(mark, with: parameter is String ? "'\(parameter)'" : "\(parameter)")
        }
        let ward = (json["ward_sample"] as? [String: Any]).flatMap { w -> String? in
            guard let size = w["sample_size"] as? Int, let of = w["of"] as? Int else { return nil }
            return "Ward tree on a \(Format.grouped(size))-row sample of \(Format.grouped(of))"
        }
        if let env = json["env"] as? [String: Any], ReferenceRun.environment == nil {
            ReferenceRun.environment = ["python", "numpy", "scipy", "sklearn", "sqlite"].compactMap { key in
                (env[key] as? String).map { "\(key == "sklearn" ? "scikit-learn" : key == "python" ? "Python" : key == "sqlite" ? "SQLite" : key) \($0)" }
            }.joined(separator: ", ")
        }
        let sample = RunSample(seed: seed, seconds: run.seconds, rssMiB: run.rssMiB, ari: ari,
                               k: json["chosen_k"] as? Int ?? 0, algorithm: json["algorithm"] as? String ?? "?")
        return ReferenceRun(sample: sample, matched: matched, conditions: conditions.isEmpty ? "none" : conditions,
                            notApplied: (filter["not_applied"] as? [String]) ?? [],
                            stages: .init(imports: timings["imports"] as? Double ?? 0, pipeline: timings["pipeline_total"] as? Double ?? 0,
                                          evaluation: timings["evaluation_not_in_total"] as? Double ?? 0),
                            wardSample: ward)
    }

    // MARK: - Data

    /// Runs the reference's generator; returns how long it took.
    private func generate(rows: Int, csv: URL, database: URL) -> Double {
        let run = Self.timed(URL(fileURLWithPath: "/usr/bin/env"),
                             ["python3", reference.appendingPathComponent("gen_users.py").path, "--rows", String(rows), "--seed", "42",
                              "--out", csv.path, "--db", database.path])
        guard run.status == 0 else { fail("the reference generator failed (needs numpy): \(run.output)") }
        return run.seconds
    }

    /// A reference-schema `users` table (the reference's own CREATE TABLE) holding exactly the users
    /// in `members`, copied from the reference's database.
    private func writeSubset(of full: URL, members: URL, into subset: URL, expected: Int) {
        let script = """
            import os, sqlite3, sys
            full, members, out = sys.argv[1:4]
            with open(members, encoding="utf-8") as f:
                next(f)
                ids = [(int(line.split(",", 1)[0]),) for line in f]
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(out + suffix):
                    os.remove(out + suffix)
            src = sqlite3.connect(f"file:{full}?mode=ro", uri=True)
            schema = src.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'").fetchone()[0]
            src.close()
            con = sqlite3.connect(out)
            con.execute(schema)
            con.execute("CREATE TEMP TABLE ids (user_id INTEGER PRIMARY KEY)")
            con.executemany("INSERT INTO ids VALUES (?)", ids)
            con.execute("ATTACH DATABASE ? AS src", (full,))
            con.execute("INSERT INTO main.users SELECT u.* FROM src.users AS u JOIN ids USING (user_id) ORDER BY u.user_id")
            con.commit()
            print(con.execute("SELECT count(*) FROM main.users").fetchone()[0], len(ids))
            con.close()
            """
        let run = Self.timed(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, full.path, members.path, subset.path])
        let counts = run.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard run.status == 0, counts == [expected, expected] else {
            fail("cannot write the subset database \(subset.path) (\(expected) users expected): \(run.output)")
        }
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

    /// The persona of every member and its true_segment.
    private func readMembers(_ members: URL, truth: [Int64: String]) -> (found: [String], expected: [String]) {
        guard let text = try? String(contentsOf: members, encoding: .utf8) else { fail("cannot read \(members.path)") }
        var found: [String] = []
        var expected: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2)
            guard let id = Int64(fields[0]), let segment = truth[id] else { fail("member \(line) has no true_segment") }
            found.append(String(fields[1]))
            expected.append(segment)
        }
        return (found, expected)
    }

    // MARK: - Processes

    /// Runs a command to completion (`ChildProcess`: spawn to exit, no run-loop polling) under
    /// `/usr/bin/time -f %M` for the command's peak RSS.
    static func timed(_ binary: URL, _ arguments: [String]) -> (status: Int32, seconds: Double, rssMiB: Double, stdout: String, output: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { fail("no /usr/bin/time (Debian package time; `make deps` installs it)") }
        let run = ChildProcess.run(binary, arguments)
        return (run.status, run.milliseconds / 1000, run.peakRSSMiB, run.stdout, run.output)
    }
}

// MARK: - Results

/// One process: its seed, wall time, peak RSS and the ARI of its personas against true_segment.
struct RunSample {
    var seed: Int
    var seconds: Double
    var rssMiB: Double
    var ari: Double
    var k: Int
    var algorithm: String
}

private struct HostRun {
    var sample: RunSample
    var matched: Int
    var conditions: [String]
    var notApplied: [String]
    var stagesMs: [String: Double]
}

private struct ReferenceRun {
    /// Python and library versions, from the first reference run's `env`.
    nonisolated(unsafe) static var environment: String?
    var sample: RunSample
    var matched: Int
    var conditions: String
    var notApplied: [String]
    var stages: GoalComparison.ReferenceStages
    var wardSample: String?
}

/// One goal at one size: persona-host and the reference on the same rows, and the reference alone on the whole table.
struct GoalComparison {
    struct ReferenceStages {
        /// Python's imports, the five stages, the `--score` evaluation (in its whole process, not in its pipeline total).
        var imports, pipeline, evaluation: Double
    }

    var rows: Int
    var goal: String
    /// Rows persona-host matched (and the reference, on the subset).
    var matched: Int
    var host: [RunSample] = []
    var reference: [RunSample] = []
    var full: [RunSample] = []
    var fullMatched: Int?
    var fullConditions = ""
    var fullNotApplied: [String] = []
    var hostConditions: [String] = []
    var hostNotApplied: [String] = []
    var hostStagesMs: [String: Double] = [:]
    var referenceStages: [ReferenceStages] = []
    var referenceWardSample: String?

    var hostSeconds: Double { Timing.median(host.map(\.seconds)) }
    var referenceSeconds: Double { Timing.median(reference.map(\.seconds)) }
    var fullSeconds: Double { Timing.median(full.map(\.seconds)) }
    /// How many times faster persona-host is (reference median / persona-host median).
    var ratio: Double { referenceSeconds / hostSeconds }
    /// The same with the reference's `--score` evaluation taken out of its time.
    var ratioWithoutEvaluation: Double { (referenceSeconds - Timing.median(referenceStages.map(\.evaluation))) / hostSeconds }
    var hostARI: Double { Timing.median(host.map(\.ari)) }
    var referenceARI: Double { Timing.median(reference.map(\.ari)) }
    var hostRSS: Double { host.map(\.rssMiB).max() ?? 0 }
    var referenceRSS: Double { reference.map(\.rssMiB).max() ?? 0 }

    /// How much lower persona-host's median ARI may be: the larger of the two programs' spreads
    /// (max − min) over the seeds, at least the report's precision.
    var ariTolerance: Double {
        func spread(_ samples: [RunSample]) -> Double { (samples.map(\.ari).max() ?? 0) - (samples.map(\.ari).min() ?? 0) }
        return max(spread(host), spread(reference), GoalBenchmark.ariToleranceFloor)
    }

    var speedPasses: Bool? { rows >= GoalBenchmark.speedTargetRows ? ratio >= GoalBenchmark.speedTarget : nil }
    var ariPasses: Bool { hostARI >= referenceARI - ariTolerance }
    var rssPasses: Bool { hostRSS < GoalBenchmark.rssTargetMiB }

    var label: String { "\(Format.grouped(rows)) users, \"\(goal)\"" }

    /// The figures behind the targets, for the summary of missed targets.
    var figures: [Figure] {
        let runs = "median of \(host.count) runs each, seeds \(host.map { String($0.seed) }.joined(separator: ", "))"
        return [
            Figure(name: "\(label): reference / persona-host, same rows", value: ratio, unit: "x",
                   target: rows >= GoalBenchmark.speedTargetRows ? GoalBenchmark.speedTarget : nil, repetitions: runs, atLeast: true),
            Figure(name: "\(label): ARI persona-host − reference, same rows", value: hostARI - referenceARI, unit: "",
                   target: -ariTolerance, repetitions: runs, atLeast: true),
            Figure(name: "\(label): persona-host peak RSS", value: hostRSS, unit: "MiB", target: GoalBenchmark.rssTargetMiB,
                   repetitions: "largest of \(host.count) runs"),
        ]
    }
}

/// What the goal benchmark measured, for its section of docs/BENCHMARKS.md (GoalBenchReport).
struct GoalOutcome {
    struct Data {
        var rows: Int
        /// The generator's time, when it ran (its files are kept between benchmark runs).
        var generationSeconds: Double?
        var importSeconds = 0.0
    }

    var loadAtStart: String?
    var loadAtEnd: String?
    var data: [Data] = []
    var comparisons: [GoalComparison] = []
    var environment: String? { ReferenceRun.environment }

    var result: BenchmarkResult { BenchmarkResult(figures: comparisons.flatMap(\.figures)) }
}
