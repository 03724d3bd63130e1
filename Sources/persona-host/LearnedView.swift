import Builtins
import Host
import Plugins
import LuaBridge

/// A learning persona's current state: its active version and every trait against its declared start.
struct LearnedView: Encodable {
    struct Trait: Encodable {
        var name: String
        var value: Double
        var declared: Double
        var min: Double
        var max: Double
    }

    var id: String
    var name: String
    var version: String
    var versions: Int
    var pendingFeedback: Int
    var batchSize: Int?
    var traits: [Trait]

    init(pipeline: LearningPipeline, id: String) throws {
        let persona = try pipeline.persona(id)
        let current = try pipeline.currentTraits(of: id)
        self.id = id
        name = persona.name
        version = current.version
        versions = try pipeline.store.versions(of: id).count
        pendingFeedback = try pipeline.store.feedback(of: id).filter { $0.status == .pending }.count
        batchSize = persona.settings.batchSize
        traits = persona.traits.map { Trait(name: $0.name, value: current.traits[$0.name] ?? $0.initial, declared: $0.initial,
                                            min: $0.range.lowerBound, max: $0.range.upperBound) }
    }

    /// Learned ingredient multipliers (`multiplier.<id>` traits), for `run formulate`.
    var multipliers: [String: Double] {
        Dictionary(uniqueKeysWithValues: traits.filter { $0.name.hasPrefix("multiplier.") }.map { (String($0.name.dropFirst(11)), $0.value) })
    }

    var summaryLine: String {
        let moved = traits.filter { abs($0.value - $0.declared) > 1e-9 }
        let pending = batchSize.map { "; \(pendingFeedback) of \($0) samples toward the next version" } ?? ""
        let list = moved.prefix(8).map { "\($0.name) \($0.declared.formatted2) → \($0.value.formatted2)" }.joined(separator: ", ")
        return "Learned: \(version)\(pending)" + (moved.isEmpty ? ", nothing moved yet" : ": " + list)
    }

    var text: String {
        var lines = ["\(name) (\(id)), \(version), \(versions) version(s) stored"]
        var rows = [["TRAIT", "NOW", "DECLARED", "RANGE"]]
        for t in traits { rows.append([t.name, t.value.formatted2, t.declared.formatted2, "\(t.min.formatted2)-\(t.max.formatted2)"]) }
        lines += Output.columns(rows).map { "  " + $0 }
        if let batchSize { lines.append("  \(pendingFeedback) of \(batchSize) samples toward the next version") }
        return lines.joined(separator: "\n")
    }
}
