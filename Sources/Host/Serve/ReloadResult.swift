import Foundation

/// What the last reload of a served plugin set did: the generation it produced (or the one that
/// kept serving), why it failed, and what the plugins' own tests said.
public struct ReloadResult: Sendable, Codable, Equatable {
    /// Whether a new generation was swapped in.
    public var ok: Bool
    /// The generation serving after this reload (the new one, or the last good one; 0: none).
    public var generation: Int
    /// When the reload finished.
    public var at: Date
    /// What triggered it: `start`, `watch` or `request`.
    public var trigger: String
    /// Why the new set was refused (empty when `ok`).
    public var failures: [PluginProblem]
    /// The plugins' own tests: "N passed, N failed", or nil when no plugin has tests.
    public var tests: String?

    public init(ok: Bool, generation: Int, at: Date, trigger: String, failures: [PluginProblem], tests: String?) {
        self.ok = ok
        self.generation = generation
        self.at = at
        self.trigger = trigger
        self.failures = failures
        self.tests = tests
    }
}
