#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 CSV reader over bytes: one record at a time, constant memory.
///
/// - Fields are separated by `,`; records end with LF, CRLF or a lone CR; a UTF-8 byte order
///   mark at the start is skipped; blank lines are skipped.
/// - A field that starts with `"` is quoted: it may contain commas, line breaks and `""` (one
///   quote). A quote inside an unquoted field, text after a closing quote, or a quote never
///   closed is an ``ImportError/malformedCSV(file:line:reason:)`` naming the line.
/// - Fields are raw bytes (UTF-8 is checked by the importer, per column).
/// - ``recordLine`` is the 1-based physical line where the current record starts (quoted line
///   breaks count), so messages point at the line an editor shows.
///
/// The file is read in 1 MiB chunks with `read(2)`; field bytes are copied once into a reused
/// buffer. The reader is a noncopyable struct: it owns its file descriptor and buffers (freed
/// in `deinit`), and its state is checked for exclusive access at compile time, not per byte.
struct CSVReader: ~Copyable {
    /// The file name used in errors.
    let file: String
    /// The file's size in bytes (for progress).
    let totalBytes: Int
    /// Bytes read from the file so far (whole chunks).
    private(set) var bytesRead = 0
    /// Bytes parsed so far (for progress): the records returned up to now.
    var bytesConsumed: Int { bytesRead - (limit - position) }
    /// The line where the current record starts.
    private(set) var recordLine = 0

    private let descriptor: Int32
    private let chunk: UnsafeMutablePointer<UInt8>
    private let chunkCapacity = 1 << 20
    private var position = 0
    private var limit = 0
    private var atEndOfFile = false
    private var isFirstChunk = true

    /// Where the current record's fields are: in the chunk itself for a plain record (no
    /// quotes, not across a chunk boundary: the fast path), else in `data`, copied there.
    private var base: UnsafePointer<UInt8>
    /// Field bytes of a record read by the general path, back to back.
    private var data: UnsafeMutablePointer<UInt8>
    private var dataCapacity = 4096
    private var dataCount = 0
    /// 1 when fields are in the chunk (a comma separates them), 0 when copied to `data`.
    private var separatorWidth = 0
    /// Where each field of the current record ends, relative to `base`.
    private var ends: UnsafeMutablePointer<Int>
    private var endsCapacity = 64
    private var endsCount = 0
    /// The line the next byte is on.
    private var line = 1
    /// A CR just ended a record: a LF right after it belongs to the same line break.
    private var swallowLineFeed = false

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    init(path: String, file: String) throws(ImportError) {
        self.file = file
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .cannotRead(file: file, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .cannotRead(file: file, reason: "not a regular file")
        }
        self.descriptor = descriptor
        totalBytes = Int(info.st_size)
        chunk = .allocate(capacity: chunkCapacity)
        data = .allocate(capacity: dataCapacity)
        ends = .allocate(capacity: endsCapacity)
        base = UnsafePointer(data)
    }

    deinit {
        close(descriptor)
        chunk.deallocate()
        data.deallocate()
        ends.deallocate()
    }

    /// The number of fields in the current record.
    var fieldCount: Int { endsCount }

    /// Field `index` of the current record; valid until the next ``nextRecord()``.
    @inline(__always) borrowing func field(_ index: Int) -> UnsafeRawBufferPointer {
        let start = index == 0 ? 0 : ends[index - 1] + separatorWidth
        return UnsafeRawBufferPointer(start: base + start, count: ends[index] - start)
    }

    /// Reads the next record: true if there is one, false at the end of the file.
    mutating func nextRecord() throws(ImportError) -> Bool {
        endsCount = 0
        // Skip the line breaks before the record: blank lines, the LF of a CRLF.
        while true {
            if position == limit, try !refill() { return false }
            let byte = chunk[position]
            if swallowLineFeed {
                swallowLineFeed = false
                if byte == lf { position += 1; continue }
            }
            guard byte == lf || byte == cr else { break }
            position += 1
            line += 1
            swallowLineFeed = byte == cr
        }
        recordLine = line
        if readPlainRecord() { return true }
        return try readRecord()
    }

    /// The fast path: a record without quotes whose line break is in the current chunk. Its
    /// fields are left in place (no copy). False, with nothing consumed, for any other record.
    @inline(__always) private mutating func readPlainRecord() -> Bool {
        let bytes = chunk, end = limit, start = position
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte <= comma {  // ',', '"', LF and CR are all at or below ','
                if byte == comma {
                    addEnd(index - start)
                } else if byte == lf || byte == cr {
                    addEnd(index - start)
                    base = UnsafePointer(bytes + start)
                    separatorWidth = 1
                    position = index + 1
                    line += 1
                    swallowLineFeed = byte == cr
                    return true
                } else if byte == quote {
                    break
                }
            }
            index += 1
        }
        endsCount = 0
        return false
    }

    @inline(__always) private mutating func addEnd(_ end: Int) {
        if endsCount == endsCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
            grown.update(from: ends, count: endsCount)
            ends.deallocate()
            ends = grown
            endsCapacity *= 2
        }
        ends[endsCount] = end
        endsCount += 1
    }

    /// The general path (quotes, records across chunks, a last record without a line break):
    /// a state machine copying field bytes into `data`.
    private mutating func readRecord() throws(ImportError) -> Bool {
        dataCount = 0
        var state = State.fieldStart
        var quoteLine = 0
        defer {
            base = UnsafePointer(data)
            separatorWidth = 0
        }
        while true {
            if position == limit, try !refill() { break }
            let byte = chunk[position]
            switch state {
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                    quoteLine = line
                    position += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                let stop = scan(from: position) { $0 == comma || $0 == lf || $0 == cr || $0 == quote }
                append(chunk + position, stop - position)
                position = stop
                if stop == limit { continue }
                position += 1
                switch chunk[stop] {
                case comma:
                    addEnd(dataCount)
                    state = .fieldStart
                case quote:
                    throw .malformedCSV(file: file, line: line,
                                        reason: "a quote inside an unquoted field (quote the whole field and double inner quotes)")
                default:
                    return endRecord(lineBreak: chunk[stop])
                }
            case .quoted:
                let stop = scan(from: position) { $0 == quote }
                for index in position..<stop where chunk[index] == lf { line += 1 }
                append(chunk + position, stop - position)
                position = stop
                if stop == limit { continue }
                position += 1
                state = .afterQuote
            case .afterQuote:
                position += 1
                switch byte {
                case quote:
                    append(chunk + position - 1, 1)
                    state = .quoted
                case comma:
                    addEnd(dataCount)
                    state = .fieldStart
                case lf, cr:
                    return endRecord(lineBreak: byte)
                default:
                    throw .malformedCSV(file: file, line: line, reason: "text after the closing quote of a field")
                }
            }
        }
        // End of file: the record ends without a line break.
        if state == .quoted {
            throw .malformedCSV(file: file, line: quoteLine, reason: "a quoted field is never closed")
        }
        addEnd(dataCount)
        return true
    }

    private mutating func endRecord(lineBreak: UInt8) -> Bool {
        addEnd(dataCount)
        line += 1
        swallowLineFeed = lineBreak == cr
        return true
    }

    /// The first index in `start..<limit` whose byte matches `isStop`, or `limit`.
    @inline(__always) private borrowing func scan(from start: Int, _ isStop: (UInt8) -> Bool) -> Int {
        let bytes = chunk, end = limit
        var index = start
        while index < end, !isStop(bytes[index]) { index += 1 }
        return index
    }

    @inline(__always) private mutating func append(_ source: UnsafePointer<UInt8>, _ count: Int) {
        guard count > 0 else { return }
        if dataCount + count > dataCapacity {
            var capacity = dataCapacity * 2
            while capacity < dataCount + count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: data, count: dataCount)
            data.deallocate()
            data = grown
            dataCapacity = capacity
        }
        (data + dataCount).update(from: source, count: count)
        dataCount += count
    }

    /// Reads the next chunk; false at the end of the file.
    private mutating func refill() throws(ImportError) -> Bool {
        if atEndOfFile { return false }
        var count: Int
        repeat {
            count = read(descriptor, chunk, chunkCapacity)
        } while count < 0 && errno == EINTR
        if count < 0 {
            throw .cannotRead(file: file, reason: String(cString: strerror(errno)))
        }
        if count == 0 {
            atEndOfFile = true
            return false
        }
        position = 0
        limit = count
        bytesRead += count
        if isFirstChunk {
            isFirstChunk = false
            if count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { position = 3 }
            if position == limit { return try refill() }
        }
        return true
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
