import Dispatch

/// Runs synchronous, CPU-bound work (a pipeline, a plugin load) off Swift's cooperative pool, on
/// a concurrent Dispatch queue, bridged back with a continuation. The caller bounds how many run
/// at once (the server's worker limit); the pool's threads stay free for I/O meanwhile.
public enum BlockingWork {
    private static let queue = DispatchQueue(label: "persona-host.work", attributes: .concurrent)

    /// `body`'s result, computed on the work queue.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result(catching: body)) }
        }
    }
}
