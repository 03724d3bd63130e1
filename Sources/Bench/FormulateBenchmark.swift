import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// `run formulate` on the real skincare catalogue (58 ingredients) and on a generated one of
/// 1,000 (`CatalogueFixture`), for a few representative requests.
///
/// In process, each request is timed as scoring alone (`FormulatePipeline.assess`), the whole
/// `FormulatePipeline.run` (scoring, search, diagnosis, report) on a loaded domain, and a fresh
/// `PluginLoader().loadAll` + `FormulationDomain.find` + `run`; as the user meets it, as a
/// `persona-host run formulate … --json` process, spawned and timed to exit. Every repetition
/// must give the same answer (status, search nodes), in process and from the CLI alike.
struct FormulateBenchmark {
    /// One request, as the benchmark and the CLI state it.
    struct Case: Sendable {
        var persona: String
        var concerns: [String]
        var budget: Double?

        var request: FormulationRun.Request {
            FormulationRun.Request(persona: persona, concerns: concerns, budget: budget)
        }
        var arguments: [String] {
            ["--persona", persona, "--concerns", concerns.joined(separator: ",")] + (budget.map { ["--budget", Format.fixed($0, 0)] } ?? [])
        }
        var label: String {
            "\(persona): \(concerns.joined(separator: ", "))" + (budget.map { ", budget \(Format.fixed($0, 0))" } ?? "")
        }
    }

    static let cases = [
        Case(persona: "sensitive_skin", concerns: ["redness", "sensitivity"]),
        Case(persona: "anti_aging", concerns: ["wrinkles", "hyperpigmentation", "acne"]),
        Case(persona: "acne_prone", concerns: ["acne", "oiliness"], budget: 30),
        Case(persona: "natural_beauty", concerns: ["dryness", "dullness"]),
    ]

    /// The generated catalogue's size.
    var generatedSize = 1_000
    /// Repetitions per figure; `slowRepetitions` when one run of a request takes over `slowSeconds`.
    var repetitions = 7
    var slowRepetitions = 3
    var slowSeconds = 2.0
    /// A request answered (whole CLI process) within this is interactive.
    static let interactiveMilliseconds = 1_000.0

    /// A plugins folder holding the skincare plugin with a generated `size`-ingredient catalogue.
    static func writeCatalogue(size: Int) throws -> URL {
        let source = RepositoryPaths.root.appendingPathComponent("plugins/skincare")
        let real = try CatalogueFixture.write(from: source, base: [], ingredients: nil)
        defer { try? FileManager.default.removeItem(at: real) }
        let base = try FormulationDomain.find(in: try PluginLoader().loadAll(from: real)).ingredients
        return try CatalogueFixture.write(from: source, base: base, ingredients: size)
    }

    func run() -> FormulateOutcome {
        let source = RepositoryPaths.root.appendingPathComponent("plugins/skincare")
        let real = folder { try CatalogueFixture.write(from: source, base: [], ingredients: nil) }
        defer { try? FileManager.default.removeItem(at: real) }
        let base = load(real)
        let generated = folder { try CatalogueFixture.write(from: source, base: base.ingredients, ingredients: generatedSize) }
        defer { try? FileManager.default.removeItem(at: generated) }

        var outcome = FormulateOutcome(generatedSize: generatedSize, seed: CatalogueFixture.seed)
        for (plugins, size) in [(real, base.ingredients.count), (generated, generatedSize)] {
            let domain = load(plugins)
            guard domain.ingredients.count == size, domain.personas.count == base.personas.count else {
                fail("\(plugins.path): \(domain.ingredients.count) ingredients and \(domain.personas.count) personas, "
                     + "expected \(size) and \(base.personas.count) (a persona skipped?)")
            }
            var loads: [Double] = []
            for _ in 0..<repetitions { loads.append(Timing.measure { load(plugins) }.nanoseconds / 1e6) }
            outcome.loads.append(.init(ingredients: size, milliseconds: Samples(loads)))
            let database = emptyDatabase(beside: plugins)
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
            for request in FormulateBenchmark.cases {
                FileHandle.standardError.write(Data("persona-bench: formulate, \(size) ingredients, \(request.label)…\n".utf8))
                outcome.rows.append(measure(request, plugins: plugins, domain: domain, database: database))
            }
        }
        return outcome
    }

    /// An empty database (`persona-host data init`) beside the plugins folder: the CLI runs read their
    /// learned multipliers from it and find none. (A missing `--db` is a usage error since the
    /// database open modes.)
    private func emptyDatabase(beside plugins: URL) -> String {
        let path = plugins.path + "-empty.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let created = ChildProcess.run(RepositoryPaths.personaHost, ["data", "init", "--db", path])
        guard created.status == 0 else { fail("persona-host data init --db \(path) failed: \(created.output)") }
        return path
    }

    /// Every figure of one request on one catalogue.
    private func measure(_ c: Case, plugins: URL, domain: FormulationDomain, database: String) -> FormulateOutcome.Row {
        let pipeline = FormulatePipeline(domain: domain)
        let (warm, first) = Timing.measure { formulate(pipeline, c) }  // untimed for the figures; sets the count
        let count = warm / 1e9 > slowSeconds ? slowRepetitions : repetitions
        var assess: [Double] = [], whole: [Double] = [], fresh: [Double] = [], cli: [Double] = [], rss: [Double] = []
        for _ in 0..<count {
            assess.append(Timing.measure { () -> Int in
                do { return try pipeline.assess(c.request).assessments.count } catch { fail("assess \(c.label): \(error)") }
            }.nanoseconds / 1e6)
            let (runTime, again) = Timing.measure { formulate(pipeline, c) }
            whole.append(runTime / 1e6)
            let (freshTime, cold) = Timing.measure { formulate(FormulatePipeline(domain: load(plugins)), c) }
            fresh.append(freshTime / 1e6)
            // An empty database: no learned multipliers apply, and none in the working directory is touched.
            let process = ChildProcess.run(RepositoryPaths.personaHost,
                                    ["run", "formulate", "--plugins", plugins.path, "--db", database] + c.arguments + ["--json"])
            guard process.status == 0,
                  let json = try? JSONSerialization.jsonObject(with: Data(process.stdout.utf8)) as? [String: Any],
                  let search = json["search"] as? [String: Any]
            else { fail("persona-host run formulate \(c.label) failed: \(process.output)") }
            cli.append(process.milliseconds)
            rss.append(process.peakRSSMiB)
            for (name, other) in [("run", again.search.nodes), ("fresh run", cold.search.nodes), ("CLI", search["nodes"] as? Int ?? -1)]
            where other != first.search.nodes {
                fail("\(c.label): the \(name) visited \(other) nodes, the first run \(first.search.nodes): not the same work")
            }
            if json["status"] as? String != first.status { fail("\(c.label): the CLI says \(json["status"] ?? "?"), in process \(first.status)") }
        }
        return .init(ingredients: domain.ingredients.count, request: c.label, runs: count,
                     assess: Samples(assess), run: Samples(whole), loadAndRun: Samples(fresh), process: Samples(cli),
                     peakRSSMiB: rss.max() ?? 0, nodes: first.search.nodes, candidates: first.search.candidates,
                     provenOptimal: first.search.provenOptimal, status: first.status,
                     chosen: first.ingredients.map(\.id), covered: first.covered, binding: first.binding.map(\.constraint))
    }

    private func formulate(_ pipeline: FormulatePipeline, _ c: Case) -> FormulationRun {
        do { return try pipeline.run(c.request) } catch { fail("run formulate \(c.label): \(error)") }
    }

    /// `PluginLoader().loadAll(from:)` and `FormulationDomain.find`; any failure is fatal.
    private func load(_ plugins: URL) -> FormulationDomain {
        do {
            let set = try PluginLoader().loadAll(from: plugins)
            if let failure = set.failures.first { fail("\(plugins.path): a plugin failed to load: \(failure.error)") }
            return try FormulationDomain.find(in: set)
        } catch {
            fail("cannot load the formulation domain from \(plugins.path): \(error)")
        }
    }

    private func folder(_ write: () throws -> URL) -> URL {
        do { return try write() } catch { fail("cannot write the benchmark's plugins folder: \(error)") }
    }
}

/// Median, fastest and slowest of a series of timings (milliseconds).
struct Samples: Sendable {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        median = Timing.median(values)
        min = values.min() ?? 0
        max = values.max() ?? 0
    }
}

/// What the formulation benchmark measured, ready for `FormulateReport`.
struct FormulateOutcome: Sendable {
    /// Plugin load time for one catalogue.
    struct Load: Sendable {
        var ingredients: Int
        var milliseconds: Samples
    }

    /// One request on one catalogue.
    struct Row: Sendable {
        var ingredients: Int
        var request: String
        var runs: Int
        var assess: Samples
        var run: Samples
        var loadAndRun: Samples
        var process: Samples
        var peakRSSMiB: Double
        var nodes: Int
        var candidates: Int
        var provenOptimal: Bool
        var status: String
        var chosen: [String]
        var covered: [String]
        var binding: [String]
    }

    var generatedSize: Int
    var seed: UInt64
    var loads: [Load] = []
    var rows: [Row] = []

    /// The figures `persona-bench` checks against their targets: each request's whole process.
    var result: BenchmarkResult {
        BenchmarkResult(figures: rows.map { row in
            Figure(name: "\(Format.grouped(row.ingredients)) ingredients, \(row.request): `run formulate` process",
                   value: row.process.median, unit: "ms", target: FormulateBenchmark.interactiveMilliseconds,
                   repetitions: "median of \(row.runs) runs")
        })
    }
}
