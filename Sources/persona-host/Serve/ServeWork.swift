import Foundation
import Host

/// Runs a request's pipeline: waits for a worker slot, runs the synchronous work on the work
/// queue (`BlockingWork`), and answers 503 at the per-request time limit.
///
/// At the limit the request is answered, but the work already running cannot be stopped from
/// outside (a `lua_State` is interrupted only by its own budgets, whose wall-clock deadline
/// bounds each hook call): it runs to its end on its thread, keeping its worker slot and plugin
/// set until then, and `Deadline.passed` lets it refuse to save (a goal run whose caller was
/// told 503 is not stored). Learning writes are one transaction inside the pipeline, with no
/// point to check between computing and writing: one that completes after the 503 is applied,
/// and the 503's message says so. The limit counts from the moment a worker slot is free.
struct ServeWork: Sendable {
    let slots: WorkerSlots
    let limit: Duration
    let metrics: ServeMetrics

    /// Whether the caller has already been answered; checked before anything is written.
    final class Deadline: @unchecked Sendable {
        // @unchecked Sendable: `expired` is only touched under `lock`.
        private let lock = NSLock()
        private var expired = false
        var passed: Bool { lock.withLock { expired } }
        func expire() { lock.withLock { expired = true } }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (Deadline) throws -> T) async throws -> T {
        let deadline = Deadline()
        let slots = self.slots
        await slots.acquire()
        let work = Task {
            defer { Task { await slots.release() } }
            return try await BlockingWork.run { try body(deadline) }
        }
        let limit = self.limit
        let metrics = self.metrics
        let answer = Answer<T>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.set(continuation)
            let timer = Task {
                try await Task.sleep(for: limit)
                deadline.expire()
                if answer.resume(.failure(APIError(status: .serviceUnavailable, code: "timeout",
                                                   message: "the request took more than \(limit), the per-request limit. Its work goes on until it ends or the sandbox's budgets stop it: a goal run that finishes is not saved, but feedback, an interaction or a rollback that completes is applied (see /v1/personas/{id}/history)"))) {
                    metrics.timeout()
                }
            }
            Task {
                let result = await Result { try await work.value }
                timer.cancel()
                answer.resume(result)
            }
        }
    }
}

/// A continuation resumed once, by whichever of the work and the timer comes first.
/// `@unchecked Sendable`: `continuation` is only touched under `lock`.
private final class Answer<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    func set(_ continuation: CheckedContinuation<T, any Error>) { lock.withLock { self.continuation = continuation } }

    /// Resumes the continuation if no one has; tells whether this call did.
    @discardableResult
    func resume(_ result: Result<T, any Error>) -> Bool {
        guard let continuation = lock.withLock({ () -> CheckedContinuation<T, any Error>? in
            defer { self.continuation = nil }
            return self.continuation
        }) else { return false }
        continuation.resume(with: result)
        return true
    }
}

extension Result where Failure == any Error {
    /// The result of an async throwing body.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
