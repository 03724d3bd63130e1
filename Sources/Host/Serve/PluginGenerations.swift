import Builtins
import Foundation
import Logging
import Plugins

/// The plugin sets a server has served, as generations: the current one, and the result of the
/// last reload.
///
/// A reload loads and validates the whole folder, runs the plugins' own tests when there are any
/// (`PluginTestRunner`), and only then swaps the new set in as the next generation. A set that
/// fails leaves the last good generation serving; the failure is kept in `lastReload` and
/// logged. A request takes `current` once and runs entirely on it, so no request sees half a
/// reload. Reloads run one at a time, in the order asked.
public actor PluginGenerations {
    /// The folder watched and reloaded.
    public nonisolated let folder: URL
    /// Budgets, seed and logger of every load.
    public nonisolated let loader: PluginLoader
    /// Pool capacity of each generation (one set per worker).
    public nonisolated let capacity: Int
    /// Whether a reload runs the plugins' own tests before swapping (on by default).
    public nonisolated let runTests: Bool

    /// The generation serving now (nil until a first set validates).
    public private(set) var current: PluginGeneration?
    /// The last reload's result.
    public private(set) var lastReload: ReloadResult?
    /// How many reloads succeeded and failed.
    public private(set) var reloads: (succeeded: Int, failed: Int) = (0, 0)

    private var pending: Task<ReloadResult, Never>?
    private let logger: Logger

    public init(folder: URL, loader: PluginLoader, capacity: Int, runTests: Bool = true,
                logger: Logger = Logger(label: "persona-host.serve")) {
        self.folder = folder
        self.loader = loader
        self.capacity = capacity
        self.runTests = runTests
        self.logger = logger
    }

    /// Loads, validates and tests the folder; swaps it in when all of that passes. Waits for a
    /// reload already running, then runs its own (a change made meanwhile is not missed).
    @discardableResult
    public func reload(trigger: String) async -> ReloadResult {
        let previous = pending
        let task = Task { () -> ReloadResult in
            _ = await previous?.value
            return await self.performReload(trigger: trigger)
        }
        pending = task
        return await task.value
    }

    private func performReload(trigger: String) async -> ReloadResult {
        let number = (current?.number ?? 0) + 1
        let (folder, loader, capacity, runTests) = (self.folder, self.loader, self.capacity, self.runTests)
        let outcome: Outcome
        do {
            outcome = try await BlockingWork.run { Self.validate(folder: folder, loader: loader, number: number, capacity: capacity, runTests: runTests) }
        } catch {
            outcome = Outcome(generation: nil, failures: [PluginProblem(plugin: nil, file: nil, line: nil, message: "\(error)")], tests: nil)
        }
        let result: ReloadResult
        if let generation = outcome.generation {
            current = generation
            reloads.succeeded += 1
            result = ReloadResult(ok: true, generation: generation.number, at: Date(), trigger: trigger, failures: [], tests: outcome.tests)
            logger.info("plugins: generation \(generation.number) serving (\(generation.members.count) plugins\(outcome.tests.map { ", tests \($0)" } ?? ""))")
        } else {
            reloads.failed += 1
            result = ReloadResult(ok: false, generation: current?.number ?? 0, at: Date(), trigger: trigger, failures: outcome.failures, tests: outcome.tests)
            let kept = current.map { "generation \($0.number) keeps serving" } ?? "no generation is serving"
            logger.error("plugins: reload refused, \(kept): \(outcome.failures.map(\.message).joined(separator: "; "))")
        }
        lastReload = result
        return result
    }

    /// What a validation gave: a new generation, or why not.
    struct Outcome: Sendable {
        var generation: PluginGeneration?
        var failures: [PluginProblem]
        var tests: String?
    }

    /// Discovery, load, cross-checks and the plugins' own tests, synchronously.
    static func validate(folder: URL, loader: PluginLoader, number: Int, capacity: Int, runTests: Bool) -> Outcome {
        let found: (sources: [PluginSource], problems: [PluginError])
        do { found = try PluginDiscovery.plugins(in: folder) } catch {
            return Outcome(generation: nil, failures: [PluginProblem(error)], tests: nil)
        }
        let set = loader.load(found.sources, problems: found.problems)
        guard set.failures.isEmpty else { return Outcome(generation: nil, failures: set.failures.map { PluginProblem($0.error) }, tests: nil) }
        guard !set.plugins.isEmpty else {
            return Outcome(generation: nil, failures: [PluginProblem(plugin: nil, file: folder.path, line: nil, message: "no plugins in \(folder.path)")], tests: nil)
        }
        var tests: String?
        if runTests {
            do {
                let (targets, untested) = try PluginTestTarget.find([folder])
                if !targets.isEmpty {
                    // The tests load the sources just validated (their files as read then), not the
                    // folder again: what passes the tests is exactly what will be served.
                    var runner = PluginTestRunner(loader: loader)
                    runner.sources = found.sources
                    let report = try runner.run(targets, untested: untested)
                    tests = report.summary
                    let failed = report.cases.filter { !$0.passed }
                    if !failed.isEmpty { return Outcome(generation: nil, failures: failed.map(PluginProblem.init), tests: tests) }
                }
            } catch {
                return Outcome(generation: nil, failures: [PluginProblem(plugin: nil, file: nil, line: nil, message: error.description)], tests: tests)
            }
        }
        let generation = PluginGeneration(number: number, folder: folder, sources: found.sources, first: set, loader: loader, capacity: capacity)
        return Outcome(generation: generation, failures: [], tests: tests)
    }
}
