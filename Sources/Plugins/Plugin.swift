import LuaBridge
import Builtins
/// A loaded, validated plugin: its manifest and the sandbox its hooks run in.
///
/// Owns a single-threaded Lua runtime, so it is not `Sendable`; pipelines that want both cores
/// load a second copy of the plugin for the second worker.
public final class Plugin {
    /// What the plugin declared.
    public let manifest: PluginManifest
    /// Where it came from.
    public let source: PluginSource
    /// The manifest table as the plugin returned it (functions as references into `sandbox`).
    public let table: LuaValue
    /// The plugin's private Lua world.
    public let sandbox: Sandbox
    /// What `host.reject` recorded during the current call.
    let rejection: InputRejection

    init(manifest: PluginManifest, source: PluginSource, table: LuaValue, sandbox: Sandbox, rejection: InputRejection) {
        self.manifest = manifest
        self.source = source
        self.table = table
        self.sandbox = sandbox
        self.rejection = rejection
    }

    /// The plugin's name.
    public var name: String { manifest.name }

    /// Whether the plugin provides `kind`.
    public func provides(_ kind: HookKind) -> Bool { manifest.hooks.contains(kind) }

    /// The value of a hook's field (`.nil` when absent).
    public func hook(_ kind: HookKind) -> LuaValue { table[kind.field] }

    /// Calls a function the plugin provided; errors name the plugin and `hookName` (`features.score`).
    /// A failure the plugin declared with `host.reject(message)` is `.rejected` (the user's input is
    /// wrong); any other is `.hook` (the plugin is).
    @discardableResult
    public func call(_ function: LuaFunctionRef, hookName: String, _ arguments: [LuaValue] = []) throws(PluginError) -> [LuaValue] {
        rejection.clear()
        do {
            return try sandbox.call(function, arguments)
        } catch {
            if case .runtime(let failure) = error, let message = rejection.message, rejection.explains(failure.message) {
                throw .rejected(plugin: name, hook: hookName, message: message)
            }
            throw .hook(plugin: name, hook: hookName, error)
        }
    }

    /// Calls the function-valued hook `kind` (e.g. `filters`, `persona`) and returns its first result.
    public func call(_ kind: HookKind, _ arguments: [LuaValue] = []) throws(PluginError) -> LuaValue {
        guard let function = hook(kind).functionValue else {
            throw .badResult(plugin: name, hook: kind.field, problem: "is not a function")
        }
        return try call(function, hookName: kind.field, arguments).first ?? .nil
    }
}

@available(*, unavailable, message: "a plugin owns a single-threaded lua_State")
extension Plugin: Sendable {}
