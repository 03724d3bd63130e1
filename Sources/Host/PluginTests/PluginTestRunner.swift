import Builtins
import Foundation
import LuaBridge
import Plugins

/// Runs plugins' own tests (`persona-host test`).
///
/// Each test file gets a fresh load of its plugins folder (so no case sees state an earlier
/// file's hooks left behind) and its own sandbox, built as the plugin's is, with the `test`
/// table added. Its cases run in the order declared, each under the sandbox's budgets; files run
/// in path order. Nothing depends on the clock or on other files, so the report is the same on
/// every run of the same plugins.
public struct PluginTestRunner {
    public var loader: PluginLoader
    /// The plugins to test, as already read (each `PluginSource` keeps the files a load read):
    /// when set, every test file's set is loaded from these, not from the folder on disk, so the
    /// rules tested are exactly those a server validated and will serve even if the folder
    /// changes meanwhile. Nil: read the folder.
    public var sources: [PluginSource]?
    /// Called before each test file with its display path (progress on a terminal).
    public var progress: (String) -> Void = { _ in }

    public init(loader: PluginLoader) { self.loader = loader }

    /// Runs every test of `targets`. Throws when a plugins folder does not load cleanly (every
    /// plugin of the set, since a goal test reads goals with all of them).
    public func run(_ targets: [PluginTestTarget], untested: [String] = []) throws(PluginTestError) -> PluginTestReport {
        var folders: [String: URL] = [:]
        for target in targets { folders[target.pluginsFolder.path] = target.pluginsFolder }
        var failures: [PluginSet.Failure] = []
        for folder in folders.values.sorted(by: { $0.path < $1.path }) {
            failures += try load(folder).failures
        }
        guard failures.isEmpty else { throw .pluginsFailed(failures) }
        var report = PluginTestReport()
        report.untested = untested
        for target in targets {
            for file in target.files {
                progress("\(target.plugin.displayRoot)/\(file)")
                report.cases += try run(file, of: target)
            }
        }
        return report
    }

    /// Runs one test file; a file that cannot run is one failed entry with an empty name.
    private func run(_ file: String, of target: PluginTestTarget) throws(PluginTestError) -> [PluginTestReport.Case] {
        let display = "\(target.plugin.displayRoot)/\(file)"
        let set = try load(target.pluginsFolder)
        guard set.failures.isEmpty else { throw .pluginsFailed(set.failures) }
        let root = target.plugin.root.standardizedFileURL.path
        guard let plugin = set.plugins.first(where: { $0.source.root.standardizedFileURL.path == root }) else {
            throw .notATestPath(path: display, why: "its plugin was not among those loaded from \(target.pluginsFolder.relativePath)")
        }
        func broken(_ message: String) -> [PluginTestReport.Case] {
            let (location, text) = Self.split(message)
            return [.init(plugin: plugin.name, file: display, name: "", passed: false,
                          failure: .init(location: location ?? display, message: text))]
        }
        let drivers: TestDrivers
        do {
            drivers = try TestDrivers(set: set, plugin: plugin, loader: loader,
                                      testFolder: target.plugin.root.appendingPathComponent(file).deletingLastPathComponent())
        } catch {
            return broken("cannot prepare the test: \(error)")
        }
        let session = TestSession(drivers: drivers)
        let sandbox: Sandbox
        do {
            sandbox = try loader.sandbox(like: plugin.source, adding: session.globals)
            _ = try sandbox.runFile(file)
        } catch {
            return broken(Self.text(of: error))
        }
        guard !session.cases.isEmpty else {
            return broken("declares no test cases (declare them with test.case(name, function() … end))")
        }
        return session.cases.map { testCase in
            session.failure = nil
            session.running = true
            drivers.startCase()
            var outcome = PluginTestReport.Case(plugin: plugin.name, file: display, name: testCase.name, passed: true, failure: nil)
            do {
                try sandbox.call(testCase.function)
            } catch {
                if session.failure == nil {
                    if let lua = error as? LuaError, let failure = lua.failure {
                        let location = failure.file.map { file in failure.line.map { "\(file):\($0)" } ?? file }
                        session.failure = .init(location: location, message: failure.message)
                    } else {
                        let (location, text) = Self.split(Self.text(of: error))
                        session.failure = .init(location: location, message: text)
                    }
                }
            }
            session.running = false
            if let failure = session.failure {
                outcome.passed = false
                outcome.failure = failure
            }
            return outcome
        }
    }

    /// The plugins of `folder`: from ``sources`` when given, else read from disk.
    private func load(_ folder: URL) throws(PluginTestError) -> PluginSet {
        if let sources {
            let path = folder.standardizedFileURL.path
            return loader.load(sources.filter { ($0.isFolder ? $0.root.deletingLastPathComponent() : $0.root).standardizedFileURL.path == path })
        }
        do { return try loader.loadAll(from: folder) } catch { throw .plugin(error) }
    }

    /// The message of a Lua error (`file:line: message`, without the traceback), or any error's description.
    static func text(of error: any Error) -> String {
        if let lua = error as? LuaError, let failure = lua.failure { return failure.description }
        if let plugin = error as? PluginError { return plugin.description }
        return "\(error)"
    }

    /// `"file.lua:12: message"` → (`file.lua:12`, `message`).
    static func split(_ message: String) -> (location: String?, text: String) {
        guard let range = message.range(of: #"^[^\s:][^:\n]*:\d+: "#, options: .regularExpression) else { return (nil, message) }
        return (String(message[range].dropLast(2)), String(message[range.upperBound...]))
    }
}
