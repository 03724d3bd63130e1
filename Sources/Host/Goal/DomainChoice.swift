import Builtins
import Plugins

/// Which plugin's features, clustering and naming a goal uses, and why: the domain selected by
/// the detected intent with the highest confidence (ties: load order), else the default domain.
struct DomainChoice {
    var plugin: Plugin
    var spec: DomainSpec
    var reason: String
    /// Every domain considered, with the intent and confidence that spoke for it (explain).
    var candidates: [GoalRun.DomainCandidate]

    init(reading: GoalReading, plugins: [Plugin]) throws(GoalError) {
        let confidence = Dictionary(uniqueKeysWithValues: reading.detected.map { ($0.category, $0.confidence) })
        var best: (plugin: Plugin, spec: DomainSpec, score: Double, intent: String)?
        var candidates: [GoalRun.DomainCandidate] = []
        for plugin in plugins {
            guard let spec = plugin.contract.domain else { continue }
            var strongest: (intent: String, score: Double)?
            for intent in spec.selectedBy {
                if let score = confidence[intent], score > (strongest?.score ?? -1) { strongest = (intent, score) }
            }
            candidates.append(.init(plugin: plugin.name, selectedBy: spec.selectedBy, isDefault: spec.isDefault,
                                    intent: strongest?.intent, confidence: strongest?.score))
            if let strongest, strongest.score > (best?.score ?? -1) { best = (plugin, spec, strongest.score, strongest.intent) }
        }
        if let best {
            self.init(plugin: best.plugin, spec: best.spec, reason: "selected by the \(best.intent) intent", candidates: candidates)
            return
        }
        if let fallback = plugins.first(where: { $0.contract.domain?.isDefault == true }), let spec = fallback.contract.domain {
            let detected = reading.detected.map(\.category).joined(separator: ", ")
            self.init(plugin: fallback, spec: spec, reason: "default domain (no domain plugin is selected by \(detected))", candidates: candidates)
            return
        }
        throw .noDomain(detected: reading.detected.map(\.category))
    }

    private init(plugin: Plugin, spec: DomainSpec, reason: String, candidates: [GoalRun.DomainCandidate]) {
        self.plugin = plugin
        self.spec = spec
        self.reason = reason
        self.candidates = candidates
    }
}
