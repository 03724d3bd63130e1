import Foundation

/// Splits a batch of whole lines into one part per worker (at line ends, so no line is cut) and
/// runs a body over the parts at once. Results come back in part order, so whatever the body
/// computes, the output and the counts are the same on every run and any number of cores.
public enum LineParts {
    /// Byte ranges of about equal size, each ending at a line end (the last at the batch's end).
    public static func ranges(of bytes: UnsafeBufferPointer<UInt8>, parts: Int) -> [Range<Int>] {
        guard parts > 1, bytes.count > 0 else { return [0..<bytes.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        for k in 1..<parts {
            var cut = max(start, bytes.count * k / parts)
            while cut < bytes.count, bytes[cut] != 0x0A { cut += 1 }
            if cut < bytes.count { cut += 1 }
            if cut > start { ranges.append(start..<cut) }
            start = cut
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// Runs `body(worker, part, firstLine)` for every part, in parallel; `firstLine` is the
    /// file's line number of the part's first line. Worker `i` runs part `i` only, so a body
    /// may use state owned by its worker index.
    public static func run<R>(_ bytes: [UInt8], firstLine: Int, workers: Int,
                              _ body: (Int, UnsafeBufferPointer<UInt8>, Int) -> R) -> [R] {
        bytes.withUnsafeBufferPointer { buffer in
            let parts = ranges(of: buffer, parts: max(1, workers))
            var firstLines: [Int] = []
            var line = firstLine
            for range in parts {
                firstLines.append(line)
                line += newlines(in: UnsafeBufferPointer(rebasing: buffer[range]))
            }
            if parts.count == 1 { return [body(0, buffer, firstLine)] }
            // Each iteration writes only its own slot.
            let slots = UnsafeMutablePointer<R?>.allocate(capacity: parts.count)
            slots.initialize(repeating: nil, count: parts.count)
            defer { slots.deinitialize(count: parts.count); slots.deallocate() }
            ParallelChunks.forEachIndex(parts.count) { i in
                slots[i] = body(i, UnsafeBufferPointer(rebasing: buffer[parts[i]]), firstLines[i])
            }
            return (0..<parts.count).map { slots[$0]! }
        }
    }

    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var offset = 0
        while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
            count += 1
            offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
        }
        return count
    }
}

/// The lines of a part, with their numbers; whitespace-only lines are counted and skipped.
public struct LineWalker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var number: Int
    /// Whitespace-only lines passed so far.
    public private(set) var blank = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        self.bytes = bytes
        self.number = firstLine
    }

    /// The next non-blank line (without its `\n`), its number and its range in the part.
    public mutating func next() -> (line: UnsafeBufferPointer<UInt8>, number: Int, range: Range<Int>)? {
        while position < bytes.count {
            let start = position
            var end = bytes.count
            if let base = bytes.baseAddress, let hit = memchr(base + start, 0x0A, bytes.count - start) {
                end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
            position = end + 1
            let lineNumber = number
            number += 1
            var blankLine = true
            for i in start..<end where !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D) { blankLine = false; break }
            if blankLine { blank += 1; continue }
            return (UnsafeBufferPointer(rebasing: bytes[start..<end]), lineNumber, start..<end)
        }
        return nil
    }
}
