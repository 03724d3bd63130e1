import Builtins
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dataset tag` + `dataset stats` against two Python peers doing the same rules on the same
/// generated file, in one run (issue 12): a plain-Python one (`bench/dataset/peer_plain.py`,
/// standard `json`) and a datatrove pipeline (`bench/dataset/peer_datatrove.py`). Then
/// persona-host alone on a five times larger file, for its memory (streaming: flat peak RSS).
///
/// The three are run interleaved (persona-host, plain, datatrove, then again), each step a fresh
/// process timed from spawn to exit with its peak RSS from `/usr/bin/time -f %M`. After the first
/// round the persona and trait counts of the three `stats` outputs must agree, or the benchmark
/// stops: the times would not be of the same work. Temporary data lives in one folder, removed
/// at the end.
struct DatasetBenchmark {
    /// Rows of the side-by-side file and of persona-host's memory run;
    /// `PERSONA_BENCH_DATASET_ROWS=20000,50000` replaces them (a quick check, not the documented figures).
    var sizes: (sideBySide: Int, large: Int) = {
        let given = ProcessInfo.processInfo.environment["PERSONA_BENCH_DATASET_ROWS"]?
            .split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 } ?? []
        return given.count == 2 ? (given[0], given[1]) : (1_000_000, 5_000_000)
    }()
    /// Runs of each program, interleaved; `PERSONA_BENCH_DATASET_RUNS=ours,plain,datatrove` replaces them. The
    /// peers take about four minutes each per run at 1M rows on the 2-core machine, so they run twice.
    var runs: (host: Int, plain: Int, datatrove: Int) = {
        let given = ProcessInfo.processInfo.environment["PERSONA_BENCH_DATASET_RUNS"]?
            .split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 } ?? []
        return given.count == 3 ? (given[0], given[1], given[2]) : (3, 2, 2)
    }()

    /// `PERSONA_BENCH_DATASET_INPUT=SIDE.jsonl[,LARGE.jsonl]`: files to use instead of generating (a check
    /// on other data; implies --no-write). Their lines are counted for the examples check.
    var givenInputs: [URL] = ProcessInfo.processInfo.environment["PERSONA_BENCH_DATASET_INPUT"]?
        .split(separator: ",").map { URL(fileURLWithPath: String($0)) } ?? []

    /// Targets: this many times the plain peer's speed, faster than datatrove, and under this peak RSS.
    static let plainSpeedTarget = 10.0
    static let datatroveSpeedTarget = 1.0
    static let rssTargetMiB = 200.0
    /// Bytes of disk the largest step needs per generated row (input, output, the split copy), as a guess.
    static let diskBytesPerRow = 2_600

    private var peers: URL { RepositoryPaths.root.appendingPathComponent("bench/dataset") }

    func run() -> DatasetOutcome {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("persona-bench-dataset-\(getpid())")
        defer { try? fm.removeItem(at: work) }
        do { try fm.createDirectory(at: work, withIntermediateDirectories: true) } catch { fail("dataset: cannot create \(work.path): \(error)") }
        for script in ["peer_plain.py", "peer_datatrove.py", "rules.py"] where !fm.fileExists(atPath: peers.appendingPathComponent(script).path) {
            fail("dataset: no \(script) in \(peers.path)")
        }
        let python = Self.timed(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
            "import sys, importlib.metadata as m; print('Python', sys.version.split()[0] + ', datatrove', m.version('datatrove') + ', orjson', m.version('orjson'))"])
        guard python.status == 0 else { fail("dataset: datatrove is not installed (`python3 -m pip install datatrove`): \(python.output)") }

        var outcome = DatasetOutcome(rows: sizes.sideBySide, largeRows: sizes.large, loadAtStart: MachineInfo.loadAverage())
        outcome.environment = python.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        outcome.freeDiskGB = Self.freeBytes(work).map { Double($0) / 1e9 }
        if let free = Self.freeBytes(work), free < Int64(sizes.sideBySide) * Int64(Self.diskBytesPerRow) {
            fail("dataset: only \(Format.fixed(Double(free) / 1e9, 1)) GB free in \(work.path); \(Format.grouped(sizes.sideBySide)) examples need about "
                 + "\(Format.fixed(Double(sizes.sideBySide * Self.diskBytesPerRow) / 1e9, 1)) GB (input, its split copy, one output)")
        }
        let input = work.appendingPathComponent("generated.jsonl")
        if let given = givenInputs.first {
            do { try fm.copyItem(at: given, to: input) } catch { fail("dataset: cannot copy \(given.path): \(error)") }
            outcome.rows = Self.lineCount(input)
        } else {
            outcome.generateSeconds = generate(rows: sizes.sideBySide, into: input)
        }
        outcome.bytes = Self.size(input)

        // datatrove splits work by file: two halves (same base name, two folders) let its two tasks use both cores.
        let halves = [work.appendingPathComponent("split/part0/generated.jsonl"), work.appendingPathComponent("split/part1/generated.jsonl")]
        Self.split(input, into: halves)

        var host = ProgramRuns(name: "persona-host"), plain = ProgramRuns(name: "plain Python"), datatrove = ProgramRuns(name: "datatrove")
        let out = work.appendingPathComponent("out")
        for round in 0..<max(runs.host, runs.plain, runs.datatrove) {
            var ran: [String] = []
            if round < runs.host { host.runs.append(tagAndStats(.host, inputs: [input], out: out, outcome: &outcome)); ran.append(host.last) }
            if round < runs.plain { plain.runs.append(tagAndStats(.plain, inputs: [input], out: out, outcome: &outcome)); ran.append(plain.last) }
            if round < runs.datatrove {
                datatrove.runs.append(tagAndStats(.datatrove, inputs: halves, out: out, outcome: &outcome))
                ran.append(datatrove.last)
            }
            FileHandle.standardError.write(Data("persona-bench: dataset round \(round + 1): \(ran.joined(separator: ", "))\n".utf8))
        }
        outcome.programs = [host, plain, datatrove]
        try? fm.removeItem(at: work.appendingPathComponent("split"))
        try? fm.removeItem(at: input)

        // persona-host alone on the larger file: its memory must not grow with the input.
        let needed = Int64(sizes.large) * Int64(Self.diskBytesPerRow)
        let free = Self.freeBytes(work)
        if free == nil {
            FileHandle.standardError.write(Data("persona-bench: dataset: free space in \(work.path) is unknown; running \(sizes.large) rows anyway (a full disk fails the run)\n".utf8))
        }
        if let free, free < needed {
            outcome.largeSkipped = "only \(Format.fixed(Double(free) / 1e9, 1)) GB free in \(work.path), \(Format.fixed(Double(needed) / 1e9, 1)) GB needed"
            FileHandle.standardError.write(Data("persona-bench: dataset: \(sizes.large) rows skipped: \(outcome.largeSkipped!)\n".utf8))
        } else {
            var large = work.appendingPathComponent("generated-large.jsonl")
            if givenInputs.count > 1 {
                large = givenInputs[1]
                outcome.largeRows = Self.lineCount(large)
            } else {
                outcome.largeGenerateSeconds = generate(rows: sizes.large, into: large)
            }
            outcome.largeBytes = Self.size(large)
            outcome.large = tagAndStats(.host, inputs: [large], out: out, outcome: &outcome, expectedRows: outcome.largeRows)
            FileHandle.standardError.write(Data("persona-bench: dataset \(Format.grouped(outcome.largeRows)) rows: persona-host \(Format.fixed(outcome.large!.seconds, 1)) s\n".utf8))
        }
        outcome.loadAtEnd = MachineInfo.loadAverage()
        return outcome
    }

    // MARK: - One program, one run

    enum Program { case host, plain, datatrove }

    /// Tags `inputs` into a fresh `out`, then runs stats on what it wrote; checks the counts.
    private func tagAndStats(_ program: Program, inputs: [URL], out: URL, outcome: inout DatasetOutcome, expectedRows: Int? = nil) -> DatasetRun {
        try? FileManager.default.removeItem(at: out)
        defer { try? FileManager.default.removeItem(at: out) }
        let (binary, tagArguments) = command(program, ["tag"] + inputs.map(\.path) + ["--out", out.path])
        let tag = Self.timed(binary, tagArguments)
        guard tag.status == 0 else { fail("dataset: \(Self.shell(binary, tagArguments)) exited \(tag.status): \(tag.output.suffix(2000))") }
        let written = Self.jsonlFiles(under: out)
        guard !written.isEmpty else { fail("dataset: \(Self.shell(binary, tagArguments)) wrote no .jsonl file in \(out.path)") }
        let (_, statsArguments) = command(program, ["stats"] + written.map(\.path) + ["--json"])
        let stats = Self.timed(binary, statsArguments)
        guard stats.status == 0 else { fail("dataset: \(Self.shell(binary, statsArguments)) exited \(stats.status): \(stats.output.suffix(2000))") }
        guard let counts = DatasetCounts(json: stats.stdout) else {
            fail("dataset: \(Self.shell(binary, statsArguments)) printed no {examples, personas, traits} JSON: \(stats.stdout.prefix(500))")
        }
        let name = program == .host ? "persona-host" : program == .plain ? "peer_plain.py" : "peer_datatrove.py"
        if outcome.commands[name] == nil {
            let work = out.deletingLastPathComponent()
            outcome.commands[name] = [Self.shell(binary, tagArguments, work: work), Self.shell(binary, statsArguments, work: work)]
        }
        let rows = expectedRows ?? outcome.rows
        guard counts.examples == rows else { fail("dataset: \(name) counted \(counts.examples) examples, the file has \(rows)") }
        if expectedRows == nil {
            if let reference = outcome.reference {
                let differences = reference.differences(from: counts)
                guard differences.isEmpty else {
                    fail("dataset: COUNTS DISAGREE between persona-host and \(name) on the same \(Format.grouped(outcome.rows)) examples:\n  "
                         + differences.joined(separator: "\n  ") + "\nThe peers no longer apply the plugin's rules as persona-host does; stopping.")
                }
            } else {
                outcome.reference = counts
            }
        }
        return DatasetRun(tagSeconds: tag.seconds, statsSeconds: stats.seconds, tagRSSMiB: tag.rssMiB, statsRSSMiB: stats.rssMiB)
    }

    /// The program and arguments of `arguments` (a `tag …` or `stats …` line) for `program`.
    private func command(_ program: Program, _ arguments: [String]) -> (URL, [String]) {
        switch program {
        case .host: (RepositoryPaths.personaHost, ["dataset"] + arguments)
        case .plain: (URL(fileURLWithPath: "/usr/bin/env"), ["python3", peers.appendingPathComponent("peer_plain.py").path] + arguments)
        case .datatrove: (URL(fileURLWithPath: "/usr/bin/env"), ["python3", peers.appendingPathComponent("peer_datatrove.py").path] + arguments)
        }
    }

    /// `persona-host dataset generate --rows N --out FILE --seed 42`; its time in seconds.
    private func generate(rows: Int, into file: URL) -> Double {
        let arguments = ["dataset", "generate", "--rows", String(rows), "--out", file.path, "--seed", "42"]
        FileHandle.standardError.write(Data("persona-bench: dataset: generating \(Format.grouped(rows)) examples…\n".utf8))
        let run = Self.timed(RepositoryPaths.personaHost, arguments)
        guard run.status == 0, FileManager.default.fileExists(atPath: file.path) else {
            fail("dataset: `persona-host \(arguments.joined(separator: " "))` exited \(run.status): \(run.output.suffix(2000))")
        }
        return run.seconds
    }
}

// MARK: - Files and processes

extension DatasetBenchmark {
    static func timed(_ binary: URL, _ arguments: [String]) -> (status: Int32, seconds: Double, rssMiB: Double, stdout: String, output: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { fail("no /usr/bin/time (Debian package time; `make deps` installs it)") }
        let run = ChildProcess.run(binary, arguments)
        return (run.status, run.milliseconds / 1000, run.peakRSSMiB, run.stdout, run.output)
    }

    /// The command as one would type it in the repository, with the temporary folder shown as `work`.
    static func shell(_ binary: URL, _ arguments: [String], work: URL? = nil) -> String {
        var words = (binary.path == "/usr/bin/env" ? [] : [".build/release/\(binary.lastPathComponent)"]) + arguments
        let root = RepositoryPaths.root.path + "/"
        words = words.map { word in
            var word = word.hasPrefix(root) ? String(word.dropFirst(root.count)) : word
            if let work, word.hasPrefix(work.path) { word = "WORK" + word.dropFirst(work.path.count) }
            return word.contains(" ") ? "'\(word)'" : word
        }
        return words.joined(separator: " ")
    }

    /// The `.jsonl` files anywhere under `folder`, sorted.
    static func jsonlFiles(under folder: URL) -> [URL] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }
    }

    /// Lines in `file` that hold more than white space (the examples of a JSONL file).
    static func lineCount(_ file: URL) -> Int {
        guard let reader = FileHandle(forReadingAtPath: file.path) else { fail("dataset: cannot read \(file.path)") }
        defer { try? reader.close() }
        var count = 0, blank = true
        while true {
            let chunk: Data
            do { chunk = try reader.read(upToCount: 4 << 20) ?? Data() } catch { fail("dataset: cannot read \(file.path): \(error)") }
            if chunk.isEmpty { break }
            for byte in chunk {
                if byte == 0x0A {
                    if !blank { count += 1 }
                    blank = true
                } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    blank = false
                }
            }
        }
        return blank ? count : count + 1
    }

    static func size(_ file: URL) -> Int64 {
        do {
            guard let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value else {
                fail("dataset: no size for \(file.path)")
            }
            return size
        } catch {
            fail("dataset: cannot read the size of \(file.path): \(error)")
        }
    }

    /// Free bytes on `folder`'s file system; nil when the system does not say (the caller states it).
    static func freeBytes(_ folder: URL) -> Int64? {
        do {
            return (try FileManager.default.attributesOfFileSystem(forPath: folder.path)[.systemFreeSize] as? NSNumber)?.int64Value
        } catch {
            return nil
        }
    }

    /// Copies `file` into `parts` (two files), cut at the first line break after half its size.
    static func split(_ file: URL, into parts: [URL]) {
        let total = size(file)
        guard let reader = FileHandle(forReadingAtPath: file.path) else { fail("dataset: cannot read \(file.path)") }
        defer { try? reader.close() }
        var written: Int64 = 0
        for (index, part) in parts.enumerated() {
            do {
                try FileManager.default.createDirectory(at: part.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: part.path, contents: nil) else { fail("dataset: cannot create \(part.path)") }
                let writer = try FileHandle(forWritingTo: part)
                defer { try? writer.close() }
                let last = index == parts.count - 1
                while let chunk = try reader.read(upToCount: 4 << 20), !chunk.isEmpty {
                    // Past this part's share of the file, stop at the first line break.
                    let share = total * Int64(index + 1) / Int64(parts.count)
                    if !last, written + Int64(chunk.count) >= share, let newline = chunk[chunk.index(chunk.startIndex, offsetBy: Int(max(0, share - written)))...].firstIndex(of: 0x0A) {
                        let head = chunk[..<(newline + 1)]
                        try writer.write(contentsOf: head)
                        written += Int64(head.count)
                        try reader.seek(toOffset: UInt64(written))
                        break
                    }
                    try writer.write(contentsOf: chunk)
                    written += Int64(chunk.count)
                }
            } catch {
                fail("dataset: cannot split \(file.path) into \(part.path): \(error)")
            }
        }
    }
}
