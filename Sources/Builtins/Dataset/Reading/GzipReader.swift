import CZlib

/// Inflates a gzip stream (one or more concatenated members, as `gzip -c a b` writes) from a
/// byte source, a block at a time, so a compressed input is read with flat memory.
/// zlib keeps a pointer back to its `z_stream`, so the stream lives at a fixed address.
public final class GzipReader {
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8]
    private var inputUsed = 0
    private var inputCount = 0
    private var sourceDone = false
    private var finished = false
    private let readRaw: (inout [UInt8]) throws -> Int

    /// A reader over `readRaw`, which fills its buffer with the next compressed bytes and
    /// returns how many (0 at the end).
    public init(blockSize: Int = 1 << 20, readRaw: @escaping (inout [UInt8]) throws -> Int) throws(DatasetReadError) {
        input = [UInt8](repeating: 0, count: blockSize)
        self.readRaw = readRaw
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            throw DatasetReadError(message: "zlib could not start inflating")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates into `buffer[offset...]`; returns how many bytes were written (0 at the end).
    public func read(into buffer: inout [UInt8], offset: Int) throws -> Int {
        if finished { return 0 }
        let room = buffer.count - offset
        var produced = 0
        while produced == 0 {
            if inputUsed == inputCount && !sourceDone {
                inputCount = try readRaw(&input)
                inputUsed = 0
                if inputCount == 0 { sourceDone = true }
            }
            if inputUsed == inputCount && sourceDone {
                if stream.pointee.total_in == 0 && stream.pointee.total_out == 0 { finished = true; return 0 }
                // A member was started but never ended: the file is cut short.
                if !betweenMembers { throw DatasetReadError(message: "the gzip data ends early (the file is truncated)") }
                finished = true
                return 0
            }
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                buffer.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_in = inBuffer.baseAddress! + inputUsed
                    stream.pointee.avail_in = UInt32(inputCount - inputUsed)
                    stream.pointee.next_out = outBuffer.baseAddress! + offset + produced
                    stream.pointee.avail_out = UInt32(room - produced)
                    let status = inflate(stream, Z_NO_FLUSH)
                    inputUsed = inputCount - Int(stream.pointee.avail_in)
                    produced = room - Int(stream.pointee.avail_out)
                    return status
                }
            }
            betweenMembers = false
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                // Another member may follow (concatenated gzip files).
                inflateReset(stream)
                betweenMembers = true
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                throw DatasetReadError(message: "the gzip data is damaged (\(detail))")
            }
            if produced == room { break }
        }
        return produced
    }

    private var betweenMembers = false
}
