import Builtins
import Foundation

/// One `tag` + `stats` run of one program: wall times and peak RSS of its two processes.
struct DatasetRun {
    var tagSeconds: Double
    var statsSeconds: Double
    var tagRSSMiB: Double
    var statsRSSMiB: Double
    var seconds: Double { tagSeconds + statsSeconds }
    var rssMiB: Double { max(tagRSSMiB, statsRSSMiB) }
}

/// A program's runs on the side-by-side file.
struct ProgramRuns {
    var name: String
    var runs: [DatasetRun] = []
    var seconds: Double { Timing.median(runs.map(\.seconds)) }
    var tagSeconds: Double { Timing.median(runs.map(\.tagSeconds)) }
    var statsSeconds: Double { Timing.median(runs.map(\.statsSeconds)) }
    /// The largest of the runs.
    var rssMiB: Double { runs.map(\.rssMiB).max() ?? 0 }
    /// The last run, for progress lines: "persona-host 21.1 s".
    var last: String { "\(name) \(runs.last.map { Format.fixed($0.seconds, 1) } ?? "?") s" }
}

/// The counts `stats --json` prints that the three programs must agree on (zero counts left out).
struct DatasetCounts: Equatable {
    var examples: Int
    var personas: [String: Int]
    var traits: [String: Int]

    /// Reads `{"examples": N, "personas": [{"name", "count"}…], "traits": [{"name", "count"}…]}`, at the top
    /// (the peers) or under `summary` (persona-host's report).
    init?(json: String) {
        guard let top = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        let object = top["examples"] == nil ? top["summary"] as? [String: Any] ?? top : top
        guard let examples = (object["examples"] as? NSNumber)?.intValue else { return nil }
        func counts(_ key: String) -> [String: Int]? {
            guard let list = object[key] as? [[String: Any]] else { return nil }
            var result: [String: Int] = [:]
            for entry in list {
                guard let name = entry["name"] as? String, let count = (entry["count"] as? NSNumber)?.intValue else { return nil }
                if count != 0 { result[name, default: 0] += count }
            }
            return result
        }
        guard let personas = counts("personas"), let traits = counts("traits") else { return nil }
        self.examples = examples
        self.personas = personas
        self.traits = traits
    }

    /// What differs from `other`, one line per count ("persona code_expert: 123 here, 120 there").
    func differences(from other: DatasetCounts) -> [String] {
        var lines: [String] = []
        if examples != other.examples { lines.append("examples: \(examples) persona-host, \(other.examples) peer") }
        for (kind, mine, theirs) in [("persona", personas, other.personas), ("trait", traits, other.traits)] {
            for name in Set(mine.keys).union(theirs.keys).sorted() where mine[name] != theirs[name] {
                lines.append("\(kind) \(name): \(mine[name] ?? 0) persona-host, \(theirs[name] ?? 0) peer")
            }
        }
        return lines
    }
}

/// Everything the dataset benchmark measured.
struct DatasetOutcome {
    var rows: Int
    /// Rows of persona-host's memory run.
    var largeRows: Int
    var bytes: Int64 = 0
    var generateSeconds = 0.0
    var loadAtStart: String?
    var loadAtEnd: String?
    /// Python, datatrove and orjson versions.
    var environment = ""
    var freeDiskGB: Double?
    /// persona-host, plain Python, datatrove.
    var programs: [ProgramRuns] = []
    /// The counts all three printed (persona-host's; the peers' were checked equal).
    var reference: DatasetCounts?
    /// The exact tag and stats command lines of each program's first run, by program.
    var commands: [String: [String]] = [:]
    var large: DatasetRun?
    var largeBytes: Int64 = 0
    var largeGenerateSeconds = 0.0
    var largeSkipped: String?

    func megabytesPerSecond(_ seconds: Double, bytes: Int64? = nil) -> Double { Double(bytes ?? self.bytes) / 1e6 / seconds }

    var result: BenchmarkResult {
        guard programs.count == 3 else { return BenchmarkResult(figures: []) }
        let (host, plain, datatrove) = (programs[0], programs[1], programs[2])
        let rows = Format.grouped(self.rows)
        var figures = [
            Figure(name: "dataset tag + stats, persona-host, \(rows) examples", value: host.seconds, unit: "s", target: nil,
                   repetitions: "median of \(host.runs.count)"),
            Figure(name: "throughput, persona-host", value: megabytesPerSecond(host.seconds), unit: "MB/s", target: nil,
                   repetitions: "input bytes / median wall time"),
            Figure(name: "speed-up over plain Python (json)", value: plain.seconds / host.seconds, unit: "x",
                   target: DatasetBenchmark.plainSpeedTarget, repetitions: "medians of \(plain.runs.count) and \(host.runs.count)", atLeast: true),
            Figure(name: "speed-up over datatrove", value: datatrove.seconds / host.seconds, unit: "x",
                   target: DatasetBenchmark.datatroveSpeedTarget, repetitions: "medians of \(datatrove.runs.count) and \(host.runs.count)", atLeast: true),
            Figure(name: "peak RSS, persona-host, \(rows) examples", value: host.rssMiB, unit: "MiB", target: DatasetBenchmark.rssTargetMiB,
                   repetitions: "largest of tag and stats, all runs"),
        ]
        if let large {
            let largeRows = Format.grouped(self.largeRows)
            figures += [
                Figure(name: "peak RSS, persona-host dataset tag, \(largeRows) examples", value: large.tagRSSMiB, unit: "MiB",
                       target: DatasetBenchmark.rssTargetMiB, repetitions: "1 run"),
                Figure(name: "peak RSS, persona-host dataset stats, \(largeRows) examples", value: large.statsRSSMiB, unit: "MiB",
                       target: DatasetBenchmark.rssTargetMiB, repetitions: "1 run"),
                Figure(name: "dataset tag + stats, persona-host, \(largeRows) examples", value: large.seconds, unit: "s", target: nil, repetitions: "1 run"),
                Figure(name: "throughput, persona-host, \(largeRows) examples", value: megabytesPerSecond(large.seconds, bytes: largeBytes), unit: "MB/s",
                       target: nil, repetitions: "1 run"),
            ]
        }
        return BenchmarkResult(figures: figures)
    }
}

/// The "Dataset tagging" section of docs/BENCHMARKS.md: the three programs side by side, the
/// targets, then how it was measured, with the exact commands.
struct DatasetReport {
    static let title = "Dataset tagging against Python peers"

    var date: Date
    var machine: MachineInfo
    var outcome: DatasetOutcome

    var markdown: String {
        let o = outcome
        let stamp = ISO8601DateFormatter().string(from: date)
        var lines = [
            "## \(Self.title)", "",
            "Command: `make bench` (release build; `.build/release/persona-bench dataset` runs this section alone). Date: \(stamp).", "",
            "Machine: `\(machine.uname)`, \(machine.processors) processor(s), \(machine.cpuModel)" + (machine.swiftVersion.map { ", \($0)" } ?? "")
                + "; peers: \(o.environment); 1-minute load average \(o.loadAtStart ?? "?") when this section started, \(o.loadAtEnd ?? "?") when it ended.", "",
            "Same generated file for all three: \(Format.grouped(o.rows)) examples, \(Format.fixed(Double(o.bytes) / 1e6, 1)) MB "
                + "(`persona-host dataset generate --rows \(o.rows) --out WORK/generated.jsonl --seed 42`, \(Format.fixed(o.generateSeconds, 1)) s).", "",
            "| Program | Runs | tag s | stats s | tag + stats s | MB/s | Peak RSS MiB | Time / persona-host's |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        let hostSeconds = o.programs.first?.seconds ?? 1
        for p in o.programs {
            lines.append("| \(p.name) | \(p.runs.count) | \(Format.fixed(p.tagSeconds, 2)) | \(Format.fixed(p.statsSeconds, 2)) | \(Format.fixed(p.seconds, 2)) "
                         + "| \(Format.fixed(o.megabytesPerSecond(p.seconds), 1)) | \(Format.fixed(p.rssMiB, 0)) | \(Format.fixed(p.seconds / hostSeconds, 1))× |")
        }
        if let large = o.large {
            lines.append("| persona-host, \(Format.grouped(o.largeRows)) examples (\(Format.fixed(Double(o.largeBytes) / 1e6, 0)) MB) | 1 "
                         + "| \(Format.fixed(large.tagSeconds, 2)) | \(Format.fixed(large.statsSeconds, 2)) | \(Format.fixed(large.seconds, 2)) "
                         + "| \(Format.fixed(o.megabytesPerSecond(large.seconds, bytes: o.largeBytes), 1)) "
                         + "| tag \(Format.fixed(large.tagRSSMiB, 0)), stats \(Format.fixed(large.statsRSSMiB, 0)) | — |")
        }
        lines += ["", "| Figure | Value | Target | Result | Repetitions |", "|---|---:|---:|---|---|"]
        for f in o.result.figures {
            let target = f.target.map { "\(f.atLeast ? "≥" : "≤") \(Format.fixed($0, f.unit == "x" ? 1 : 0)) \(f.unit)" } ?? "—"
            lines.append("| \(f.name) | \(Format.fixed(f.value, 2)) \(f.unit) | \(target) | \(f.passes.map { $0 ? "pass" : "**FAIL**" } ?? "context") | \(f.repetitions) |")
        }
        lines.append("")
        lines.append("- Commands (WORK is a temporary folder, removed afterwards), each step a fresh process timed from spawn to exit, its peak RSS "
                     + "from `/usr/bin/time -f %M` (for datatrove, the largest single process of its tree: its main process and its two "
                     + "workers each hold about as much):")
        for name in ["persona-host", "peer_plain.py", "peer_datatrove.py"] {
            for command in o.commands[name] ?? [] { lines.append("  - `\(command)`") }
        }
        lines += [
            "- Interleaved: persona-host, plain Python, datatrove, then again; times are medians (of two runs: their mean), MB/s is the "
                + "input's bytes over the median tag + stats wall time, peak RSS the largest of all runs (tag or stats). Output folders are "
                + "removed between runs. The peers run fewer times than persona-host when the Runs column says so: each of their runs "
                + "takes minutes at this size.",
            "- The peers (bench/dataset, README there) apply the plugin's rules translated by hand to Python (`rules.py`: sources, rules, "
                + "traits, text measures). `peer_plain.py` is one process with the standard `json` module; `peer_datatrove.py` is "
                + "`JsonlReader` (an adapter keeping every field) → a tagging `PipelineStep` → `JsonlWriter(compression=None)` on "
                + "`LocalPipelineExecutor(tasks=2, workers=2)`, and its stats a counting step whose datatrove stats the executor merges. "
                + "datatrove splits work by file, so it is given the same file cut in two halves at a line break (`WORK/split/part{0,1}/generated.jsonl`, "
                + "same base name; the cut is not timed): both cores work for it.",
        ]
        if let counts = o.reference {
            let personas = counts.personas.sorted { $0.value > $1.value }.map { "\($0.key) \(Format.grouped($0.value))" }.joined(separator: ", ")
            let traits = counts.traits.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.grouped($0.value))" }.joined(separator: ", ")
            lines.append("- Counts: the three programs' `stats` agreed on every run (checked; the benchmark stops on any difference): "
                         + "\(Format.grouped(counts.examples)) examples; personas \(personas); traits \(traits).")
        }
        if let skipped = o.largeSkipped {
            lines.append("- The \(Format.grouped(o.largeRows))-example memory run was **skipped**: \(skipped).")
        } else {
            lines.append("- Streaming: persona-host alone on \(Format.grouped(o.largeRows)) examples (generated with the same command, seed 42, "
                         + "\(Format.fixed(o.largeGenerateSeconds, 1)) s), one run of tag and stats; peak RSS target < \(Format.fixed(DatasetBenchmark.rssTargetMiB, 0)) MiB "
                         + "at both sizes. Free disk at the start: \(o.freeDiskGB.map { Format.fixed($0, 0) } ?? "?") GB.")
        }
        return lines.joined(separator: "\n")
    }
}
