import Foundation
import Logging
import LuaBridge
import Builtins

/// Loads plugins from disk into their own sandboxes, validates them, and orders them.
///
/// Plugins are read on every load: editing a plugin changes the next run with no rebuild.
/// A broken plugin is reported with its error and skipped; the others still load.
public struct PluginLoader: Sendable {
    /// Budgets for every plugin's runtime.
    public var limits: LuaRuntime.Limits
    /// Seed of each plugin's `math.random` (combined with the plugin's position for distinct streams).
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

    /// Loads `sources`, drops duplicates by name (both reported), and orders by priority, then name.
    public func load(_ sources: [PluginSource], problems: [PluginError] = []) -> PluginSet {
        var loaded: [Plugin] = []
        var failures = problems.map { PluginSet.Failure(source: nil, error: $0) }
        for source in sources {
            switch Result(catching: { () throws(PluginError) -> Plugin in try load(source) }) {
            case .success(let plugin): loaded.append(plugin)
            case .failure(let error): failures.append(.init(source: source, error: error))
            }
        }
        let byName = Dictionary(grouping: loaded, by: \.name)
        for (name, group) in byName where group.count > 1 {
            for plugin in group {
                let other = group.first { $0 !== plugin }!
                failures.append(.init(source: plugin.source,
                                      error: .duplicateName(name: name, file: plugin.source.displayPath, otherFile: other.source.displayPath)))
            }
        }
        loaded.removeAll { byName[$0.name]!.count > 1 }
        loaded.sort { ($0.manifest.priority, $0.name) < ($1.manifest.priority, $1.name) }
        failures.sort { ($0.source?.displayPath ?? "") < ($1.source?.displayPath ?? "") }
        return PluginSet(plugins: loaded, failures: failures)
    }

    /// Loads one plugin: a fresh sandbox, its main file run, the manifest validated.
    public func load(_ source: PluginSource) throws(PluginError) -> Plugin {
        let file = source.displayPath
        let name = source.entryName
        let logger = logger
        let spec = Sandbox.Spec(root: source.root, displayRoot: source.displayRoot,
                                seed: seed &+ Int64(PluginLoader.stableHash(name)), allowRequire: source.isFolder)
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
        var validator = ManifestValidator()
        let manifest = validator.validate(table)
        guard let manifest else { throw .invalidManifest(file: file, problems: validator.problems) }
        guard HostAPI.supported.contains(manifest.api) else {
            throw .incompatibleAPI(plugin: manifest.name, file: file, wanted: manifest.api, supported: HostAPI.supported)
        }
        return Plugin(manifest: manifest, source: source, table: table, sandbox: sandbox, rejection: rejection)
    }

    /// FNV-1a of the name: a seed offset that does not change between runs or machines.
    static func stableHash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

/// The outcome of loading a plugins folder: the plugins that loaded, in load order, and the ones that did not.
public struct PluginSet {
    /// One plugin (or folder entry) that could not be loaded, and why.
    public struct Failure: Sendable {
        public var source: PluginSource?
        public var error: PluginError
    }

    /// Loaded plugins, by priority then name.
    public var plugins: [Plugin]
    /// What could not be loaded.
    public var failures: [Failure]

    /// The plugin named `name`, if loaded.
    public func plugin(named name: String) -> Plugin? { plugins.first { $0.name == name } }

    /// Loaded plugins that provide `kind`, in load order.
    public func providing(_ kind: HookKind) -> [Plugin] { plugins.filter { $0.provides(kind) } }
}
