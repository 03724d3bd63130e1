import Builtins
import Foundation
import Plugins

/// One validated plugin set as a server serves it: its number, the plugin sources it was loaded
/// from (each with the `SourceSnapshot` of the files as they were when it was validated), when it
/// was loaded, its plugins' names and versions, and a pool of loaded `PluginSet`s that requests
/// lease one at a time.
///
/// Immutable but for the pool: every copy in the pool is loaded from the same `PluginSource`
/// values, whose snapshots hold the bytes the validating load read, so a generation keeps
/// running the rules it was validated with even if the folder changes afterwards.
///
/// `@unchecked Sendable`: the stored properties are immutable `Sendable` values except `idle`,
/// which is only touched under `lock`; a `PluginSet` in it belongs to no one (its `lua_State`s
/// are idle) until `lease` hands it to exactly one caller, who gives it back when done.
public final class PluginGeneration: @unchecked Sendable {
    /// A plugin of the generation, as `/v1/plugins` lists it.
    public struct Member: Sendable, Codable, Equatable {
        public var name: String
        public var version: String
        public var file: String
    }

    /// 1 for the first set a server loads, one more at each successful reload.
    public let number: Int
    /// The sources every pool copy is loaded from.
    public let sources: [PluginSource]
    /// When the generation was validated.
    public let loadedAt: Date
    /// Its plugins, in load order.
    public let members: [Member]
    /// The loader that made it (budgets, seed, logger).
    public let loader: PluginLoader
    /// The plugins folder it was read from.
    public let folder: URL
    /// How many idle sets the pool keeps (one per worker).
    public let capacity: Int

    private let lock = NSLock()
    private var idle: [PluginSet]

    /// A generation whose first pool copy is `first`, the set that was validated.
    public init(number: Int, folder: URL, sources: [PluginSource], first: PluginSet, loader: PluginLoader, capacity: Int,
                loadedAt: Date = Date()) {
        self.number = number
        self.folder = folder
        self.sources = sources
        self.loader = loader
        self.capacity = max(1, capacity)
        self.loadedAt = loadedAt
        self.members = first.plugins.map { Member(name: $0.name, version: $0.manifest.version, file: $0.source.displayPath) }
        self.idle = [first]
    }

    /// How many loaded sets wait in the pool.
    public var idleCount: Int { lock.withLock { idle.count } }

    /// Runs `body` with a plugin set of this generation that no one else uses meanwhile: an
    /// idle one from the pool, or a new copy loaded from the generation's snapshots. The set goes
    /// back to the pool afterwards (the pool keeps at most `capacity`).
    /// - Throws: ``PluginGenerationError/copyFailed(generation:failures:)`` when a copy does not
    ///   load the way the validated set did, and whatever `body` throws.
    public func withPlugins<T>(_ body: (PluginSet) throws -> T) throws -> T {
        let set = try lease()
        defer { giveBack(set) }
        return try body(set)
    }

    private func lease() throws -> PluginSet {
        if let set = lock.withLock({ idle.popLast() }) { return set }
        let set = loader.load(sources)
        guard set.failures.isEmpty else {
            throw PluginGenerationError.copyFailed(generation: number, failures: set.failures.map(\.error))
        }
        return set
    }

    private func giveBack(_ set: PluginSet) {
        lock.withLock {
            if idle.count < capacity { idle.append(set) }
        }
    }
}

/// What can go wrong with a generation's pool.
public enum PluginGenerationError: UserFacingError, Sendable {
    /// A pool copy, loaded from the snapshots of a set that validated, failed (a budget, say).
    case copyFailed(generation: Int, failures: [PluginError])

    public var description: String {
        switch self {
        case .copyFailed(let generation, let failures):
            "a copy of plugin generation \(generation) failed to load: " + failures.map(\.description).joined(separator: "; ")
        }
    }

    public var exitStatus: ExitStatus { .plugin }
}
