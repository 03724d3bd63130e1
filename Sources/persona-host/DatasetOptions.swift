import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// Options every `dataset` command shares: which plugins, which tagging plugin, how many workers.
struct DatasetOptions: ParsableArguments {
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var loading: PluginLoadOptions
    @Option(name: .customLong("plugin"), help: ArgumentHelp("The plugin whose tagging rules to apply (default: the only one with a `tagging` hook).", valueName: "name"))
    var pluginName: String?
    @Option(help: ArgumentHelp("Threads parsing and tagging (default: the machine's cores, at most 8).", valueName: "n"))
    var workers: Int?
    @Flag(inversion: .prefixedNo, help: "Print the report as JSON on stdout (default: the config file's json, else no).") var json: Bool?

    func validate() throws {
        if let workers, !(1...64).contains(workers) { throw ValidationError("--workers must be from 1 to 64, got \(workers)") }
    }

    var wantsJSON: Bool { json ?? Settings.current.config?.json ?? false }
    var workerCount: Int { workers ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Loads the plugins and picks the tagging plugin.
    func rules() throws -> (DatasetRules, PluginSession) {
        let session = try PluginSession.load(plugins, loading)
        session.warnOnStderr()
        return (try DatasetRules(from: session.set, named: pluginName), session)
    }
}

/// Text shared by the dataset reports.
enum DatasetText {
    /// `12.3 s`, `0.84 s`.
    static func seconds(_ s: Double) -> String { s >= 10 ? String(format: "%.1f s", s) : String(format: "%.2f s", s) }

    /// `346 MB/s`.
    static func rate(bytes: Int, seconds: Double) -> String {
        guard seconds > 0 else { return "" }
        return String(format: "%.0f MB/s", Double(bytes) / 1e6 / seconds)
    }

    /// The persona, trait and claim tables of a summary.
    static func summaryLines(_ summary: DatasetSummary) -> [String] {
        var lines: [String] = []
        var rows = [["persona", "category", "examples", "share"]]
        for p in summary.personas { rows.append([p.name, p.category ?? "(not declared)", NumberFormat.count(p.count), NumberFormat.share(p.share)]) }
        lines += Output.columns(rows, rightAligned: [2, 3])
        if !summary.traits.isEmpty {
            lines.append("")
            lines.append("traits: " + summary.traits.map { "\($0.name) \(NumberFormat.share($0.share))" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("claimed by:")
        for claim in summary.claims { lines.append("  \(claim.claim): \(NumberFormat.count(claim.count))") }
        if summary.fallback > 0 {
            lines.append("\(NumberFormat.count(summary.fallback)) examples (\(NumberFormat.share(Double(summary.fallback) / Double(max(1, summary.examples))))) matched no source and no rule and got the fallback persona")
        }
        if summary.skippedLines > 0 {
            lines.append("skipped \(NumberFormat.count(summary.skippedLines)) malformed line(s) (--max-errors):")
            for p in summary.problems.prefix(20) {
                lines.append("  \(p.file):\(p.line): \(p.column.map { "column \($0): " } ?? "")\(p.field.map { "field \"\($0)\": " } ?? "")\(p.message)")
            }
            if summary.skippedLines > 20 { lines.append("  … and \(NumberFormat.count(summary.skippedLines - 20)) more (all in the JSON report, first 100)") }
        }
        if summary.blankLines > 0 { lines.append("\(NumberFormat.count(summary.blankLines)) blank line(s) skipped") }
        return lines
    }
}
