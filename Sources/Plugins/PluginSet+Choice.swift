import Builtins

extension PluginSet {
    /// Why ``single(providing:named:rules:shipped:)`` found no plugin to use; the message says
    /// what to do.
    public struct ChoiceError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The plugin whose `kind` rules a command applies: the one named `name` (from `--plugin`),
    /// or the only one that provides them. `rules` names them in messages ("tagging rules (a
    /// `tagging` table or function)"), `shipped` says which shipped plugin has them.
    public func single(providing kind: HookKind, named name: String?, rules: String, shipped: String) throws(ChoiceError) -> Plugin {
        if let name {
            guard let plugin = plugin(named: name) else {
                let skipped = failures.contains { $0.source?.entryName == name || $0.error.plugin == name }
                throw ChoiceError(description: skipped ? "plugin \(name) did not load (see plugins check)"
                                  : "no plugin named \(name)\(Suggestion.phrase(for: name, among: plugins.map(\.name)))")
            }
            guard plugin.provides(kind) else { throw ChoiceError(description: "plugin \(name) has no \(rules)") }
            return plugin
        }
        let candidates = providing(kind)
        guard let plugin = candidates.first else { throw ChoiceError(description: "no plugin has \(rules); the shipped one is \(shipped)") }
        guard candidates.count == 1 else {
            throw ChoiceError(description: "\(candidates.count) plugins have \(rules) (\(candidates.map(\.name).joined(separator: ", "))): choose one with --plugin NAME")
        }
        return plugin
    }
}
