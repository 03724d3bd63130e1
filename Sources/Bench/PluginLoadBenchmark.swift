import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// Time to load and validate a folder of plugins with `PluginLoader().loadAll(from:)`: discovery,
/// one sandbox per plugin, running each `init.lua` and validating its manifest.
struct PluginLoadBenchmark {
    /// The whole folder must load in under this many milliseconds.
    static let targetMilliseconds = 50.0

    /// Plugins generated into the folder.
    var plugins = 50
    /// Timed loads (the figure is their median).
    var repetitions = 7

    func run() -> BenchmarkResult {
        let folder: URL
        do {
            folder = try PluginFixtures.write(count: plugins)
        } catch {
            fail("cannot write the generated plugins: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }

        _ = load(folder)  // warm-up: the files in the page cache, the allocator grown
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let (nanoseconds, set) = Timing.measure { load(folder) }
            samples.append(nanoseconds / 1e6)
            check(set)
        }
        let figure = Figure(name: "load and validate \(plugins) plugins (`PluginLoader().loadAll`)",
                            value: Timing.median(samples), unit: "ms", target: PluginLoadBenchmark.targetMilliseconds,
                            repetitions: "median of \(repetitions) loads")
        return BenchmarkResult(figures: [figure], notes: [
            "Plugin load: \(plugins) generated folder plugins shaped like `plugins/parenting` (intents, 3 formulas, "
                + "clustering, persona), each in its own sandbox; the time includes discovery, running every `init.lua` "
                + "and validating every manifest, not freeing the loaded set.",
        ])
    }

    /// One load of `folder`; a missing folder is fatal.
    private func load(_ folder: URL) -> PluginSet {
        do {
            return try PluginLoader().loadAll(from: folder)
        } catch {
            fail("cannot load the generated plugins: \(error)")
        }
    }

    /// Every generated plugin must have loaded: a benchmark of failures would be meaningless.
    private func check(_ set: PluginSet) {
        if !set.failures.isEmpty {
            let reasons = set.failures.map { "  \($0.source?.displayPath ?? "?"): \($0.error)" }
            fail("\(set.failures.count) generated plugin(s) failed to load:\n" + reasons.joined(separator: "\n"))
        }
        guard set.plugins.count == plugins else {
            fail("loaded \(set.plugins.count) plugins, expected \(plugins)")
        }
    }
}
