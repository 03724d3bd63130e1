import Builtins
import Foundation
import Plugins

/// `dataset tag`: every example of every input gets the plugin's persona, traits and (when the
/// plugin asks) the `<persona:NAME>` instruction line; one output file per input, in input
/// order, written to a staging folder that becomes `--out` only when every file succeeded.
public struct DatasetTagPipeline {
    /// What the command was asked.
    public struct Options: Sendable {
        public var inputs: [String]
        public var output: String
        public var maxErrors: Int
        public var force: Bool
        public var workers: Int

        public init(inputs: [String], output: String, maxErrors: Int = 0, force: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.inputs = inputs
            self.output = output
            self.maxErrors = maxErrors
            self.force = force
            self.workers = workers
        }
    }

    /// What was written.
    public struct Report: Sendable, Encodable {
        public struct File: Sendable, Encodable {
            public var input: String
            public var output: String
            public var examples: Int
            public var bytesRead: Int
            public var bytesWritten: Int
        }

        public var plugin: String
        public var pluginVersion: String
        public var output: String
        public var files: [File]
        public var summary: DatasetSummary
        public var workers: Int
        public var seconds: Double
    }

    let rules: DatasetRules
    let loader: PluginLoader

    public init(rules: DatasetRules, loader: PluginLoader) {
        self.rules = rules
        self.loader = loader
    }

    /// The output file name of each input: its name without `.gz`, `.jsonl` or `.json`, plus
    /// `.jsonl`. Two inputs with the same name are refused.
    static func outputNames(_ inputs: [String]) throws(DatasetError) -> [String] {
        var seen: [String: String] = [:]
        var names: [String] = []
        for input in inputs {
            let name = DatasetPass.sourceName(ofFile: input) + ".jsonl"
            if let other = seen[name] { throw .usage("\(other) and \(input) would both be written as \(name): rename one of them") }
            seen[name] = input
            names.append(name)
        }
        return names
    }

    public func run(_ options: Options) throws(DatasetError) -> Report {
        let started = Date()
        guard !options.inputs.isEmpty else { throw .usage("no input files") }
        let names = try Self.outputNames(options.inputs)
        let folder = try OutputFolder(path: options.output, force: options.force)
        let taggers = try DatasetWorkers.taggers(rules: rules, loader: loader, count: options.workers, wantsTraits: false)
        let prefix = rules.spec.rules?.prefix ?? false
        let pass = DatasetPass(taggers: taggers, mode: .tag(prefix: prefix), maxErrors: options.maxErrors)
        var counts = DatasetCounts()
        var files: [Report.File] = []
        for (input, name) in zip(options.inputs, names) {
            let file = try StreamedFile(folder.file(name))
            var fileCounts = DatasetCounts()
            var read = 0
            try pass.run(input, onRawBytes: { read += $0.count }) { (part: DatasetPass.PartResult) throws(DatasetError) in
                try file.write(part.output)
                fileCounts.merge(part.counts)
            }
            try file.close()
            counts.merge(fileCounts)
            files.append(.init(input: input, output: folder.destination.appendingPathComponent(name).path, examples: fileCounts.examples,
                               bytesRead: read, bytesWritten: file.bytes))
        }
        var report = Report(plugin: rules.plugin.name, pluginVersion: rules.plugin.manifest.version, output: folder.destination.path,
                            files: files, summary: DatasetSummary(counts: counts, rules: rules, problems: pass.problems),
                            workers: taggers.count, seconds: 0)
        report.seconds = Date().timeIntervalSince(started)
        do { try folder.write(try Self.encoder.encode(report), to: "tagging.json") } catch let error as DatasetError { throw error } catch {
            throw .output(path: folder.destination.path, message: "cannot write tagging.json: \(error)")
        }
        try folder.commit()
        return report
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// The per-worker taggers of a pass: one per core (at most 8), each with its own compiled
/// rules and, when the rules call Lua, its own copy of the plugin.
enum DatasetWorkers {
    static func taggers(rules: DatasetRules, loader: PluginLoader, count: Int, wantsTraits: Bool) throws(DatasetError) -> [ExampleTagger] {
        var taggers: [ExampleTagger] = []
        for _ in 0..<min(8, max(1, count)) { taggers.append(try ExampleTagger(rules: rules, loader: loader, wantsTraits: wantsTraits)) }
        return taggers
    }
}
