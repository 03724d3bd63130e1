import Builtins
import Host

/// `run goal --explain` as text: each stage's decisions with the rule behind it.
struct GoalExplanationText {
    let run: GoalRun

    var lines: [String] {
        var lines: [String] = ["1. Words → terms → intents (quality: exact/variant 0.90, inflection 0.85, synonym 0.60; confidence 1 − Π(1 − q)):"]
        for intent in run.intents where !intent.matches.isEmpty {
            for m in intent.matches {
                lines.append("   \"\(m.text)\" → \(m.term) (\(m.kind.rawValue), \(NumberFormat.score(m.quality))) → \(intent.category)")
            }
            let verdict = intent.detected ? "detected" : "not detected"
            lines.append("   \(intent.category): confidence \(NumberFormat.score(intent.confidence)), threshold \(NumberFormat.score(intent.threshold)): \(verdict)")
        }
        if !run.unrecognisedWords.isEmpty { lines.append("   no term matched: \(run.unrecognisedWords.joined(separator: ", "))") }
        lines.append("2. Intents → plugins → conditions:")
        for consulted in run.explanation?.consulted ?? [] {
            lines.append("   filters of \(consulted.plugin) (\(consulted.because)):")
            let conditions = run.filter.conditions.filter { $0.plugin == consulted.plugin }
            if conditions.isEmpty { lines.append("     no condition") }
            for c in conditions {
                lines.append("     \(c.condition)" + (c.terms.isEmpty ? " (applies no goal word)" : " for \(c.terms.joined(separator: ", "))"))
            }
        }
        for n in run.notApplied { lines.append("   not applied: \(n.words) (\(n.term), \(n.category)): \(n.reason)") }
        lines.append("   → \(NumberFormat.count(run.matchedRows)) users")
        lines.append("3. Domain: \(run.domain.plugin), \(run.domain.reason)")
        for c in run.explanation?.domainCandidates ?? [] {
            let by = c.intent.map { "\($0) at \(NumberFormat.score(c.confidence ?? 0))" } ?? "no detected intent"
            lines.append("   \(c.plugin): selected_by \(c.selectedBy.isEmpty ? "-" : c.selectedBy.joined(separator: ", "))\(c.isDefault ? ", default domain" : ""): \(by)")
        }
        lines.append("4. Features:")
        for f in run.features {
            let mode = f.evaluation == .traced ? "traced (straight-line arithmetic, evaluated over whole columns)"
                : "per row in Lua (\(f.whyPerRow ?? "not traceable"))"
            lines.append("   \(f.name): weight \(NumberFormat.value(f.weight)), mean \(NumberFormat.value(f.mean)), sd \(NumberFormat.value(f.sd)); \(mode)")
        }
        let c = run.clustering
        lines.append("5. Clustering: \(c.algorithm), k in \(c.kRange.map(String.init).joined(separator: "–"))"
                     + (c.defaults.isEmpty ? "" : " (defaults: \(c.defaults.joined(separator: ", ")))")
                     + (c.overridden.isEmpty ? "" : " (overridden: \(c.overridden.joined(separator: ", ")))"))
        for s in c.scores {
            lines.append("   k = \(s.k): silhouette \(NumberFormat.score(s.silhouette))\(s.k == c.chosenK ? "  ← best" : "")")
        }
        if let sample = c.silhouetteSampleSize { lines.append("   silhouette on a seeded sample of \(NumberFormat.count(sample)) users") }
        if c.mergedClusters > 0 { lines.append("   \(NumberFormat.count(c.mergedClusters)) cluster(s) under min_share \(NumberFormat.share(c.minShare)) merged") }
        lines.append("6. Naming (persona(cluster), largest cluster first):")
        for call in run.explanation?.naming ?? [] {
            let top = call.top.map { ", distinguishing \($0)" } ?? ""
            lines.append("   cluster \(call.cluster), attempt \(call.attempt)\(top) → \"\(call.name)\"" + (call.suffixed.map { " (taken: named \"\($0)\")" } ?? ""))
        }
        return lines
    }
}
