import ArgumentParser
import Builtins
import Foundation
import Host

/// `dataset mix IN… --size N --out DIR`: a deterministic, balanced sample with its manifest
/// and curriculum.
struct DatasetMixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mix",
        abstract: "Sample a balanced dataset: caps, target shares, trait balance and upsampling from the plugin.",
        discussion: """
            Writes DIR/data.jsonl (the chosen examples in input order, repeats marked "_repeat": k), \
            DIR/manifest.json (inputs with SHA-256, seed, plugin, every share against its target, and every target \
            that could not be met with why) and DIR/curriculum.yaml (the plugin's training phases with their personas \
            and learning rates). The same inputs, plugin and --seed give the same files. Targets the data cannot meet \
            are reported, not hidden; --strict makes them an error (exit 1) after writing nothing.
            Exit codes: 0 ok, 1 writing failed or --strict and a target unmet, 2 bad input or --out, 3 plugin missing, broken, or a rule failed.
            """)

    @Argument(help: ArgumentHelp("JSONL files (.jsonl or .jsonl.gz), tagged or not.", valueName: "in")) var inputs: [String]
    @Option(help: ArgumentHelp("How many examples to write.", valueName: "n")) var size: Int
    @Option(help: ArgumentHelp("The output folder (must not exist, unless --force).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Random seed: the same seed gives the same mix.", valueName: "s")) var seed: UInt64 = 42
    @Flag(help: "Tag every example by the rules, ignoring _persona and _traits in the input.") var retag = false
    @Option(name: .customLong("max-errors"), help: ArgumentHelp("Malformed lines to skip before failing (default 0).", valueName: "n"))
    var maxErrors = 0
    @Flag(help: "Replace --out if it exists.") var force = false
    @Flag(help: "Fail (exit 1, nothing written) when a target cannot be met.") var strict = false
    @OptionGroup var options: DatasetOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one JSONL file") }
        if size < 1 { throw ValidationError("--size must be at least 1, got \(size)") }
        if maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more, got \(maxErrors)") }
    }

    func run() throws {
        let (rules, session) = try options.rules()
        ProgressLine.stage("mixing with \(rules.pluginVersion)")
        let manifest = try DatasetMixPipeline(rules: rules, loader: session.loader)
            .run(.init(inputs: inputs, size: size, output: out, seed: seed, maxErrors: maxErrors, retag: retag, force: force,
                       workers: options.workerCount, strict: strict))
        ProgressLine.stage("")
        if options.wantsJSON { return try Output.json(MixOutput(folder: manifest.folder, seconds: manifest.seconds, manifest: manifest)) }
        var lines = ["wrote \(NumberFormat.count(manifest.written)) of \(NumberFormat.count(manifest.requested)) requested examples "
                     + "(\(NumberFormat.count(manifest.repeats)) repeats) to \(manifest.folder) in \(DatasetText.seconds(manifest.seconds)); "
                     + "seed \(manifest.seed), rules \(manifest.plugin) \(manifest.pluginVersion)", ""]
        var rows = [["persona", "category", "available", "written", "repeats", "share", "target"]]
        for p in manifest.personas {
            rows.append([p.name, p.category, NumberFormat.count(p.available), NumberFormat.count(p.written), NumberFormat.count(p.repeats),
                         NumberFormat.share(p.share),
                         p.targetMin == p.targetMax ? NumberFormat.share(p.targetMin) : "\(NumberFormat.share(p.targetMin))–\(NumberFormat.share(p.targetMax))"])
        }
        lines += Output.columns(rows, rightAligned: [2, 3, 4, 5])
        if manifest.unmet.isEmpty {
            lines += ["", "every target met"]
        } else {
            lines += ["", "\(manifest.unmet.count) target(s) not met:"] + manifest.unmet.map { "  \($0.message)" }
        }
        for e in manifest.excluded { lines.append("left out \(NumberFormat.count(e.examples)) example(s) tagged \(e.persona), a persona the plugin does not declare") }
        for note in manifest.notes { lines.append("note: \(note)") }
        lines.append("files: data.jsonl, manifest.json, curriculum.yaml")
        Output.lines(lines)
    }

    /// `--json`: where and how long, with the manifest.
    struct MixOutput: Encodable {
        var folder: String
        var seconds: Double
        var manifest: MixManifest
    }
}
