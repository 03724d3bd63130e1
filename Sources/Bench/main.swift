import Builtins
import Foundation

// persona-bench: the release benchmark behind `make bench` for the Lua plugin host.
//
// Runs the benchmarks below, prints each section's markdown to stdout and rewrites it between its
// bench:<section> markers of docs/BENCHMARKS.md (host, goal, formulate, serve, dataset, photos).
//
// Usage: persona-bench [--only hook|load|start|host|goal|formulate|serve|dataset|photos]... [NAME]... [--no-write]
//        persona-bench catalogue [N]
// PERSONA_BENCH_GOAL_ROWS=20000[,…] runs the goal benchmark on other table sizes, for a quick check; it
// implies --no-write. So does PERSONA_BENCH_DATASET_ROWS=SIDE,LARGE (the dataset benchmark's two file sizes);
// PERSONA_BENCH_DATASET_RUNS=OURS,PLAIN,DATATROVE sets its runs per program; PERSONA_BENCH_DATASET_INPUT=FILE[,LARGE]
// uses given JSONL files instead of generating them (also --no-write).
// (a bare name is the same as --only NAME: `persona-bench formulate` runs the formulation benchmark alone)
// Exit status: 1 when a benchmark could not be run or its result could not be trusted, else 0;
// a figure that misses its target is marked FAIL in the report and named on stderr.

/// The formulation benchmark's detailed figures, for its own section (FormulateReport).
var formulate: FormulateOutcome?
/// The goal benchmark's side-by-side figures, for its own section (GoalBenchReport).
var goal: GoalOutcome?
/// The dataset benchmark's side-by-side figures, for its own section (DatasetReport).
var dataset: DatasetOutcome?
/// The photo benchmark's steps, for its own section (PhotosReport).
var photos: PhotosOutcome?

/// The benchmarks, by the name `--only` takes.
let benchmarks: [(name: String, run: () -> BenchmarkResult)] = [
    ("hook", { HookCallBenchmark().run() }),
    ("load", { PluginLoadBenchmark().run() }),
    ("start", { ColdStartBenchmark().run() }),
    ("goal", { let outcome = GoalBenchmark().run(); goal = outcome; return outcome.result }),
    ("formulate", { let outcome = FormulateBenchmark().run(); formulate = outcome; return outcome.result }),
    ("serve", { ServeLoadBenchmark().run() }),
    ("dataset", { let outcome = DatasetBenchmark().run(); dataset = outcome; return outcome.result }),
    ("photos", { let outcome = PhotosBenchmark().run(); photos = outcome; return outcome.result }),
]

// `persona-bench catalogue [N]`: writes a plugins folder whose skincare catalogue is the generated
// N-ingredient one (default 1,000) the formulation benchmark uses, prints its path, and exits; for
// reproducing a figure with `persona-host run formulate --plugins PATH …`.
if CommandLine.arguments.dropFirst().first == "catalogue" {
    let size = CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 1_000
    do {
        print(try FormulateBenchmark.writeCatalogue(size: size).path)
        exit(0)
    } catch {
        fail("cannot write the catalogue: \(error)")
    }
}

var only: Set<String> = []
var write = true
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--only":
        guard let name = arguments.popFirst() else { fail("--only needs a name: \(benchmarks.map(\.name).joined(separator: ", ")) or host") }
        only.insert(name)
    case "--no-write":
        write = false
    case "-h", "--help":
        print("usage: persona-bench [--only hook|load|start|host|goal|formulate|serve|dataset|photos]... [NAME]... [--no-write]")
        exit(0)
    case let name where !name.hasPrefix("-"):
        only.insert(name)
    default:
        fail("unknown argument '\(argument)' (try --help)")
    }
}
for variable in ["PERSONA_BENCH_GOAL_ROWS", "PERSONA_BENCH_DATASET_ROWS", "PERSONA_BENCH_DATASET_INPUT"] where ProcessInfo.processInfo.environment[variable] != nil && write {
    FileHandle.standardError.write(Data("persona-bench: \(variable) is set: docs/BENCHMARKS.md is left alone (--no-write)\n".utf8))
    write = false
}
if only.remove("host") != nil { only.formUnion(["hook", "load", "start"]) }
if let unknown = only.first(where: { name in !benchmarks.contains { $0.name == name } }) {
    fail("no benchmark named '\(unknown)': \(benchmarks.map(\.name).joined(separator: ", "))")
}

let machine = MachineInfo.current()  // before the runs: the load average is the one they started under
var results: [String: BenchmarkResult] = [:]

// Six sections of docs/BENCHMARKS.md: the host's micro-benchmarks, the goal pipeline, formulation, serving, dataset tagging, photo checks. Each is
// written as soon as its benchmarks have run, so a later benchmark that stops the run does not lose it.
let sections: [(title: String, marker: String, names: [String])] = [
    ("Lua plugin host", "host", ["hook", "load", "start"]),
    (GoalBenchReport.title, "goal", ["goal"]),
    (FormulateReport.title, "formulate", ["formulate"]),
    ("Serving under load while the rules change", "serve", ["serve"]),
    (DatasetReport.title, "dataset", ["dataset"]),
    (PhotosReport.title, "photos", ["photos"]),
]
for section in sections {
    for benchmark in benchmarks where section.names.contains(benchmark.name) && (only.isEmpty || only.contains(benchmark.name)) {
        FileHandle.standardError.write(Data("persona-bench: running \(benchmark.name)…\n".utf8))
        results[benchmark.name] = benchmark.run()
    }
    let parts = section.names.compactMap { results[$0] }
    guard !parts.isEmpty else { continue }
    let report = Report(title: section.title, date: Date(), machine: machine, results: parts)
    // The formulation section has its own table (stages, fastest–slowest, search nodes), and so has the goal
    // section (persona-host and the reference side by side on the same rows).
    let markdown: String? = switch section.marker {
    case "formulate": formulate.map { FormulateReport(date: report.date, machine: machine, outcome: $0).markdown }
    case "goal": goal.map { GoalBenchReport(date: report.date, machine: machine, outcome: $0).markdown }
    case "dataset": dataset.map { DatasetReport(date: report.date, machine: machine, outcome: $0).markdown }
    case "photos": photos.map { PhotosReport(date: report.date, machine: machine, outcome: $0).markdown }
    default: nil
    }
    print(markdown ?? report.markdown)
    // A section is rewritten only when all of its benchmarks ran.
    guard write && parts.count == section.names.count else { continue }
    do {
        try BenchmarksFile.update(RepositoryPaths.benchmarksFile, section: markdown ?? report.markdown,
                                  start: "<!-- bench:\(section.marker):start -->", end: "<!-- bench:\(section.marker):end -->")
        FileHandle.standardError.write(Data("persona-bench: updated \(section.title) in \(RepositoryPaths.benchmarksFile.path)\n".utf8))
    } catch {
        fail("cannot update \(RepositoryPaths.benchmarksFile.path): \(error)")
    }
}
for figure in results.values.flatMap(\.figures) where figure.passes == false {
    FileHandle.standardError.write(Data("persona-bench: MISSED TARGET: \(figure.name)\n".utf8))
}
