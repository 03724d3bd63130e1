import Foundation

/// A plugin's private Lua world: one runtime, one environment built from an allow-list,
/// budgets on every call, `print` sent to the host's log, and `require` limited to the
/// plugin's own folder.
///
/// One sandbox per plugin means one plugin can never see another's globals, exhaust another's
/// memory budget or reseed another's `math.random`.
public final class Sandbox {
    /// What the sandbox needs to know about the plugin it hosts.
    public struct Spec: Sendable {
        /// The folder files are read from (`require` and the main file), absolute.
        public var root: URL
        /// How that folder is named in error messages (`plugins/parenting`).
        public var displayRoot: String
        /// Seed of this state's `math.random`.
        public var seed: Int64
        /// Whether `require` may load files (folder plugins) or not (single-file plugins).
        public var allowRequire: Bool
        /// Where files already read come from again (nil: read from disk every time).
        public var snapshot: SourceSnapshot?

        public init(root: URL, displayRoot: String, seed: Int64 = 0, allowRequire: Bool = true, snapshot: SourceSnapshot? = nil) {
            self.root = root
            self.displayRoot = displayRoot
            self.seed = seed
            self.allowRequire = allowRequire
            self.snapshot = snapshot
        }
    }

    /// The runtime the plugin's code lives in.
    public let runtime: LuaRuntime
    /// The plugin this sandbox hosts.
    public let spec: Spec
    private let runFileFunction: LuaFunctionRef

    /// Builds the environment. `hostAPI` becomes the plugin's `host` table; `globals` are added to
    /// the environment (a plugin test's `test` table); `log` receives `print` output.
    public init(
        spec: Spec,
        limits: LuaRuntime.Limits = .default,
        hostAPI: (LuaRuntime) -> LuaValue = { _ in .table([:]) },
        globals: (LuaRuntime) -> [String: LuaValue] = { _ in [:] },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(LuaError) {
        self.spec = spec
        let runtime = try LuaRuntime(limits: limits)
        self.runtime = runtime
        let root = spec.root.standardizedFileURL.resolvingSymlinksInPath()
        let hostFunctions: LuaValue = [
            "print": .function(runtime.makeFunction { arguments in
                log(arguments.first?.stringValue ?? "")
                return []
            }),
            "readfile": .function(runtime.makeFunction { arguments in
                guard let relative = arguments.first?.stringValue else { return [.nil, "no file name"] }
                let read = { Sandbox.read(relative, under: root) }
                switch spec.snapshot.map({ $0.file(relative, read) }) ?? read() {
                case .success(let bytes): return [.bytes(bytes)]
                case .failure(let why): return [.nil, .string(why.description)]
                }
            }),
            "modules": .function(runtime.makeFunction { arguments in
                guard let folder = arguments.first?.stringValue else { return [.nil, "no folder name"] }
                let list = { Sandbox.modules(in: folder, under: root) }
                switch spec.snapshot.map({ $0.listing(folder, list) }) ?? list() {
                case .success(let names): return [.array(names.map { .string($0) })]
                case .failure(let why): return [.nil, .string(why.description)]
                }
            }),
        ]
        let specTable: LuaValue = [
            "seed": .integer(spec.seed),
            "display_root": .string(spec.displayRoot),
            "allow_require": .bool(spec.allowRequire),
        ]
        let prelude: LuaFunctionRef
        if let bytes = Sandbox.compiledPrelude {
            prelude = try runtime.loadTrustedBinary(bytes, chunkName: "sandbox")
        } else {
            prelude = try runtime.compile(Sandbox.prelude, chunkName: "sandbox")
        }
        let extra = LuaValue.table(Dictionary(uniqueKeysWithValues: globals(runtime).map { (LuaKey.string($0.key), $0.value) }))
        let results = try runtime.call(prelude, [hostFunctions, specTable, hostAPI(runtime), extra])
        guard let run = results.first?.functionValue else { throw .conversion("sandbox prelude returned no loader") }
        runFileFunction = run
    }

    /// The prelude's Lua source (`Lua/sandbox.lua`, embedded at build time).
    static let prelude = String(decoding: PackageResources.sandbox_lua, as: UTF8.self)

    /// The prelude compiled once per process (parsing it for every plugin would cost ~10% of a load).
    static let compiledPrelude: [UInt8]? = {
        guard let runtime = try? LuaRuntime(), let chunk = try? runtime.compile(prelude, chunkName: "sandbox") else { return nil }
        return runtime.dump(chunk)
    }()

    /// Loads and runs `relativePath` (inside the plugin's folder) in the sandbox; returns its results.
    public func runFile(_ relativePath: String) throws(LuaError) -> [LuaValue] {
        try runtime.call(runFileFunction, [.string(relativePath)])
    }

    /// Calls a function the plugin handed over.
    @discardableResult
    public func call(_ function: LuaFunctionRef, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        try runtime.call(function, arguments)
    }

    /// Why a file could not be read for the plugin.
    struct ReadRefusal: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The Lua modules directly inside `folder` of the plugin (`personas/x.lua` → `personas.x`),
    /// sorted; files whose real path leaves the plugin's folder are left out.
    static func modules(in folder: String, under root: URL) -> Result<[String], ReadRefusal> {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: true)
        guard !folder.hasPrefix("/"), !parts.isEmpty, !parts.contains(".."),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }) else {
            return .failure(ReadRefusal(description: "'\(folder)' is not a folder name inside the plugin (letters, digits, _ and /)"))
        }
        let directory = root.appendingPathComponent(folder)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return .failure(ReadRefusal(description: "no folder '\(folder)' in the plugin's folder"))
        }
        let prefix = parts.joined(separator: ".")
        let names = entries.filter { name in
            guard name.hasSuffix(".lua"), !name.hasPrefix(".") else { return false }
            let stem = name.dropLast(4)
            guard !stem.isEmpty, stem.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return false }
            let real = directory.appendingPathComponent(name).standardizedFileURL.resolvingSymlinksInPath()
            return real.path.hasPrefix(root.path + "/")
        }.map { "\(prefix).\($0.dropLast(4))" }
        return .success(names.sorted())
    }

    /// Reads a file that must resolve (after symlinks) to a path inside `root`, as bytes: Lua
    /// source is bytes, and string literals in any encoding (Latin-1 is common) must reach Lua
    /// exactly as written.
    static func read(_ relative: String, under root: URL) -> Result<[UInt8], ReadRefusal> {
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
            return .failure(ReadRefusal(description: "'\(relative)' is outside the plugin's folder"))
        }
        let file = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.path + "/") else {
            return .failure(ReadRefusal(description: "'\(relative)' is outside the plugin's folder"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(ReadRefusal(description: "no file '\(relative)' in the plugin's folder"))
        }
        return .success([UInt8](data))
    }
}

@available(*, unavailable, message: "a sandbox owns a single-threaded lua_State")
extension Sandbox: Sendable {}
