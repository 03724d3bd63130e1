import Builtins
import Foundation

/// The markdown section `persona-bench` prints and keeps in docs/BENCHMARKS.md.
struct Report {
    /// The section's markers in docs/BENCHMARKS.md.
    static let startMarker = "<!-- bench:host:start -->"
    static let endMarker = "<!-- bench:host:end -->"

    /// The section's title.
    var title = "Lua plugin host"
    var date: Date
    var machine: MachineInfo
    var results: [BenchmarkResult]

    /// The section, markers excluded.
    var markdown: String {
        let stamp = ISO8601DateFormatter().string(from: date)
        var lines = [
            "## \(title)",
            "",
            "Command: `make bench` (release build of `persona-host` and `persona-bench`). Date: \(stamp).",
            "",
            "Machine: `\(machine.uname)`, \(machine.processors) processor(s), \(machine.cpuModel)"
                + (machine.swiftVersion.map { ", \($0)" } ?? "")
                + (machine.loadAverage.map { "; 1-minute load average \($0) at the start" } ?? "") + ".",
            "",
            "| Figure | Median | Target | Result | Repetitions |",
            "|---|---:|---:|---|---|",
        ]
        for figure in results.flatMap(\.figures) {
            let target = figure.target.map { "\(figure.atLeast ? "≥" : "≤") \(Report.number($0, figure.unit)) \(figure.unit)" } ?? "—"
            let result = figure.passes.map { $0 ? "pass" : "**FAIL**" } ?? "context"
            lines.append("| \(figure.name) | \(Report.number(figure.value, figure.unit)) \(figure.unit) | \(target) | \(result) | \(figure.repetitions) |")
        }
        lines.append("")
        for note in results.flatMap(\.notes) { lines.append("- \(note)") }
        return lines.joined(separator: "\n")
    }

    /// Nanoseconds to one decimal, milliseconds to two, ratios to two.
    private static func number(_ value: Double, _ unit: String) -> String {
        Format.fixed(value, unit == "ns" ? 1 : 2)
    }
}
