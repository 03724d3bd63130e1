import Builtins
import Foundation

/// Keeps one marked section of docs/BENCHMARKS.md up to date, leaving the rest of the file alone.
enum BenchmarksFile {
    /// What a new file starts with.
    static let header = """
        # Benchmarks

        The figures below come from `make bench` on the shared, noisy 2-core machine; each is a median of repeated runs.

        """

    /// Replaces the text between `start` and `end` in `file` with `section` (markers kept). A file
    /// without the markers gets the section appended; a missing file is created with the header.
    static func update(_ file: URL, section: String, start: String, end: String) throws {
        let block = "\(start)\n\(section)\n\(end)"
        let fm = FileManager.default
        guard fm.fileExists(atPath: file.path) else {
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (header + "\n" + block + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        let updated: String
        if let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex) {
            updated = text.replacingCharacters(in: open.lowerBound..<close.upperBound, with: block)
        } else {
            updated = text + (text.hasSuffix("\n") ? "\n" : "\n\n") + block + "\n"
        }
        try updated.write(to: file, atomically: true, encoding: .utf8)
    }
}
