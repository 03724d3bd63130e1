import Foundation
import Logging
import Synchronization
import Testing
import Builtins
import LuaBridge
@testable import Plugins
import TestSupport

/// Loading a plugins folder: validation, ordering, isolation of failures, reloading from disk.
@Suite struct PluginLoaderTests {
    let set: PluginSet

    init() throws {
        set = try PluginLoader().loadAll(from: Support.fixture("plugins-mixed"))
    }

    func feature(_ plugin: Plugin, _ name: String) throws -> LuaFunctionRef {
        try #require(plugin.contract.domain?.features.first { $0.name == name }).hook.function
    }

    func failure(_ entry: String) -> PluginError? {
        set.failures.first { $0.source?.displayPath.contains(entry) == true || $0.error.description.contains(entry) }?.error
    }

    @Test func goodPluginsLoadDespiteBrokenNeighbours() {
        #expect(set.plugins.map(\.name) == ["alpha", "beta"])
        #expect(set.failures.count == 6)
    }

    @Test func loadOrderIsPriorityThenName() throws {
        // alpha has priority 50, beta the default 100; rename-proof: order comes from the manifests.
        #expect(set.plugins.map(\.manifest.priority) == [50, 100])
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write([
            "a.lua": #"return { name = "zeta", version = "1", api = 1, description = "", priority = 5 }"#,
            "b.lua": #"return { name = "eta", version = "1", api = 1, description = "" }"#,
            "c.lua": #"return { name = "beta", version = "1", api = 1, description = "" }"#,
        ], in: folder)
        #expect(try PluginLoader().loadAll(from: folder).plugins.map(\.name) == ["zeta", "beta", "eta"])
    }

    @Test func aRuntimeErrorNamesFileAndLine() throws {
        let error = try #require(failure("broken_runtime"))
        #expect(error.description.hasSuffix("broken_runtime/init.lua:4: attempt to index a nil value (field 'privacy_pref')"))
    }

    @Test func aSyntaxErrorNamesFileAndLine() throws {
        let error = try #require(failure("broken_syntax"))
        #expect(error.description.contains("broken_syntax/init.lua:4: '}' expected (to close '{' at line 1) near 'api'"))
    }

    @Test func manifestProblemsAreAllReportedWithTheirPaths() throws {
        let text = try #require(failure("bad_manifest")).description
        #expect(text.contains("bad_manifest.lua:7: features.score must be a function, got number 5"))
        #expect(text.contains("name must use lower-case letters"))
        #expect(text.contains("clustering.algorithm must be 'kmeans', 'ward' or 'gmm', got 'dbscan'"))
        #expect(text.contains("clustering.k must satisfy 2 <= min <= max <= 50"))
        #expect(text.contains("clustering.weights.nothing names no formula in features (features: score)"))
        #expect(text.contains("unknown field 'feautres' (did you mean 'features'?)"))
    }

    @Test func anIncompatibleAPIIsRefusedClearly() throws {
        let text = try #require(failure("future_api")).description
        #expect(text.contains("targets host API 2, but this persona-host speaks API 1"))
    }

    @Test func aFileThatReturnsNoManifestIsReported() throws {
        #expect(try #require(failure("no_manifest")).description.contains("must return the plugin's manifest table, returned nothing"))
    }

    @Test func aFolderWithoutInitIsReported() throws {
        #expect(try #require(failure("not_a_plugin")).description.contains("needs an init.lua"))
    }

    @Test func duplicateNamesNameBothPaths() throws {
        let duplicates = try PluginLoader().loadAll(from: Support.fixture("plugins-duplicate"))
        #expect(duplicates.plugins.map(\.name) == ["solo"])
        #expect(duplicates.failures.count == 2)
        for failure in duplicates.failures {
            #expect(failure.error.description.contains("one/init.lua"))
            #expect(failure.error.description.contains("two.lua"))
            #expect(failure.error.description.contains("'twin'"))
        }
    }

    @Test func hooksRunAndTheirErrorsNameThePlugin() throws {
        let beta = try #require(set.plugin(named: "beta"))
        let user: LuaValue = ["privacy_pref": 0.5, "price_sensitivity": 1.0]
        let concern = try feature(beta, "concern")
        #expect(try beta.call(concern, hookName: "features.concern", [user]) == [.number(0.8)])
        let broken = try feature(beta, "broken")
        #expect {
            try beta.call(broken, hookName: "features.broken", [user])
        } throws: { error in
            let text = String(describing: error)
            return text.contains("beta.lua:11: attempt to index a nil value (field 'missing')") && text.contains("features.broken")
        }
    }

    @Test func requireLoadsModulesFromThePluginsOwnFolder() throws {
        let alpha = try #require(set.plugin(named: "alpha"))
        let score = try feature(alpha, "score")
        #expect(try alpha.call(score, hookName: "features.score", [["a": 1.0, "b": 2.0]]) == [.number(1.6)])
    }

    @Test func printAndHostLogReachTheHostLogger() throws {
        let collector = LineCollector()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(collector: collector) }
        let plugins = try PluginLoader(logger: logger).loadAll(from: Support.fixture("plugins-mixed"))
        let alpha = try #require(plugins.plugin(named: "alpha"))
        let result = try alpha.call(try #require(alpha.contract.domain?.persona), [["index": 1]])[0]
        #expect(result["name"].stringValue?.hasSuffix(" — Alpha") == true)
        #expect(collector.lines == ["[alpha] info naming cluster\t1", "[alpha] warning careful"])
    }

    @Test func editingAPluginOnDiskChangesTheNextLoad() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ weight: String) throws {
            try Support.write(["p/init.lua": """
                return { name = "p", version = "1", api = 1, description = "",
                  features = { f = function(u) return u.x * \(weight) end },
                  persona = function() return { name = "P" } end }
                """], in: folder)
        }
        func evaluate() throws -> LuaValue {
            let plugin = try #require(try PluginLoader().loadAll(from: folder).plugin(named: "p"))
            return try plugin.call(try feature(plugin, "f"), hookName: "f", [["x": 10]])[0]
        }
        try write("0.4")
        #expect(try evaluate() == .number(4))
        try write("0.7")
        #expect(try evaluate() == .number(7))
    }
}

/// Collects log lines as "[plugin] level message".
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let collector: LineCollector
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let plugin = event.metadata?["plugin"].map { "\($0)" } ?? "-"
        collector.append("[\(plugin)] \(event.level) \(event.message)")
    }
}
