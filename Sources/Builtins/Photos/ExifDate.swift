import Foundation

/// When a photo was taken, as its EXIF metadata says: the seed's quality rules avoid photos more
/// than two years old, and the pixels cannot tell.
///
/// Read from the bytes of a JPEG (the APP1 `Exif\0\0` segment, found by walking the markers from
/// SOI up to SOS) or a PNG (the `eXIf` chunk, raw TIFF). In the TIFF (either byte order) the first
/// of these that holds a valid date wins: `DateTimeOriginal` (0x9003, in the Exif IFD IFD0 points
/// to with 0x8769), `DateTimeDigitized` (0x9004, same IFD), `DateTime` (0x0132, IFD0). Each is
/// paired with its time zone tag (`OffsetTimeOriginal` 0x9011, `OffsetTimeDigitized` 0x9012,
/// `OffsetTime` 0x9010, "+02:00"); without one the date is read as UTC and ``hasTimeZone`` is false.
///
/// Metadata is untrusted input: every offset and count is bounds-checked, IFDs of more than
/// 1,000 entries are ignored and no IFD is read twice, so damaged, looping or absent EXIF is nil,
/// never a crash or a hang. So are blank and all-zero dates ("0000:00:00 00:00:00") and dates
/// that do not exist (month 13, 31 April). PNG chunk CRCs are not checked here (libpng checks them
/// when it decodes).
public struct ExifDate: Sendable, Codable, Equatable {
    /// The EXIF tag a date came from, by its EXIF name.
    public enum Tag: String, Sendable, Codable, CaseIterable {
        case dateTimeOriginal = "DateTimeOriginal"
        case dateTimeDigitized = "DateTimeDigitized"
        case dateTime = "DateTime"
    }

    /// The instant: the text read in `offset`'s time zone, or as UTC without one.
    public var date: Date
    /// The date as written, "YYYY:MM:DD HH:MM:SS".
    public var text: String
    /// Which tag it came from.
    public var tag: Tag
    /// The time zone the camera wrote with it ("+02:00"), nil when it wrote none.
    public var offset: String?

    /// Whether the photo said its time zone (else ``date`` assumed UTC).
    public var hasTimeZone: Bool { offset != nil }

    public init(date: Date, text: String, tag: Tag, offset: String?) {
        self.date = date
        self.text = text
        self.tag = tag
        self.offset = offset
    }

    /// The capture date in a JPEG's or PNG's bytes (told apart by their magic bytes); nil for
    /// other files and when there is no usable date.
    public static func read(from bytes: [UInt8]) -> ExifDate? {
        if bytes.starts(with: [0xFF, 0xD8]) { return jpegTIFF(bytes).flatMap { read(tiff: bytes[$0]) } }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return pngTIFF(bytes).flatMap { read(tiff: bytes[$0]) } }
        return nil
    }

    /// The capture date in raw TIFF-structured EXIF (what follows `Exif\0\0`, or a PNG `eXIf` chunk).
    public static func read(tiff: ArraySlice<UInt8>) -> ExifDate? {
        guard let reader = TIFFReader(tiff) else { return nil }
        var visited: Set<Int> = []
        guard let ifd0 = reader.entries(at: reader.firstIFD, visited: &visited) else { return nil }
        var exif: [Int: TIFFReader.Entry] = [:]
        if let pointer = ifd0[0x8769], let offset = reader.pointer(pointer) {
            exif = reader.entries(at: offset, visited: &visited) ?? [:]
        }
        let candidates: [(Tag, TIFFReader.Entry?, TIFFReader.Entry?)] = [
            (.dateTimeOriginal, exif[0x9003], exif[0x9011]),
            (.dateTimeDigitized, exif[0x9004], exif[0x9012]),
            (.dateTime, ifd0[0x0132], exif[0x9010] ?? ifd0[0x9010]),
        ]
        for (tag, entry, offsetEntry) in candidates {
            guard let entry, let text = reader.ascii(entry), let local = parse(text) else { continue }
            let offset = offsetEntry.flatMap { reader.ascii($0) }.flatMap(parseOffset)
            return ExifDate(date: Date(timeIntervalSince1970: Double(local - (offset?.seconds ?? 0))),
                            text: text, tag: tag, offset: offset?.text)
        }
        return nil
    }

    // MARK: - Containers

    /// The TIFF bytes of a JPEG's first APP1 `Exif\0\0` segment before SOS.
    static func jpegTIFF(_ bytes: [UInt8]) -> Range<Int>? {
        var position = 2
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            let marker = bytes[position + 1]
            if marker == 0xFF { position += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { position += 2; continue }  // no length
            if marker == 0xDA || marker == 0xD9 { return nil }  // SOS, EOI: no metadata after them
            let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            let start = position + 4, end = position + 2 + length
            guard length >= 2, end <= bytes.count else { return nil }
            if marker == 0xE1, end - start >= 6, bytes[start..<(start + 6)].elementsEqual([0x45, 0x78, 0x69, 0x66, 0, 0]) {
                return (start + 6)..<end
            }
            position = end
        }
        return nil
    }

    /// The data of a PNG's `eXIf` chunk (anywhere before IEND).
    static func pngTIFF(_ bytes: [UInt8]) -> Range<Int>? {
        var position = 8
        while position + 12 <= bytes.count {
            let length = Int(TIFFReader.bigEndian32(bytes, position))
            let start = position + 8
            guard length <= bytes.count - start - 4 else { return nil }
            let type = bytes[(position + 4)..<start]
            if type.elementsEqual("eXIf".utf8) { return start..<(start + length) }
            if type.elementsEqual("IEND".utf8) { return nil }
            position = start + length + 4
        }
        return nil
    }

    // MARK: - Dates

    /// Seconds since 1970 of "YYYY:MM:DD HH:MM:SS" read as UTC; nil for blank, zero or impossible dates.
    static func parse(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 19, b[4] == 0x3A, b[7] == 0x3A, b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in b[from..<(from + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// "+HH:MM" or "-HH:MM" (at most 14 hours) as seconds east of UTC.
    static func parseOffset(_ text: String) -> (text: String, seconds: Int)? {
        let b = Array(text.utf8)
        guard b.count == 6, b[0] == 0x2B || b[0] == 0x2D, b[3] == 0x3A,
              [1, 2, 4, 5].allSatisfy({ (0x30...0x39).contains(b[$0]) }) else { return nil }
        let hours = Int(b[1] - 0x30) * 10 + Int(b[2] - 0x30), minutes = Int(b[4] - 0x30) * 10 + Int(b[5] - 0x30)
        guard hours <= 14, minutes < 60 else { return nil }
        return (text, (b[0] == 0x2D ? -1 : 1) * (hours * 3_600 + minutes * 60))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
