import ArgumentParser
import Builtins
import Foundation

/// `persona-host dataset generate`: a deterministic synthetic JSONL file of instruction examples
/// (``ExampleGenerator``), so the dataset commands can be tried, tested and benchmarked with no
/// download. The file appears whole or not at all (a temporary file renamed into place); a name
/// ending in `.gz` is gzip-compressed on the fly. Memory stays flat: lines are flushed every MB.
struct DatasetGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write deterministic synthetic instruction examples (JSONL, .gz for gzip).",
        discussion: """
            Each line is {"id","source","instruction","input","output"} (about 5% with one more field, \
            meta or score). Half the lines come from the seed datasets plugins/dataset_personas/sources.lua \
            names, half from general collections (alpaca, dolly, oasst, code_alpaca, gsm8k, squad, \
            writing_prompts, esoteric_qa) that its rules must place. The same --seed gives the same bytes.
            """)

    @Option(help: "How many examples (lines).") var rows: Int
    @Option(help: ArgumentHelp("The file to write; a name ending in .gz is gzip-compressed.", valueName: "file")) var out: String
    @Option(help: "Random seed: the same seed gives the same file.") var seed: UInt64 = 42
    @Flag(help: "Replace an existing file.") var force = false
    @Flag(help: "Print what was written as JSON on stdout.") var json = false

    /// Lines are handed to the file (or gzip) whenever this many bytes are buffered.
    static let flushBytes = 1 << 20

    func validate() throws {
        guard rows >= 1 else { throw ValidationError("--rows must be 1 or more, got \(rows)") }
    }

    /// What `--json` prints.
    struct Report: Encodable {
        var rows: Int
        /// JSONL bytes generated (before compression).
        var bytes: Int64
        /// The file's size on disk (compressed for .gz).
        var fileBytes: Int64
        var path: String
        var seed: UInt64
        var gzip: Bool
    }

    func run() throws {
        let url = URL(fileURLWithPath: out)
        try checkDestination(url)
        let file: AtomicFile
        do { file = try AtomicFile(destination: url) } catch { throw CLIFailure(status: .failure, message: error.description) }
        file.removesOnInterrupt()
        let compress = url.pathExtension.lowercased() == "gz"
        let report: Report
        do {
            report = try write(to: file, compress: compress)
            try file.commit()
        } catch let error as any UserFacingError {
            file.discard()
            throw CLIFailure(status: .failure, message: error.description)
        }
        if json {
            try Output.json(report)
        } else {
            let size = compress ? "\(megabytes(report.bytes)) MB, \(megabytes(report.fileBytes)) MB gzipped" : "\(megabytes(report.bytes)) MB"
            Output.lines(["wrote \(rows) examples (\(size)) to \(out)"])
        }
    }

    /// Refuses (exit 2) an existing file without `--force`, a missing folder, a folder.
    private func checkDestination(_ url: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw CLIFailure(status: .usage, message: "\(out) is a folder; --out names the file to write") }
            if !force { throw CLIFailure(status: .usage, message: "\(out) already exists; nothing was written (use --force to replace it)") }
        }
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIFailure(status: .usage, message: "\(out): the folder \(parent) does not exist; nothing was written")
        }
    }

    /// Generates `rows` lines into `file`, through gzip when `compress`.
    private func write(to file: AtomicFile, compress: Bool) throws -> Report {
        let gzip = compress ? try GzipWriter(fileDescriptor: file.fileDescriptor) : nil
        var generator = ExampleGenerator(seed: seed)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.flushBytes + 64 * 1024)
        var total: Int64 = 0
        func flush() throws {
            total += Int64(buffer.count)
            try buffer.withUnsafeBytes { raw in
                if let gzip { try gzip.write(raw) } else { try file.write(raw) }
            }
            buffer.removeAll(keepingCapacity: true)
        }
        for _ in 0..<rows {
            generator.appendLine(to: &buffer)
            if buffer.count >= Self.flushBytes { try flush() }
        }
        try flush()
        try gzip?.finish()
        return Report(rows: rows, bytes: total, fileBytes: gzip?.compressedBytes ?? total, path: out, seed: seed, gzip: compress)
    }

    private func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }
}
