import Builtins
import Foundation
import Logging
import LuaBridge

/// Loads plugins from disk into their own sandboxes, reads each manifest into its typed
/// contract, checks the plugins against each other, and orders them.
///
/// Plugins are read on every load: editing a plugin changes the next run with no rebuild. A
/// plugin that fails is reported with its error (file and line where the host can tell) in
/// `PluginSet.failures`; what a command does about failures is the caller's choice (the CLI
/// refuses to run unless `--skip-broken`).
public struct PluginLoader: Sendable {
    /// Budgets for every plugin's runtime.
    public var limits: LuaRuntime.Limits
    /// Seed of each plugin's `math.random` (combined with the plugin's name for distinct streams).
    public var seed: Int64
    /// Where `print` and `host.log` go.
    public var logger: Logger

    public init(limits: LuaRuntime.Limits = .default, seed: Int64 = 42, logger: Logger = Logger(label: "persona-host.plugins")) {
        self.limits = limits
        self.seed = seed
        self.logger = logger
    }

    /// Loads every plugin in `folder`.
    public func loadAll(from folder: URL) throws(PluginError) -> PluginSet {
        let found = try PluginDiscovery.plugins(in: folder)
        return load(found.sources, problems: found.problems)
    }

    /// Loads `sources`, checks them against each other, and orders by priority, then name.
    public func load(_ sources: [PluginSource], problems: [PluginError] = []) -> PluginSet {
        var loaded: [Plugin] = []
        var failures = problems.map { PluginSet.Failure(source: nil, error: $0) }
        for source in sources {
            switch Result(catching: { () throws(PluginError) -> Plugin in try load(source) }) {
            case .success(let plugin): loaded.append(plugin)
            case .failure(let error): failures.append(.init(source: source, error: error))
            }
        }
        let conflicts = PluginSetCheck.conflicts(among: loaded)
        for (plugin, error) in conflicts { failures.append(.init(source: plugin.source, error: error)) }
        let failed = Set(conflicts.map { ObjectIdentifier($0.plugin) })
        loaded.removeAll { failed.contains(ObjectIdentifier($0)) }
        loaded.sort { ($0.manifest.priority, $0.name) < ($1.manifest.priority, $1.name) }
        failures.sort { ($0.source?.displayPath ?? "") < ($1.source?.displayPath ?? "") }
        return PluginSet(plugins: loaded, failures: failures)
    }

    /// Loads one plugin: a fresh sandbox, its main file run, the manifest read into its contract.
    public func load(_ source: PluginSource) throws(PluginError) -> Plugin {
        let file = source.displayPath
        let name = source.entryName
        let logger = logger
        let spec = Sandbox.Spec(root: source.root, displayRoot: source.displayRoot,
                                seed: seed &+ Int64(PluginLoader.stableHash(name)), allowRequire: source.isFolder,
                                snapshot: source.snapshot)
        let sandbox: Sandbox
        let results: [LuaValue]
        let rejection = InputRejection()
        do {
            sandbox = try Sandbox(spec: spec, limits: limits,
                                  hostAPI: { HostAPIBuilder(pluginName: name, logger: logger, rejection: rejection).build(in: $0) },
                                  log: { logger.info("\($0)", metadata: ["plugin": .string(name)]) })
            results = try sandbox.runFile(source.mainFile)
        } catch {
            throw .script(plugin: name, file: file, error)
        }
        guard let table = results.first, case .table = table else {
            throw .noManifest(file: file, got: results.first.map { $0 == .nil ? "nil" : "a \($0.typeName)" } ?? "nothing")
        }
        var validator = ManifestValidator(runtime: sandbox.runtime)
        guard let (manifest, contract) = validator.validate(table) else {
            throw .invalidManifest(file: file, problems: Self.locate(validator.problems, functions: validator.functionLocations,
                                                                       manifest: table, source: source))
        }
        guard HostAPI.supported.contains(manifest.api) else {
            throw .incompatibleAPI(plugin: manifest.name, file: file, wanted: manifest.api, supported: HostAPI.supported)
        }
        return Plugin(manifest: manifest, source: source, contract: contract, sandbox: sandbox, rejection: rejection)
    }

    /// Fills in where each problem is written: a function's definition, else the line of the
    /// field's key found by reading the plugin's sources (only done when something is wrong).
    static func locate(_ problems: [ContractProblem], functions: [ContractPath: SourceLocation], manifest: LuaValue,
                       source: PluginSource) -> [ContractProblem] {
        var map: SourceMap?
        let located = problems.map { problem in
            var problem = problem
            if problem.location == nil {
                if let location = functions[problem.path] {
                    problem.location = location
                } else {
                    if map == nil { map = SourceMap(source: source) }
                    problem.location = map?.locate(problem.path, in: manifest)
                }
            }
            return problem
        }
        // In source order, like a compiler's messages; problems without a line keep their place after.
        return located.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return (x.file, x.line ?? 0, a.offset) < (y.file, y.line ?? 0, b.offset)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// FNV-1a of the name: a seed offset that does not change between runs or machines.
    static func stableHash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
