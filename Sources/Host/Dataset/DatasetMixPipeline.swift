import Builtins
import Foundation
import Plugins

/// `dataset mix`: a deterministic sample of the inputs that meets the plugin's caps and
/// targets as closely as the data allows, with secondary traits balanced within each persona
/// and rare personas upsampled (repeats marked `_repeat`).
///
/// Two streaming passes, so memory stays flat: the first counts the examples of every persona
/// and trait mask (and hashes the inputs); ``MixPlanner`` turns the counts into a quota per
/// group; the second pass reads the inputs again and a ``GroupSampler`` per group decides, in
/// input order, how many times each example is written. The output folder holds `data.jsonl`,
/// `manifest.json` and `curriculum.yaml`, and appears only when all three are written.
public struct DatasetMixPipeline {
    public struct Options: Sendable {
        public var inputs: [String]
        public var size: Int
        public var output: String
        public var seed: UInt64
        public var maxErrors: Int
        public var retag: Bool
        public var force: Bool
        public var workers: Int
        /// Fail, writing nothing, when a target cannot be met.
        public var strict: Bool

        public init(inputs: [String], size: Int, output: String, seed: UInt64 = 42, maxErrors: Int = 0, retag: Bool = false,
                    force: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount, strict: Bool = false) {
            self.strict = strict
            self.inputs = inputs
            self.size = size
            self.output = output
            self.seed = seed
            self.maxErrors = maxErrors
            self.retag = retag
            self.force = force
            self.workers = workers
        }
    }

    let rules: DatasetRules
    let loader: PluginLoader

    public init(rules: DatasetRules, loader: PluginLoader) {
        self.rules = rules
        self.loader = loader
    }

    public func run(_ options: Options) throws(DatasetError) -> MixManifest {
        let started = Date()
        guard !options.inputs.isEmpty else { throw .usage("no input files") }
        guard options.size > 0 else { throw .usage("--size must be at least 1, got \(options.size)") }
        let targets = try rules.targets(for: "mix")
        let folder = try OutputFolder(path: options.output, force: options.force)
        let taggers = try DatasetWorkers.taggers(rules: rules, loader: loader, count: options.workers, wantsTraits: true)
        var bits: [String: UInt32] = [:]
        for (i, trait) in targets.traits.enumerated() { bits[trait.name] = 1 << UInt32(i) }

        // Pass 1: count by persona and trait mask; hash each input as read.
        let counting = DatasetPass(taggers: taggers, mode: .count(retag: options.retag), maxErrors: options.maxErrors)
        counting.maskBits = bits
        var counts = DatasetCounts()
        var inputs: [MixManifest.Input] = []
        for path in options.inputs {
            var hash = SHA256()
            var bytes = 0
            var fileCounts = DatasetCounts()
            try counting.run(path, onRawBytes: { hash.update($0); bytes += $0.count }) { (part: DatasetPass.PartResult) throws(DatasetError) in
                fileCounts.merge(part.counts)
            }
            counts.merge(fileCounts)
            inputs.append(.init(path: path, bytes: bytes, sha256: SHA256.hex(hash.finalize()), examples: fileCounts.examples))
        }
        let declared = Set(targets.personas)
        let available = counts.masks.filter { declared.contains($0.key) }
        let unknown = counts.personas.filter { !declared.contains($0.key) }
        let plan = MixPlanner.plan(size: options.size, targets: targets, available: available, unknown: unknown)
        if options.strict, !plan.unmet.isEmpty {
            throw .unmet(plan.unmet.map(\.message))
        }

        // Pass 2: the same examples in the same order; each group's sampler picks its copies.
        let selecting = DatasetPass(taggers: taggers, mode: .select(retag: options.retag, prefix: rules.spec.rules?.prefix ?? false),
                                    maxErrors: options.maxErrors)
        selecting.maskBits = bits
        let data = try StreamedFile(folder.file("data.jsonl"))
        var samplers: [GroupKey: GroupSampler] = [:]
        var seen = DatasetCounts()
        var written = DatasetCounts()
        var repeats = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 << 20)
        for path in options.inputs {
            try selecting.run(path) { (part: DatasetPass.PartResult) throws(DatasetError) in
                seen.merge(part.counts)
                for example in part.examples {
                    guard declared.contains(example.persona) else { continue }
                    let mask = DatasetPass.mask(example.traits, bits)
                    let key = GroupKey(persona: example.persona, mask: mask)
                    var sampler = samplers[key] ?? GroupSampler(available: available[example.persona]?[mask] ?? 0,
                                                                quota: plan.quotas[example.persona]?[mask] ?? 0,
                                                                seed: GroupSampler.seed(base: options.seed, persona: example.persona, mask: mask))
                    let copies = sampler.copies()
                    samplers[key] = sampler
                    guard copies > 0 else { continue }
                    let line = part.output[example.bytes]
                    buffer.append(contentsOf: line)
                    if copies > 1 { Self.appendRepeats(of: line, count: copies - 1, to: &buffer) }
                    repeats += copies - 1
                    let decision = TagDecision(persona: example.persona, traits: example.traits, claim: .existing)
                    for _ in 0..<copies { written.add(decision, mask: mask) }
                }
                if buffer.count >= 4 << 20 {
                    try data.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try data.write(buffer)
        try data.close()
        guard seen.masks == counts.masks else {
            throw .input(file: options.inputs.joined(separator: ", "), line: nil,
                         problem: "the inputs changed between the two passes of the mix (the counts differ); nothing was written")
        }
        let manifest = MixManifest(rules: rules, targets: targets, options: options, inputs: inputs, plan: plan, written: written,
                                   repeats: repeats, seconds: Date().timeIntervalSince(started), folder: folder.destination.path)
        let curriculum = CurriculumFile.yaml(phases: targets.curriculum, counts: written.personas, allPersonas: targets.personas,
                                             data: "data.jsonl", seed: options.seed)
        do {
            try folder.write(try DatasetTagPipeline.encoder.encode(manifest), to: "manifest.json")
        } catch let error as DatasetError { throw error } catch {
            throw .output(path: folder.destination.path, message: "cannot write manifest.json: \(error)")
        }
        try folder.write(Data(curriculum.utf8), to: "curriculum.yaml")
        try folder.commit()
        return manifest
    }

    /// Appends `count` more copies of `line` (a JSON object and its newline), each marked
    /// `"_repeat": k` (1, 2, …) so a trainer can tell repeats from originals.
    static func appendRepeats(of line: ArraySlice<UInt8>, count: Int, to out: inout [UInt8]) {
        guard let close = line.lastIndex(of: 0x7D) else { return }
        for k in 1...count {
            out.append(contentsOf: line[line.startIndex..<close])
            out.append(contentsOf: Array(",\"_repeat\":\(k)}\n".utf8))
        }
    }

    struct GroupKey: Hashable {
        var persona: String
        var mask: UInt32
    }
}
