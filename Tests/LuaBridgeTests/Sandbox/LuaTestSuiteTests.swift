import Foundation
import Synchronization
import Testing
@testable import LuaBridge
import TestSupport

/// The Lua 5.4.4 test suite's pm.lua and sort.lua (Tests/Fixtures/lua-tests, unchanged) pass as
/// plugins inside the sandbox: its bounded copies of the string and table libraries behave
/// exactly like Lua's own, and a 50,000-element sort with a Lua comparator fits the default
/// instruction budget.
@Suite struct LuaTestSuiteTests {
    /// The default budgets; only the deadline is raised, because these files run as one call
    /// each in a debug build, next to other tests on a shared machine.
    static let limits = LuaRuntime.Limits(deadline: .seconds(60))

    /// What the sandbox's `print` wrote.
    final class Log: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// A sandbox over a fresh folder holding `files`, with `print` captured.
    func sandbox(_ files: [String: Data]) throws -> (Sandbox, Log) {
        let folder = try Support.temporaryFolder()
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        let log = Log()
        let box = try Sandbox(spec: .init(root: folder, displayRoot: "plugins/lua-tests"), limits: Self.limits,
                              log: { log.append($0) })
        return (box, log)
    }

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Support.fixture("lua-tests").appendingPathComponent(name))
    }

    @Test func patternMatchingPasses() throws {
        let (box, log) = try sandbox(["pm.lua": try fixture("pm.lua")])
        _ = try box.runFile("pm.lua")
        #expect(log.all.first == "testing pattern matching")
        #expect(log.all.last == "OK")
    }

    /// sort.lua calls `collectgarbage()` (a full collection) inside a sort comparator, which the
    /// sandbox refuses on purpose: only `collectgarbage("count")` is allowed.
    @Test func theSandboxRefusesWhatSortLuaCalls() throws {
        let (box, _) = try sandbox([:])
        #expect {
            _ = try box.evaluate("collectgarbage()")
        } throws: { error in
            String(describing: error).contains("collectgarbage('nil') is not available in the plugin sandbox; only 'count' is")
        }
    }

    /// So sort.lua runs behind a one-line shim that redefines `collectgarbage`, in the plugin's
    /// own environment only, to accept no argument (and do nothing, returning 0 as a full
    /// collection does). It goes on the file's first line, before its opening comment, so the
    /// line numbers stay those of the file.
    static let collectgarbageShim = "local count = collectgarbage; collectgarbage = function(option, ...) "
        + "if option == nil or option == 'collect' then return 0 end return count(option, ...) end "

    @Test func sortingAndTheTableLibraryPass() throws {
        let source = Data(Self.collectgarbageShim.utf8) + (try fixture("sort.lua"))
        let (box, log) = try sandbox(["sort.lua": source])
        _ = try box.runFile("sort.lua")
        #expect(log.all.first == "testing (parts of) table library")
        #expect(log.all.contains { $0.hasPrefix("Invert-sorting other 50000 elements") })
        #expect(log.all.last == "OK")
        // The shim hands every other option to the sandbox's own function, which still refuses them.
        #expect {
            _ = try box.evaluate("return collectgarbage('step')")
        } throws: { error in
            String(describing: error).contains("collectgarbage('step') is not available in the plugin sandbox")
        }
    }
}
