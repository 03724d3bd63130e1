import ArgumentParser
import Builtins
import Foundation
import Host

/// `dataset tag IN… --out DIR`: each example gets its persona, traits and (when the plugin asks)
/// the `<persona:NAME>` instruction line; every other field is kept as written.
struct DatasetTagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag JSONL examples with a persona and traits by a plugin's tagging rules.",
        discussion: """
            IN are JSONL files (or .jsonl.gz), one example per line with string fields instruction and output \
            (input optional); other fields are kept as written. Each input is written to DIR/NAME.jsonl, with \
            _persona and _traits added, plus DIR/tagging.json (the report). DIR appears only when every file \
            succeeded (it is written to a hidden sibling folder first). A malformed line stops the run unless \
            --max-errors allows it; a rule that fails names the plugin, the rule and the example's line.
            Exit codes: 0 ok, 1 writing failed, 2 bad input or --out, 3 plugin missing, broken, or a rule failed.
            """)

    @Argument(help: ArgumentHelp("JSONL files (.jsonl or .jsonl.gz).", valueName: "in")) var inputs: [String]
    @Option(help: ArgumentHelp("The output folder (must not exist, unless --force).", valueName: "dir")) var out: String
    @Option(name: .customLong("max-errors"), help: ArgumentHelp("Malformed lines to skip before failing (default 0).", valueName: "n"))
    var maxErrors = 0
    @Flag(help: "Replace --out if it exists.") var force = false
    @OptionGroup var options: DatasetOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one JSONL file to tag") }
        if maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more, got \(maxErrors)") }
    }

    func run() throws {
        let (rules, session) = try options.rules()
        ProgressLine.stage("tagging with \(rules.pluginVersion)")
        let report = try DatasetTagPipeline(rules: rules, loader: session.loader)
            .run(.init(inputs: inputs, output: out, maxErrors: maxErrors, force: force, workers: options.workerCount))
        ProgressLine.stage("")
        if options.wantsJSON { return try Output.json(report) }
        let read = report.files.reduce(0) { $0 + $1.bytesRead }
        var lines = ["tagged \(NumberFormat.count(report.summary.examples)) examples from \(report.files.count) file(s) in "
                     + "\(DatasetText.seconds(report.seconds)) (\(DatasetText.rate(bytes: read, seconds: report.seconds))) "
                     + "with \(report.plugin) \(report.pluginVersion) → \(report.output)"]
        for file in report.files { lines.append("  \(file.input) → \(file.output): \(NumberFormat.count(file.examples)) examples") }
        lines.append("")
        lines += DatasetText.summaryLines(report.summary)
        Output.lines(lines)
    }
}
