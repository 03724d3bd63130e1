import LuaBridge

extension PluginLoader {
    /// A sandbox built as `source`'s plugin gets its own (the same folder for `require` and
    /// files, budgets, `host` API and `math.random` seed) with `globals` added: where the
    /// plugin's tests run. A separate state from the loaded plugin's, so a test calling the host
    /// (which calls the plugin's hooks) never re-enters the state that is running it.
    public func sandbox(like source: PluginSource, adding globals: (LuaRuntime) -> [String: LuaValue]) throws(PluginError) -> Sandbox {
        let name = source.entryName
        let logger = logger
        // The source's snapshot: a module the test requires is the one the plugin was loaded with.
        let spec = Sandbox.Spec(root: source.root, displayRoot: source.displayRoot,
                                seed: seed &+ Int64(PluginLoader.stableHash(name)), allowRequire: source.isFolder,
                                snapshot: source.snapshot)
        let rejection = InputRejection()
        do {
            return try Sandbox(spec: spec, limits: limits,
                               hostAPI: { HostAPIBuilder(pluginName: name, logger: logger, rejection: rejection).build(in: $0) },
                               globals: globals,
                               log: { logger.info("\($0)", metadata: ["plugin": .string(name)]) })
        } catch {
            throw .script(plugin: name, file: source.displayPath, error)
        }
    }
}
