import Foundation
import Host
import Plugins
import Testing
import TestSupport

/// `PluginGenerations` and `PluginGeneration`: validate → test → swap, the last good generation
/// kept on a failure, pool copies loaded from the validated snapshot, requests isolated per
/// generation, and the folder watcher.
@Suite struct PluginGenerationsTests {
    /// A single-file plugin whose version is `version` (and whose line 3 breaks it when `broken`).
    static func plugin(version: String, broken: Bool = false) -> String {
        """
        return {
          name = "tiny", version = "\(version)", api = 1, description = "A tiny plugin",
          \(broken ? "oops(" : "")
        }
        """
    }

    static func generations(_ folder: URL, runTests: Bool = true) -> PluginGenerations {
        PluginGenerations(folder: folder, loader: PluginLoader(), capacity: 2, runTests: runTests)
    }

    @Test func aBrokenSetKeepsTheLastGoodGenerationServingAndSaysWhere() async throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["tiny.lua": Self.plugin(version: "1")], in: folder)
        let generations = Self.generations(folder)

        let first = await generations.reload(trigger: "start")
        #expect(first.ok && first.generation == 1 && first.failures.isEmpty)

        try Support.write(["tiny.lua": Self.plugin(version: "2", broken: true)], in: folder)
        let refused = await generations.reload(trigger: "request")
        #expect(!refused.ok)
        #expect(refused.generation == 1)
        let problem = try #require(refused.failures.first)
        #expect(problem.file?.hasSuffix("tiny.lua") == true, "\(problem)")
        #expect(problem.line == 4, "\(problem)")
        #expect(await generations.current?.number == 1)
        #expect(await generations.current?.members.map(\.version) == ["1"])
        #expect(await generations.lastReload == refused)

        try Support.write(["tiny.lua": Self.plugin(version: "3")], in: folder)
        let fixed = await generations.reload(trigger: "request")
        #expect(fixed.ok && fixed.generation == 2)
        #expect(await generations.current?.members.map(\.version) == ["3"])
        #expect(await generations.reloads == (2, 1))
    }

    @Test func aPoolCopyRunsTheFilesAsValidatedEvenAfterTheFolderChanges() async throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["tiny.lua": Self.plugin(version: "1")], in: folder)
        let generations = Self.generations(folder)
        await generations.reload(trigger: "start")
        let generation = try #require(await generations.current)
        // The file now says version 2, and would not even load.
        try Support.write(["tiny.lua": Self.plugin(version: "2", broken: true)], in: folder)

        let versions = try generation.withPlugins { held in
            // The pool's one set is leased: a second lease loads a new copy, from the snapshot.
            try generation.withPlugins { copy in
                #expect(held.plugins[0] !== copy.plugins[0])
                return [held.plugins[0].manifest.version, copy.plugins[0].manifest.version]
            }
        }
        #expect(versions == ["1", "1"])
        #expect(generation.idleCount == 2)
    }

    @Test func failingPluginTestsRefuseTheSet() async throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["tiny/init.lua": Self.plugin(version: "1"),
                           "tiny/tests/a_test.lua": "test.case(\"sums\", function() test.equal(1 + 1, 2) end)\n"], in: folder)
        let generations = Self.generations(folder)
        let first = await generations.reload(trigger: "start")
        #expect(first.ok && first.tests == "1 passed, 0 failed")

        try Support.write(["tiny/tests/a_test.lua": "test.case(\"sums\", function()\n  test.equal(1 + 1, 3)\nend)\n"], in: folder)
        let refused = await generations.reload(trigger: "watch")
        #expect(!refused.ok && refused.generation == 1)
        #expect(refused.tests == "0 passed, 1 failed")
        let problem = try #require(refused.failures.first)
        #expect(problem.file?.hasSuffix("tiny/tests/a_test.lua") == true && problem.line == 2, "\(problem)")
        #expect(problem.message.contains("sums"))
    }

    @Test func everyLeaseRunsTheRulesOfTheGenerationItStartedWith() async throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["tiny.lua": Self.plugin(version: "1")], in: folder)
        let generations = Self.generations(folder, runTests: false)
        await generations.reload(trigger: "start")

        // Requests lease sets while the folder is rewritten and reloaded five times.
        let mismatches = await withTaskGroup(of: [String].self) { group in
            group.addTask {
                for version in 2...6 {
                    try? Support.write(["tiny.lua": Self.plugin(version: "\(version)")], in: folder)
                    await generations.reload(trigger: "request")
                }
                return []
            }
            for _ in 0..<4 {
                group.addTask {
                    var wrong: [String] = []
                    for _ in 0..<30 {
                        guard let generation = await generations.current else { continue }
                        let expected = generation.members[0].version
                        let seen = try? await BlockingWork.run {
                            try generation.withPlugins { $0.plugins[0].manifest.version }
                        }
                        if seen != expected { wrong.append("generation \(generation.number): \(seen ?? "nil") ≠ \(expected)") }
                    }
                    return wrong
                }
            }
            return await group.reduce([], +)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(await generations.current?.number == 6)
        #expect(await generations.current?.members[0].version == "6")
    }

    @Test func theWatcherCallsBackOnceAChangeHasSettled() async throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["tiny.lua": Self.plugin(version: "1")], in: folder)
        let calls = Counter()
        let watcher = Task { await PluginFolderWatcher(folder: folder, interval: .milliseconds(40)).run { await calls.add() } }
        defer { watcher.cancel() }
        try await Task.sleep(for: .milliseconds(150))
        #expect(await calls.value == 0)
        try Support.write(["tiny.lua": Self.plugin(version: "22")], in: folder)
        for _ in 0..<50 where await calls.value == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(await calls.value == 1)
        try await Task.sleep(for: .milliseconds(200))
        #expect(await calls.value == 1)
        watcher.cancel()
        await watcher.value
    }
}

/// Counts callbacks across tasks.
actor Counter {
    private(set) var value = 0
    func add() { value += 1 }
}
