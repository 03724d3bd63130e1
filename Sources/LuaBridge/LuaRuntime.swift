import CLua
import LuaSandboxC

/// One Lua 5.4 state with its budgets: the only type in persona-host that touches the Lua C API.
///
/// A `lua_State` is single-threaded, so a runtime is confined to whoever created it: it is
/// deliberately not `Sendable`. Values cross in and out as `LuaValue`; every call into Lua is a
/// protected call with a traceback handler, a fresh instruction budget and a wall-clock deadline,
/// and every allocation counts against the memory budget while plugin code runs. Library
/// functions that loop in C are bounded copies (Sources/LuaSandboxC) that charge their work to
/// the same budget. Errors come back as `LuaError`.
public final class LuaRuntime {
    /// The budgets in force.
    public let limits: Limits
    /// The main thread of the state; closed when the runtime goes away.
    let mainState: OpaquePointer
    /// The thread whose stack the bridge works on: the main thread, or the coroutine that is
    /// calling a host function while that function runs.
    var state: OpaquePointer
    let control: UnsafeMutablePointer<clua_control>
    let releases = LuaReleaseQueue()
    /// Swift functions Lua may call, by the id baked into their trampoline closure.
    var hostFunctions: [([LuaValue]) throws -> [LuaValue]] = []
    /// Whether this Lua build's opcode numbering was verified (nil: not checked yet).
    var opcodeCheck: Bool?

    /// Stack slot of the traceback handler every pcall uses; it never leaves the stack.
    static let tracebackSlot: Int32 = 1

    /// Creates a state with the budgeted allocator, the instruction hook and the libraries the
    /// sandbox draws from, their C loops replaced by bounded copies (`string`, `table`, `utf8`,
    /// `load`, `tonumber`, `os.date`: see Sources/LuaSandboxC). Nothing is exposed to plugins
    /// until a `Sandbox` builds their environment.
    public init(limits: Limits = .default) throws(LuaError) {
        self.limits = limits
        control = .allocate(capacity: 1)
        control.initialize(to: clua_control())
        control.pointee.mem_limit = limits.memoryBytes
        control.pointee.instr_limit = limits.instructions
        control.pointee.timeout_ns = limits.deadlineNanoseconds
        guard let L = clua_newstate(control) else {
            control.deallocate()
            throw .stateCreation
        }
        mainState = L
        state = L
        control.pointee.dispatch = LuaRuntime.dispatch
        control.pointee.context = Unmanaged.passUnretained(self).toOpaque()
        clua_open_sandbox_libs(L)
        // Fully initialised by now: a throw runs deinit, which closes the state.
        guard lsb_install(L) == LUA_OK else { throw .stateCreation }
        clua_push_traceback(L)
    }

    deinit {
        releases.close()
        lua_close(mainState)
        control.deinitialize(count: 1)
        control.deallocate()
    }

    /// The Lua release linked in ("Lua 5.4.4").
    public static var release: String { String(cString: clua_release()) }

    /// Bytes the state holds now.
    public var memoryInUse: Int { control.pointee.mem_used }

    /// Runs a full garbage collection (after a budget trip, or between pipeline stages).
    public func collectGarbage() {
        clua_gc_collect(mainState)
    }

    /// Frees registry slots whose `LuaFunctionRef`s were dropped since the last call.
    func releaseDroppedReferences() {
        for reference in releases.drain() {
            luaL_unref(state, clua_registryindex(), reference)
        }
    }

    /// Resets the stack to just the traceback handler.
    func resetStack() {
        lua_settop(state, LuaRuntime.tracebackSlot)
    }
}

@available(*, unavailable, message: "a lua_State is single-threaded: keep each LuaRuntime with one owner")
extension LuaRuntime: Sendable {}
