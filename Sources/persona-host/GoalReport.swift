import Builtins
import Foundation
import Host
import Plugins

/// The human rendering of a goal run: how the goal was read and what could not be applied, then
/// the persona table (``GoalTable``), then (with `--explain`) each stage's decisions and the rules
/// behind them.
///
/// Every line fits the terminal's width (80 columns when stdout is not a terminal): prose is
/// wrapped, continuation lines indented by two. Text is escaped by `TerminalText` before any
/// styling is added, so plugin and user strings never reach the terminal as control codes.
struct GoalReport {
    let run: GoalRun
    var explain = false
    var wide = false

    init(run: GoalRun, explain: Bool = false, wide: Bool = false) {
        self.run = run
        self.explain = explain
        self.wide = wide
    }

    /// The report without styling, at stdout's width: for callers that print through
    /// `Output.lines` (which escapes again; escaping escaped text changes nothing).
    var lines: [String] {
        lines(for: Terminal(width: Terminal.standardOutput(choice: .never).width, color: false))
    }

    /// The report laid out and styled for `terminal`; every line is escaped.
    func lines(for terminal: Terminal) -> [String] {
        var lines: [String] = []
        func prose(_ text: String, style: (String) -> String = { $0 }) {
            lines += Self.wrap(TerminalText.escaped(text), width: terminal.width).map(style)
        }
        if let warning = SkippedPlugin.warningLine(run.skippedPlugins) { prose(warning, style: terminal.warning) }
        let intents = run.intents.filter(\.detected).map { intent in
            "\(intent.category) \(NumberFormat.score(intent.confidence)) (\(intent.matches.map { $0.text == $0.term ? $0.term : "\($0.text) → \($0.term)" }.joined(separator: ", ")))"
        }
        prose("Goal \"\(run.goal)\": \(intents.joined(separator: "; ")).")
        if !run.notApplied.isEmpty {
            prose("Not applied: " + run.notApplied.map { "\($0.words) (\($0.category)): \($0.reason)" }.joined(separator: "; ") + ".")
        }
        let weak = run.intents.filter { !$0.detected && !$0.matches.isEmpty }
        if !weak.isEmpty {
            // Recognised, but too weakly to count: said, so no goal word is dropped silently.
            prose("Below threshold: " + weak.map { intent in
                "\(intent.matches.map(\.text).joined(separator: ", ")) (\(intent.category) \(NumberFormat.score(intent.confidence))"
                    + " < \(NumberFormat.score(intent.threshold)))"
            }.joined(separator: "; ") + ".")
        }
        if !run.unrecognisedWords.isEmpty {
            prose("Not recognised: \(run.unrecognisedWords.joined(separator: ", ")).")
        }
        let filter = run.filter.conditions.map(\.condition).joined(separator: " AND ")
        prose("Users: \(NumberFormat.count(run.matchedRows)) matched (\(filter.isEmpty ? "all users" : filter)).")
        prose("Domain: \(run.domain.plugin) (\(run.domain.reason)).")
        for warning in run.warnings { prose("Warning: \(warning).", style: terminal.warning) }
        let scores = run.clustering.scores.map { "k=\($0.k) \(NumberFormat.score($0.silhouette))" }.joined(separator: ", ")
        let how = run.clustering.scores.isEmpty ? "(\(run.clustering.note ?? "no k could be scored"))" : "by silhouette (\(scores))"
        prose("Clustering: \(run.clustering.algorithm), k = \(run.personas.count) \(how)"
              + (run.clustering.mergedClusters > 0 ? ", \(NumberFormat.count(run.clustering.mergedClusters)) small cluster(s) merged" : "") + ".")
        for note in run.notes { prose("Note: \(note).", style: terminal.dim) }
        lines.append("")
        lines += GoalTable(personas: run.personas, terminal: terminal, wide: wide).lines
        if explain {
            lines += ["", "How each stage decided:"]
            for line in GoalExplanationText(run: run).lines {
                lines += Self.wrap("  " + TerminalText.escaped(line), width: terminal.width)
            }
        }
        if let id = run.runID { lines += ["", "Saved as run \(id) (persona-host runs show \(id))."] }
        return lines
    }

    /// `line` wrapped to `width`: its leading spaces are kept, and continuation lines are
    /// indented two more.
    static func wrap(_ line: String, width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        guard DisplayWidth.of(line) > width else { return [line] }
        let body = String(line.dropFirst(indent.count))
        let first = DisplayWidth.wrapped(body, width: width - indent.count)
        guard let head = first.first else { return [line] }
        let rest = first.dropFirst().joined(separator: " ")
        let continuation = indent + "  "
        let tail = rest.isEmpty ? [] : DisplayWidth.wrapped(rest, width: width - continuation.count).map { continuation + $0 }
        return [indent + head] + tail
    }
}
