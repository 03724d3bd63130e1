import Builtins
import Foundation
import Host

/// A photo check for people: one row per photo, then the gate's verdict, its reasons and notes,
/// and the training configuration.
enum PhotoReportText {
    static func lines(_ report: PhotoCheckReport) -> [String] {
        var lines: [String] = []
        let names = report.photos.first.map { Array($0.scores.keys).sorted() } ?? []
        var rows = [["photo", "size", "pixels", "faces"] + names + ["overall", "verdict"]]
        for p in report.photos {
            let f = p.facts
            rows.append([f.file, String(format: "%.0f KB", Double(f.bytes) / 1000), "\(f.width)×\(f.height)", "\(f.faces)"]
                        + names.map { String(format: "%.0f", p.scores[$0] ?? 0) }
                        + [String(format: "%.0f", p.overall), p.accepted ? "accepted" : "rejected"])
        }
        lines += Output.columns(rows, rightAligned: Set(1..<(rows[0].count - 1)))
        let rejected = report.photos.filter { !$0.accepted }
        if !rejected.isEmpty {
            lines.append("")
            lines.append("rejected:")
            for p in rejected { lines.append("  \(p.facts.file): \(p.reasons.joined(separator: "; "))") }
        }
        lines.append("")
        let counts = "\(report.accepted) of \(report.photos.count) photos accepted"
            + (report.duplicates > 0 ? ", \(report.duplicates) near-duplicate(s)" : "")
        lines.append(report.gate.ready ? "READY for training: \(counts)" : "NOT READY for training: \(counts)")
        for reason in report.gate.reasons { lines.append("  - \(reason)") }
        for note in report.gate.notes { lines.append("  note: \(note)") }
        if case .object(let config)? = report.training {
            let shown = ["model_base", "training_steps", "learning_rate", "rank", "alpha"].compactMap { key in
                config[key].map { "\(key) \(Self.text($0))" }
            }
            lines.append("training: " + shown.joined(separator: ", ") + " (all fields with --json)")
        }
        if report.undated > 0 {
            lines.append("\(report.undated) photo(s) carry no EXIF capture date: their age is unknown to the rules")
        }
        if !report.skipped.isEmpty { lines.append("skipped (hidden or folders): \(report.skipped.joined(separator: ", "))") }
        lines.append("rules: \(report.plugin) \(report.pluginVersion); \(String(format: "%.2f s", report.seconds))")
        return lines
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): String(b)
        default: "…"
        }
    }
}
