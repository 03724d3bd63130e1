import Builtins
import Foundation
import Host
import Plugins

/// The human rendering of a goal run: how the goal was read and what could not be applied, then
/// a table of personas, then (with `--explain`) each stage's decisions and the rules behind them.
struct GoalReport {
    let run: GoalRun
    var explain = false

    var lines: [String] {
        var lines: [String] = []
        if let warning = SkippedPlugin.warningLine(run.skippedPlugins) { lines.append(warning) }
        let intents = run.intents.filter(\.detected).map { intent in
            "\(intent.category) \(String(format2: intent.confidence)) (\(intent.matches.map { $0.text == $0.term ? $0.term : "\($0.text) → \($0.term)" }.joined(separator: ", ")))"
        }
        lines.append("Goal \"\(run.goal)\": \(intents.joined(separator: "; ")).")
        if !run.notApplied.isEmpty {
            lines.append("Not applied: " + run.notApplied.map { "\($0.words) (\($0.category)): \($0.reason)" }.joined(separator: "; ") + ".")
        }
        if !run.unrecognisedWords.isEmpty {
            lines.append("Not recognised: \(run.unrecognisedWords.joined(separator: ", ")).")
        }
        let filter = run.filter.conditions.map(\.condition).joined(separator: " AND ")
        lines.append("Users: \(filter.isEmpty ? "all" : filter) → \(run.matchedRows) matched. Domain: \(run.domain.plugin) (\(run.domain.reason)).")
        let scores = run.clustering.scores.map { "k=\($0.k) \(String(format2: $0.silhouette))" }.joined(separator: ", ")
        lines.append("Clustering: \(run.clustering.algorithm), k = \(run.personas.count) by silhouette (\(scores))"
                     + (run.clustering.mergedClusters > 0 ? ", \(run.clustering.mergedClusters) small cluster(s) merged" : "") + ".")
        for note in run.notes { lines.append("Note: \(note).") }
        lines.append("")
        var rows = [["PERSONA", "USERS", "SHARE", "TRAITS", "SET APART BY"]]
        for p in run.personas {
            rows.append([p.name, String(p.size), String(format: "%.1f%%", p.share * 100), p.traits.text, p.distinguishing.prefix(2).joined(separator: ", ")])
        }
        lines += Output.columns(rows)
        if explain { lines += ["", "How each stage decided:"] + GoalExplanationText(run: run).lines.map { "  " + $0 } }
        if let id = run.runID { lines += ["", "Saved as run \(id) (persona-host runs show \(id))."] }
        return lines
    }
}
