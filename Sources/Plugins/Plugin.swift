import LuaBridge

/// A loaded plugin whose contract checked out: its manifest, its typed contract, and the
/// sandbox its hooks run in.
///
/// Owns a single-threaded Lua runtime, so it is not `Sendable`; a pipeline that wants both cores
/// loads another copy of the plugin for the second worker (`PluginLoader.load(_:)`).
public final class Plugin {
    /// What the plugin says about itself.
    public let manifest: PluginManifest
    /// Where it came from.
    public let source: PluginSource
    /// Its hooks, read and checked at load: what the pipelines consume.
    public let contract: PluginContract
    /// The plugin's private Lua world.
    public let sandbox: Sandbox
    /// What `host.reject` recorded during the current call.
    let rejection: InputRejection

    init(manifest: PluginManifest, source: PluginSource, contract: PluginContract, sandbox: Sandbox, rejection: InputRejection) {
        self.manifest = manifest
        self.source = source
        self.contract = contract
        self.sandbox = sandbox
        self.rejection = rejection
    }

    /// The plugin's name.
    public var name: String { manifest.name }

    /// Whether the plugin provides `kind`.
    public func provides(_ kind: HookKind) -> Bool { manifest.hooks.contains(kind) }

    /// Calls one of the plugin's hooks and returns all its results. A failure the plugin declared
    /// with `host.reject(message)` is `.rejected` (the user's input is wrong); any other is `.hook`.
    @discardableResult
    public func call(_ hook: FunctionHook, _ arguments: [LuaValue] = []) throws(PluginError) -> [LuaValue] {
        try call(hook.function, hookName: hook.name, arguments)
    }

    /// Calls a function the plugin provided; errors name the plugin and `hookName` (`features.score`).
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
}

@available(*, unavailable, message: "a plugin owns a single-threaded lua_State")
extension Plugin: Sendable {}
