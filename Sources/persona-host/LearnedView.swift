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
        let status = try pipeline.status(of: id)
        self.id = id
        name = persona.name
        version = status.version
        versions = status.versions
        pendingFeedback = status.pendingFeedback
        batchSize = status.batchSize
        traits = persona.traits.map { Trait(name: $0.name, value: status.traits[$0.name] ?? $0.initial, declared: $0.initial,
                                            min: $0.range.lowerBound, max: $0.range.upperBound) }
    }

    /// Learned ingredient multipliers (`multiplier.<id>` traits) by ingredient id, as
    /// `LearningPipeline.learnedMultipliers(of:)` gives them (empty before any version is stored).
    var multipliers: [String: Double] {
        let prefix = LearnedMultipliers.traitPrefix
        return Dictionary(uniqueKeysWithValues: traits.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) })
    }

    var summaryLine: String {
        let moved = traits.filter { abs($0.value - $0.declared) > 1e-9 }
        let pending = batchSize.map { "; \(NumberFormat.count(pendingFeedback)) of \(NumberFormat.count($0)) samples toward the next version" } ?? ""
        let list = moved.prefix(8).map { "\($0.name) \(NumberFormat.score($0.declared)) → \(NumberFormat.score($0.value))" }.joined(separator: ", ")
        return "Learned: \(version)\(pending)" + (moved.isEmpty ? ", nothing moved yet" : ": " + list)
    }

    var text: String {
        var lines = ["\(name) (\(id)), \(version), \(NumberFormat.count(versions)) version(s) stored"]
        var rows = [["TRAIT", "NOW", "DECLARED", "RANGE"]]
        for t in traits { rows.append([t.name, NumberFormat.score(t.value), NumberFormat.score(t.declared), "\(NumberFormat.value(t.min))-\(NumberFormat.value(t.max))"]) }
        lines += Output.columns(rows).map { "  " + $0 }
        if let batchSize { lines.append("  \(NumberFormat.count(pendingFeedback)) of \(NumberFormat.count(batchSize)) samples toward the next version") }
        return lines.joined(separator: "\n")
    }
}
