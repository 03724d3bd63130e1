/// Reads the TIFF structure EXIF is stored in, for ``ExifDate``: the header (byte order and first
/// IFD), IFD entries, and ASCII values. Offsets count from the header's first byte; every one is
/// checked against the end of the data before it is read, in `Int` arithmetic that cannot overflow
/// (a count of 2³² − 1 is simply past the end).
struct TIFFReader {
    /// One 12-byte IFD entry: its type, value count, and where its value starts (inline in the
    /// entry's last four bytes when it fits there, else at the offset they hold).
    struct Entry {
        var type: Int
        var count: Int
        /// Offset of the entry's 4-byte value field, from the header.
        var field: Int
    }

    /// IFDs with more entries than this are taken as damage (real ones hold a few dozen).
    static let maximumEntries = 1_000
    /// ASCII values longer than this are not dates.
    static let maximumText = 64

    private let bytes: ArraySlice<UInt8>
    private let littleEndian: Bool
    /// Offset of IFD0.
    let firstIFD: Int

    var count: Int { bytes.count }

    /// Nil unless `tiff` starts with "II*\0" or "MM\0*" and a first IFD offset.
    init?(_ tiff: ArraySlice<UInt8>) {
        bytes = tiff
        guard tiff.count >= 8 else { return nil }
        let s = tiff.startIndex
        switch (tiff[s], tiff[s + 1]) {
        case (0x49, 0x49): littleEndian = true
        case (0x4D, 0x4D): littleEndian = false
        default: return nil
        }
        guard Self.u16(tiff, 2, littleEndian) == 42, let first = Self.u32(tiff, 4, littleEndian) else { return nil }
        firstIFD = first
    }

    /// The entries of the IFD at `offset`, by tag; nil when it lies outside the data, holds more than
    /// ``maximumEntries`` entries, or was read before (`visited`: a pointer loop).
    func entries(at offset: Int, visited: inout Set<Int>) -> [Int: Entry]? {
        guard offset >= 8, !visited.contains(offset), let n = u16(offset), n <= Self.maximumEntries,
              offset + 2 + 12 * n <= count else { return nil }
        visited.insert(offset)
        var result: [Int: Entry] = [:]
        for i in 0..<n {
            let at = offset + 2 + 12 * i
            guard let tag = u16(at), let type = u16(at + 2), let count = u32(at + 4) else { return nil }
            if result[tag] == nil { result[tag] = Entry(type: type, count: count, field: at + 8) }
        }
        return result
    }

    /// The IFD offset a pointer entry (type LONG or IFD, one value) holds.
    func pointer(_ entry: Entry) -> Int? {
        guard entry.type == 4 || entry.type == 13, entry.count == 1 else { return nil }
        return u32(entry.field)
    }

    /// The text of an ASCII entry (type 2), trailing NULs and spaces dropped; nil when it is not
    /// ASCII, too long, or runs past the end.
    func ascii(_ entry: Entry) -> String? {
        guard entry.type == 2, entry.count >= 1, entry.count <= Self.maximumText else { return nil }
        let start: Int
        if entry.count <= 4 { start = entry.field } else {
            guard let offset = u32(entry.field) else { return nil }
            start = offset
        }
        guard start >= 0, start <= count, entry.count <= count - start else { return nil }
        let from = bytes.startIndex + start
        var value = Array(bytes[from..<(from + entry.count)])
        while let last = value.last, last == 0 || last == 0x20 { value.removeLast() }
        guard value.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: - Numbers

    func u16(_ offset: Int) -> Int? { Self.u16(bytes, offset, littleEndian) }
    func u32(_ offset: Int) -> Int? { Self.u32(bytes, offset, littleEndian) }

    /// The 16-bit number at `offset` of `bytes` (counted from its start), nil past the end.
    static func u16(_ bytes: ArraySlice<UInt8>, _ offset: Int, _ littleEndian: Bool) -> Int? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        let a = Int(bytes[bytes.startIndex + offset]), b = Int(bytes[bytes.startIndex + offset + 1])
        return littleEndian ? a | b << 8 : a << 8 | b
    }

    static func u32(_ bytes: ArraySlice<UInt8>, _ offset: Int, _ littleEndian: Bool) -> Int? {
        guard let high = u16(bytes, littleEndian ? offset + 2 : offset, littleEndian),
              let low = u16(bytes, littleEndian ? offset : offset + 2, littleEndian) else { return nil }
        return high << 16 | low
    }

    /// A big-endian 32-bit number at `offset` of `bytes` (PNG chunk lengths); the caller checks the bounds.
    static func bigEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
