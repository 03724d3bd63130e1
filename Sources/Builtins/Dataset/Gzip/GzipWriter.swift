import CZlib
import Foundation

/// Streams bytes through zlib's deflate into a file descriptor, in gzip format (RFC 1952), so
/// `dataset generate` (and the pipelines' `.gz` outputs) compress on the fly with flat memory.
///
/// Call ``write(_:)`` as often as needed, then ``finish()`` once: it flushes the last block and
/// the gzip trailer. The writer never closes the descriptor (its owner does). Not thread-safe:
/// one writer belongs to one task.
public final class GzipWriter {
    /// The zlib stream, at a fixed address (zlib keeps a pointer back to it).
    private let stream: UnsafeMutablePointer<z_stream>
    private let fileDescriptor: Int32
    /// Compressed bytes waiting to be written.
    private var chunk: [UInt8]
    private var finished = false
    /// Compressed bytes written to the descriptor so far.
    public private(set) var compressedBytes: Int64 = 0

    /// A writer to `fileDescriptor` at compression `level` (0–9; 6 is zlib's default balance).
    public init(fileDescriptor: Int32, level: Int32 = 6) throws(GzipError) {
        guard (0...9).contains(level) else { throw GzipError.invalidLevel(level) }
        self.fileDescriptor = fileDescriptor
        chunk = [UInt8](repeating: 0, count: 256 * 1024)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_deflate_init_gzip(stream, level)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipError.zlib(operation: "deflateInit2", code: status)
        }
    }

    /// A writer to an open `FileHandle` (which stays open).
    public convenience init(fileHandle: FileHandle, level: Int32 = 6) throws(GzipError) {
        try self.init(fileDescriptor: fileHandle.fileDescriptor, level: level)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes` and writes whatever output zlib has ready.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(GzipError) {
        guard !finished else { throw GzipError.finished }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        try pump(flush: Z_NO_FLUSH)
    }

    /// Compresses the bytes of `array` (see ``write(_:)``).
    public func write(_ array: [UInt8]) throws(GzipError) {
        let result = array.withUnsafeBytes { raw in Result { () throws(GzipError) in try write(raw) } }
        try result.get()
    }

    /// Flushes the last compressed block and the gzip trailer. Writing after it is an error;
    /// calling it twice does nothing.
    public func finish() throws(GzipError) {
        guard !finished else { return }
        try pump(flush: Z_FINISH)
        finished = true
    }

    /// Runs deflate until the input is consumed (or, with `Z_FINISH`, the stream ends),
    /// writing every full or final output chunk.
    private func pump(flush: Int32) throws(GzipError) {
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                return deflate(stream, flush)
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw GzipError.zlib(operation: "deflate", code: status)
            }
            let produced = chunk.count - Int(stream.pointee.avail_out)
            stream.pointee.next_out = nil
            if produced > 0 { try writeAll(produced) }
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.pointee.avail_in == 0 && produced < chunk.count {
                return
            }
        }
    }

    /// Writes the first `count` bytes of `chunk`, retrying short writes and interruptions.
    private func writeAll(_ count: Int) throws(GzipError) {
        var offset = 0
        while offset < count {
            let written = chunk.withUnsafeBytes { raw in
                Foundation.write(fileDescriptor, raw.baseAddress.map { $0 + offset }, count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw GzipError.write(errno: errno)
            }
            offset += written
        }
        compressedBytes += Int64(count)
    }
}

/// Why gzip output failed, for a person: zlib's own status or the system's write error.
public enum GzipError: UserFacingError, Sendable, Equatable {
    /// A compression level outside 0–9.
    case invalidLevel(Int32)
    /// zlib reported `code` from `operation`.
    case zlib(operation: String, code: Int32)
    /// Writing the compressed bytes failed with `errno`.
    case write(errno: Int32)
    /// `write` after `finish`.
    case finished

    public var description: String {
        switch self {
        case .invalidLevel(let level): "gzip: compression level must be 0 to 9, got \(level)"
        case .zlib(let operation, let code): "gzip: zlib \(operation) failed (\(Self.zlibName(code)))"
        case .write(let code): "gzip: cannot write the compressed output: \(String(cString: strerror(code)))"
        case .finished: "gzip: the stream is already finished"
        }
    }

    public var exitStatus: ExitStatus { .failure }

    private static func zlibName(_ code: Int32) -> String {
        switch code {
        case Z_STREAM_ERROR: "stream error"
        case Z_DATA_ERROR: "data error"
        case Z_MEM_ERROR: "out of memory"
        case Z_BUF_ERROR: "buffer error"
        case Z_VERSION_ERROR: "zlib version mismatch"
        default: "code \(code)"
        }
    }
}
