import Builtins
import Foundation
import Plugins

/// One streaming pass over dataset files: batches of lines read in order, each batch split
/// between the workers (each with its own ``ExampleTagger``), results handed back in input
/// order. Memory holds a batch or two, whatever the file's size.
///
/// Malformed lines are counted against `maxErrors` over the whole pass: within it they are
/// skipped and listed, beyond it the pass stops with the line that went over.
final class DatasetPass {
    /// What each example is for.
    enum Mode {
        /// Tag by the rules and write the tagged line.
        case tag(prefix: Bool)
        /// Count; examples already tagged keep their tags unless `retag`.
        case count(retag: Bool)
        /// Count and keep each tagged line (for the mixer to write).
        case select(retag: Bool, prefix: Bool)
    }

    /// A malformed line.
    struct Problem: Sendable {
        var file: String
        var line: Int
        var problem: LineProblem
    }

    /// What one part of a batch gives back.
    struct PartResult {
        var counts = DatasetCounts()
        /// Tagged lines (`.tag`, `.select`).
        var output: [UInt8] = []
        /// `.select`: each example's persona, traits and its bytes in `output` (with its newline).
        var examples: [(persona: String, traits: [String], bytes: Range<Int>)] = []
        var problems: [(line: Int, problem: LineProblem)] = []
        var fatal: DatasetError?
    }

    let taggers: [ExampleTagger]
    let mode: Mode
    /// Trait → its bit in a mix's trait mask; when set, examples are counted by mask too.
    var maskBits: [String: UInt32]?
    let maxErrors: Int
    let batchSize: Int
    /// Malformed lines skipped so far (kept up to a limit for the report).
    private(set) var problems: [Problem] = []
    private(set) var problemCount = 0
    static let problemsKept = 100

    init(taggers: [ExampleTagger], mode: Mode, maxErrors: Int, batchSize: Int = 4 << 20) {
        self.taggers = taggers
        self.mode = mode
        self.maxErrors = maxErrors
        self.batchSize = batchSize
    }

    /// The source name of a file: its name without `.gz`, `.jsonl`, `.json`.
    static func sourceName(ofFile path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".gz", ".jsonl", ".json"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name
    }

    /// Streams `path`, calling `consume` with each part's result in input order.
    func run(_ path: String, onRawBytes: ((UnsafeRawBufferPointer) -> Void)? = nil,
             consume: (PartResult) throws(DatasetError) -> Void) throws(DatasetError) {
        let reader: LineBatchReader
        do { reader = try LineBatchReader(path: path, batchSize: batchSize, onRawBytes: onRawBytes) } catch {
            throw .input(file: path, line: nil, problem: error.message)
        }
        let source = Self.sourceName(ofFile: path)
        while true {
            let batch: LineBatchReader.Batch?
            do { batch = try reader.next() } catch { throw .input(file: path, line: nil, problem: error.message) }
            guard let batch else { return }
            let results = LineParts.run(batch.bytes, firstLine: batch.firstLine, workers: taggers.count) { worker, part, firstLine in
                self.process(part, firstLine: firstLine, tagger: self.taggers[worker], file: path, source: source)
            }
            for result in results {
                for (line, problem) in result.problems {
                    problemCount += 1
                    if problemCount > maxErrors {
                        let limit = maxErrors == 0 ? "" : " (the \(problemCount)th malformed line; --max-errors \(maxErrors))"
                        throw .input(file: path, line: line, problem: "\(problem)\(limit)")
                    }
                    if problems.count < Self.problemsKept { problems.append(Problem(file: path, line: line, problem: problem)) }
                }
                if let fatal = result.fatal { throw fatal }
                try consume(result)
            }
        }
    }

    /// The trait mask of `traits` (traits without a bit are ignored).
    static func mask(_ traits: [String], _ bits: [String: UInt32]) -> UInt32 {
        var mask: UInt32 = 0
        for trait in traits { if let bit = bits[trait] { mask |= bit } }
        return mask
    }

    /// Tags the lines of one part.
    private func process(_ part: UnsafeBufferPointer<UInt8>, firstLine: Int, tagger: ExampleTagger, file: String, source: String) -> PartResult {
        var result = PartResult()
        var walker = LineWalker(part, firstLine: firstLine)
        if case .tag = mode { result.output.reserveCapacity(part.count + part.count / 8) }
        while let (line, number, _) = walker.next() {
            let scanned: ExampleLine
            do { scanned = try tagger.scanner.scan(line) } catch {
                result.problems.append((number, error))
                result.counts.skipped += 1
                continue
            }
            if let problem = tagger.checkFields(scanned) {
                result.problems.append((number, problem))
                result.counts.skipped += 1
                continue
            }
            var decision: TagDecision
            var retag = true
            switch mode {
            case .tag: retag = true
            case .count(let r), .select(let r, _): retag = r
            }
            if !retag, let persona = scanned.strings["_persona"] {
                decision = TagDecision(persona: persona, traits: (scanned.traits ?? []).sorted(), claim: .existing)
            } else {
                do {
                    decision = try tagger.tag(scanned, source: tagger.sourceName(of: scanned, fileSource: source), file: file, lineNumber: number)
                } catch {
                    result.fatal = error
                    break
                }
            }
            if let maskBits {
                result.counts.add(decision, mask: Self.mask(decision.traits, maskBits))
            } else {
                result.counts.add(decision)
            }
            switch mode {
            case .tag(let prefix):
                TaggedLineWriter.append(line, scanned: scanned, decision: decision, prefix: prefix, to: &result.output)
            case .count:
                break
            case .select(_, let prefix):
                let start = result.output.count
                if decision.claim == .existing && scanned.field("_repeat") == nil {
                    result.output.append(contentsOf: line)
                    result.output.append(0x0A)
                } else {
                    TaggedLineWriter.append(line, scanned: scanned, decision: decision, prefix: prefix, to: &result.output)
                }
                result.examples.append((decision.persona, decision.traits, start..<result.output.count))
            }
        }
        result.counts.blank += walker.blank
        return result
    }
}
