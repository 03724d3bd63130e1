import Builtins
import Foundation
import Host
import Plugins

/// What every route of `persona-host serve` shares: the plugin generations, the database (one
/// `PersonaDatabase`: a GRDB pool in WAL mode, one writer and concurrent readers), the worker
/// slots and time limit, and the metrics.
struct ServeState: Sendable {
    let generations: PluginGenerations
    let database: PersonaDatabase
    let work: ServeWork
    let metrics: ServeMetrics

    /// The generation a request runs on, taken once: the request keeps it to its end, whatever
    /// reloads happen meanwhile.
    func generation() async throws -> PluginGeneration {
        guard let generation = await generations.current else {
            let failures = await generations.lastReload?.failures ?? []
            throw APIError(status: .serviceUnavailable, code: "no_plugins",
                           message: "no plugin set has loaded yet: " + (failures.map(\.message).joined(separator: "; ")),
                           problem: failures.first)
        }
        return generation
    }

    /// Runs `body` on a worker with a leased plugin set of the request's generation.
    func run<T: Sendable>(_ body: @escaping @Sendable (PluginGeneration, PluginSet, ServeWork.Deadline) throws -> T) async throws -> T {
        let generation = try await generation()
        let metrics = self.metrics
        do {
            return try await work.run { deadline in
                try generation.withPlugins { set in try body(generation, set, deadline) }
            }
        } catch {
            if APIError.isBudgetError(error) { metrics.budgetError() }
            throw error
        }
    }
}
