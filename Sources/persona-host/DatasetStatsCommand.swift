import ArgumentParser
import Builtins
import Foundation
import Host

/// `dataset stats IN…`: counts per persona, category and trait, and the gap analysis against
/// the plugin's targets.
struct DatasetStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count personas, categories and traits, and compare them with the plugin's targets.",
        discussion: """
            Tagged inputs (with _persona and _traits, as dataset tag writes them) are counted as tagged; \
            untagged examples, or all with --retag, are tagged by the plugin's rules on the way (the report \
            says how many). The gap analysis lists the personas and categories under or over their target \
            share, with how many examples each needs or exceeds at --size (default: the examples counted), \
            and trait shares against the plugin's trait targets.
            Exit codes: 0 ok, 2 bad input, 3 plugin missing, broken, or a rule failed.
            """)

    @Argument(help: ArgumentHelp("JSONL files (.jsonl or .jsonl.gz).", valueName: "in")) var inputs: [String]
    @Option(help: ArgumentHelp("The planned dataset size the gaps are computed for.", valueName: "n")) var size: Int?
    @Flag(help: "Tag every example by the rules, ignoring _persona and _traits in the input.") var retag = false
    @Option(name: .customLong("max-errors"), help: ArgumentHelp("Malformed lines to skip before failing (default 0).", valueName: "n"))
    var maxErrors = 0
    @OptionGroup var options: DatasetOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one JSONL file") }
        if maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more, got \(maxErrors)") }
        if let size, size < 1 { throw ValidationError("--size must be at least 1, got \(size)") }
    }

    func run() throws {
        let (rules, session) = try options.rules()
        ProgressLine.stage("counting with \(rules.pluginVersion)")
        let report = try DatasetStatsPipeline(rules: rules, loader: session.loader)
            .run(.init(inputs: inputs, maxErrors: maxErrors, retag: retag, size: size, workers: options.workerCount))
        ProgressLine.stage("")
        if options.wantsJSON { return try Output.json(report) }
        let read = report.files.reduce(0) { $0 + $1.bytesRead }
        var lines = ["\(NumberFormat.count(report.summary.examples)) examples in \(report.files.count) file(s), "
                     + "\(DatasetText.seconds(report.seconds)) (\(DatasetText.rate(bytes: read, seconds: report.seconds))); "
                     + "rules: \(report.plugin) \(report.pluginVersion)"]
        if report.taggedByRules > 0 {
            lines.append("\(NumberFormat.count(report.taggedByRules)) example(s) were not tagged in the input and were tagged by the rules now")
        }
        lines.append("")
        lines += DatasetText.summaryLines(report.summary)
        if let gaps = report.gaps { lines += ["", "gap analysis at \(NumberFormat.count(gaps.size)) examples:"] + DatasetText.gapLines(gaps) }
        Output.lines(lines)
    }
}

extension DatasetText {
    /// The gap analysis: categories, then personas under or over target, then traits.
    static func gapLines(_ gaps: GapAnalysis) -> [String] {
        func range(_ lo: Double, _ hi: Double) -> String {
            lo == hi ? NumberFormat.share(lo) : "\(NumberFormat.share(lo))–\(NumberFormat.share(hi))"
        }
        func verdict(_ status: GapAnalysis.Status, needed: Int, excess: Int) -> String {
            switch status {
            case .under: "under: needs \(NumberFormat.count(needed)) more"
            case .over: "over: \(NumberFormat.count(excess)) too many"
            case .within: "within"
            }
        }
        var rows = [["category", "examples", "share", "target", ""]]
        for c in gaps.categories {
            rows.append([c.name, NumberFormat.count(c.count), NumberFormat.share(c.share), range(c.targetMin, c.targetMax), verdict(c.status, needed: c.needed, excess: c.excess)])
        }
        var lines = Output.columns(rows, rightAligned: [1, 2])
        let off = gaps.personas.filter { $0.status != .within }
        if !off.isEmpty {
            lines.append("")
            var rows = [["persona", "examples", "share", "target", ""]]
            for p in off {
                rows.append([p.name, NumberFormat.count(p.count), NumberFormat.share(p.share), range(p.targetMin, p.targetMax), verdict(p.status, needed: p.needed, excess: p.excess)])
            }
            lines += Output.columns(rows, rightAligned: [1, 2])
        }
        if !gaps.traits.isEmpty {
            lines.append("")
            lines.append("traits against their targets: " + gaps.traits.map {
                "\($0.name) \(NumberFormat.share($0.share)) (target \(NumberFormat.share($0.target)))"
            }.joined(separator: ", "))
        }
        for unknown in gaps.unknownPersonas {
            lines.append("\(NumberFormat.count(unknown.count)) example(s) tagged \(unknown.name), a persona the plugin does not declare")
        }
        for note in gaps.notes { lines.append("note: \(note)") }
        return lines
    }
}
