import Synchronization

/// A Lua function kept alive in its runtime's registry for as long as this object lives.
///
/// Plugins hand the host functions (formulas, hooks); the host keeps them as these refs and
/// calls them through the runtime that made them. Dropping the last Swift reference releases
/// the registry slot, on the runtime's own thread at its next call, so a ref may be dropped
/// anywhere without touching the `lua_State` from a foreign thread.
public final class LuaFunctionRef: Sendable, Hashable, CustomStringConvertible {
    /// The registry slot (`luaL_ref`) holding the function.
    let reference: Int32
    /// The runtime the function lives in; releases go back to it.
    let owner: LuaReleaseQueue
    /// Whether the function was proven bounded arithmetic: 0 not checked yet, 1 yes, 2 no.
    let boundedness = Atomic<UInt8>(0)

    init(reference: Int32, owner: LuaReleaseQueue) {
        self.reference = reference
        self.owner = owner
    }

    deinit { owner.release(reference) }

    public static func == (lhs: LuaFunctionRef, rhs: LuaFunctionRef) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { "function(ref \(reference))" }
}

/// Registry slots whose Swift owners are gone, waiting for their runtime's thread to free them.
final class LuaReleaseQueue: Sendable {
    private let pending = Mutex<(closed: Bool, refs: [Int32])>((false, []))

    /// Queues `reference` for release (any thread).
    func release(_ reference: Int32) {
        pending.withLock { state in
            if !state.closed { state.refs.append(reference) }
        }
    }

    /// Takes every queued slot (the runtime's thread only).
    func drain() -> [Int32] {
        pending.withLock { state in
            defer { state.refs.removeAll(keepingCapacity: true) }
            return state.refs
        }
    }

    /// Called when the state closes: later releases have nothing left to free.
    func close() {
        pending.withLock { state in
            state.closed = true
            state.refs.removeAll()
        }
    }
}
