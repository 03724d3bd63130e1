import Foundation

/// Reads a JSONL file (plain, or gzip when it starts with gzip's magic bytes) as batches of
/// whole lines, so the pipelines stream a file of any size in flat memory.
///
/// Each batch holds about `batchSize` bytes of complete lines (a longer line makes a longer
/// batch, up to ``maximumLineLength``) and knows the number of its first line. A last line
/// without a newline is still a line.
public final class LineBatchReader {
    /// One batch: complete lines, each ending in `\n` except perhaps the file's last.
    public struct Batch: Sendable {
        public var bytes: [UInt8]
        /// The 1-based number of the batch's first line in the file.
        public var firstLine: Int
    }

    /// Lines longer than this are refused (an unsplit file, or not JSONL at all).
    public static let maximumLineLength = 64 << 20

    private let handle: FileHandle
    private var gzip: GzipReader?
    private let batchSize: Int
    private var carry: [UInt8] = []
    /// What one read from the file (or the inflater) fills.
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    private var nextLine = 1
    private var ended = false
    /// Raw bytes read from disk so far (compressed bytes for gzip).
    public private(set) var rawBytesRead = 0
    /// Called with every block of raw bytes as read from disk (for a checksum of the file).
    private let onRawBytes: ((UnsafeRawBufferPointer) -> Void)?

    /// Whether the file is gzip-compressed.
    public let isCompressed: Bool

    /// Opens `path`; gzip is recognised by its magic bytes, whatever the file's name.
    public init(path: String, batchSize: Int = 4 << 20, onRawBytes: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(DatasetReadError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw DatasetReadError(message: "is a folder, not a JSONL file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw DatasetReadError(message: isDirectory.boolValue ? "is a folder, not a JSONL file" : "cannot be read (permission denied?)")
            }
            throw DatasetReadError(message: "does not exist")
        }
        self.handle = handle
        self.batchSize = batchSize
        self.onRawBytes = onRawBytes
        let magic: Data
        do { magic = try handle.read(upToCount: 2) ?? Data() } catch { throw DatasetReadError(message: "cannot be read: \(error.localizedDescription)") }
        isCompressed = magic.count == 2 && magic[magic.startIndex] == 0x1F && magic[magic.startIndex + 1] == 0x8B
        do { try handle.seek(toOffset: 0) } catch { throw DatasetReadError(message: "cannot be read: \(error.localizedDescription)") }
        if isCompressed {
            let reader: (inout [UInt8]) throws -> Int = { [handle, onRawBytes] buffer in
                let count = try Self.readRaw(handle, into: &buffer)
                if let onRawBytes { buffer.withUnsafeBytes { onRawBytes(UnsafeRawBufferPointer(rebasing: $0[0..<count])) } }
                return count
            }
            gzip = try GzipReader(readRaw: reader)
        }
    }

    deinit { try? handle.close() }

    /// The next batch, or nil at the end of the file.
    public func next() throws(DatasetReadError) -> Batch? {
        if ended && carry.isEmpty { return nil }
        var bytes = carry
        carry = []
        bytes.reserveCapacity(batchSize + chunk.count)
        // Fill to the batch size, then up to the last newline; past it, the rest waits.
        while !ended {
            let got: Int
            do { got = try fill(&chunk, offset: 0) } catch let error as DatasetReadError { throw error } catch {
                throw DatasetReadError(message: "cannot be read: \(error.localizedDescription)")
            }
            if got == 0 { ended = true; break }
            let hasNewline = chunk.withUnsafeBufferPointer { read in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: read[0..<got]))
                return memchr(read.baseAddress!, 0x0A, got) != nil
            }
            if bytes.count >= batchSize, hasNewline { break }
            if bytes.count > Self.maximumLineLength, Self.newlines(in: bytes) == 0 {
                throw DatasetReadError(message: "line \(nextLine) is longer than \(Self.maximumLineLength >> 20) MiB: is this a JSONL file (one example per line)?")
            }
        }
        if !ended, let lastNewline = bytes.lastIndex(of: 0x0A) {
            carry = Array(bytes[(lastNewline + 1)...])
            bytes.removeSubrange((lastNewline + 1)...)
        }
        if bytes.isEmpty { return nil }
        let batch = Batch(bytes: bytes, firstLine: nextLine)
        nextLine += Self.newlines(in: bytes) + (bytes.last == 0x0A ? 0 : 1)
        return batch
    }

    private func fill(_ buffer: inout [UInt8], offset: Int) throws -> Int {
        if gzip != nil { return try gzip!.read(into: &buffer, offset: offset) }
        let count = try buffer.withUnsafeMutableBytes { raw in
            try Self.readRaw(handle, into: UnsafeMutableRawBufferPointer(rebasing: raw[offset...]))
        }
        rawBytesRead += count
        if let onRawBytes { buffer.withUnsafeBytes { onRawBytes(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)])) } }
        return count
    }

    private static func readRaw(_ handle: FileHandle, into buffer: inout [UInt8]) throws -> Int {
        try buffer.withUnsafeMutableBytes { try readRaw(handle, into: $0) }
    }

    /// Reads as many bytes as fit (fewer only at the end of the file).
    private static func readRaw(_ handle: FileHandle, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < buffer.count {
            let n = read(handle.fileDescriptor, buffer.baseAddress! + total, buffer.count - total)
            if n < 0 {
                if errno == EINTR { continue }
                throw DatasetReadError(message: "cannot be read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// The index of the last `\n` in `bytes`.
    static func lastNewline(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var i = buffer.count - 1
            while i >= 0 {
                if buffer[i] == 0x0A { return i }
                i -= 1
            }
            return nil
        }
    }

    /// How many `\n` bytes `bytes` holds.
    public static func newlines(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                count += 1
                offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            }
            return count
        }
    }
}
