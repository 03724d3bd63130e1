import Builtins
import Foundation
import Plugins

/// `dataset stats`: counts per persona, category and trait over the inputs, measured against
/// the plugin's targets (the gap analysis). Tagged inputs are counted by their `_persona` and
/// `_traits`; untagged examples (or all, with `retag`) are tagged by the rules on the way,
/// and the report says how many were.
public struct DatasetStatsPipeline {
    public struct Options: Sendable {
        public var inputs: [String]
        public var maxErrors: Int
        public var retag: Bool
        /// The planned dataset size the gaps are computed for (default: the examples counted).
        public var size: Int?
        public var workers: Int

        public init(inputs: [String], maxErrors: Int = 0, retag: Bool = false, size: Int? = nil,
                    workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.inputs = inputs
            self.maxErrors = maxErrors
            self.retag = retag
            self.size = size
            self.workers = workers
        }
    }

    public struct Report: Sendable, Encodable {
        public struct File: Sendable, Encodable {
            public var path: String
            public var examples: Int
            public var bytesRead: Int
        }

        public var plugin: String
        public var pluginVersion: String
        public var files: [File]
        public var summary: DatasetSummary
        /// Examples tagged by the rules during this command (not already tagged in the input).
        public var taggedByRules: Int
        /// The gap analysis (nil when the plugin declares no categories).
        public var gaps: GapAnalysis?
        public var seconds: Double
    }

    let rules: DatasetRules
    let loader: PluginLoader

    public init(rules: DatasetRules, loader: PluginLoader) {
        self.rules = rules
        self.loader = loader
    }

    /// Counts the inputs.
    static func count(_ inputs: [String], rules: DatasetRules, loader: PluginLoader, retag: Bool, maxErrors: Int,
                      workers: Int) throws(DatasetError) -> (DatasetCounts, [Report.File], [DatasetPass.Problem]) {
        guard !inputs.isEmpty else { throw .usage("no input files") }
        let taggers = try DatasetWorkers.taggers(rules: rules, loader: loader, count: workers, wantsTraits: true)
        let pass = DatasetPass(taggers: taggers, mode: .count(retag: retag), maxErrors: maxErrors)
        var counts = DatasetCounts()
        var files: [Report.File] = []
        for input in inputs {
            var fileCounts = DatasetCounts()
            var read = 0
            try pass.run(input, onRawBytes: { read += $0.count }) { (part: DatasetPass.PartResult) throws(DatasetError) in
                fileCounts.merge(part.counts)
            }
            counts.merge(fileCounts)
            files.append(.init(path: input, examples: fileCounts.examples, bytesRead: read))
        }
        return (counts, files, pass.problems)
    }

    public func run(_ options: Options) throws(DatasetError) -> Report {
        let started = Date()
        let (counts, files, problems) = try Self.count(options.inputs, rules: rules, loader: loader, retag: options.retag,
                                                       maxErrors: options.maxErrors, workers: options.workers)
        var gaps: GapAnalysis?
        if let targets = rules.spec.targets {
            gaps = GapAnalysis(targets: targets, personaCounts: counts.personas, traitCounts: counts.traits,
                               total: counts.examples, size: options.size)
        }
        let tagged = counts.examples - (counts.claims[.existing] ?? 0)
        return Report(plugin: rules.plugin.name, pluginVersion: rules.plugin.manifest.version, files: files,
                      summary: DatasetSummary(counts: counts, rules: rules, problems: problems), taggedByRules: tagged,
                      gaps: gaps, seconds: Date().timeIntervalSince(started))
    }
}
