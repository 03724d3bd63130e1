import Foundation
import Builtins

/// Builds the EXIF the date tests read: a TIFF block (either byte order) with an IFD0 and an
/// optional Exif IFD of ASCII values, and the JPEG APP1 segment or PNG `eXIf` chunk that carries
/// it. `entries` says where each tag's 12-byte entry starts, so a test can damage it.
public struct ExifTestTIFF {
    public var bytes: [UInt8] = []
    /// Offset of each tag's entry in `bytes` (the Exif pointer is 0x8769).
    public var entries: [UInt16: Int] = [:]
    public let littleEndian: Bool

    public init(littleEndian: Bool = true, ifd0: [(UInt16, String)], exif: [(UInt16, String)]? = nil) {
        self.littleEndian = littleEndian
        let ifd0Count = ifd0.count + (exif == nil ? 0 : 1)
        let exifOffset = 8 + 2 + 12 * ifd0Count + 4
        var dataOffset = exifOffset + (exif.map { 2 + 12 * $0.count + 4 } ?? 0)
        var data: [UInt8] = []
        bytes = littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]
        put16(42)
        put32(8)
        func ifd(_ values: [(UInt16, String)], pointer: Int?) {
            put16(values.count + (pointer == nil ? 0 : 1))
            for (tag, text) in values {
                let value = Array(text.utf8) + [0]
                entries[tag] = bytes.count
                put16(Int(tag)); put16(2); put32(value.count)
                if value.count <= 4 {
                    bytes += value + [UInt8](repeating: 0, count: 4 - value.count)
                } else {
                    put32(dataOffset)
                    data += value
                    dataOffset += value.count
                }
            }
            if let pointer {
                entries[0x8769] = bytes.count
                put16(0x8769); put16(4); put32(1); put32(pointer)
            }
            put32(0)  // no next IFD
        }
        ifd(ifd0, pointer: exif == nil ? nil : exifOffset)
        if let exif { ifd(exif, pointer: nil) }
        bytes += data
    }

    public mutating func put16(_ value: Int) {
        let b = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
        bytes += littleEndian ? b : b.reversed()
    }

    public mutating func put32(_ value: Int) {
        let b = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
        bytes += littleEndian ? b : b.reversed()
    }

    /// Overwrites the 32-bit field at `offset` (a count at entry + 4, a value or pointer at entry + 8).
    public mutating func set32(at offset: Int, _ value: Int) {
        let b = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF)]
        bytes.replaceSubrange(offset..<(offset + 4), with: littleEndian ? b : b.reversed())
    }

    /// The APP1 segment carrying `tiff` (its length field as given, else the true one).
    public static func app1(_ tiff: [UInt8], declaredLength: Int? = nil) -> [UInt8] {
        let length = declaredLength ?? 2 + 6 + tiff.count
        return [0xFF, 0xE1, UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + Array("Exif".utf8) + [0, 0] + tiff
    }

    /// `jpeg` with `segment` spliced in right after SOI.
    public static func splice(_ segment: [UInt8], into jpeg: [UInt8]) -> [UInt8] {
        Array(jpeg.prefix(2)) + segment + jpeg.dropFirst(2)
    }

    /// `png` with a chunk of `type` and `data` (CRC computed) inserted before its first IDAT.
    public static func insertChunk(_ type: String, _ data: [UInt8], into png: [UInt8]) -> [UInt8] {
        var position = 8
        while position + 8 <= png.count {
            let length = png[position..<(position + 4)].reduce(0) { $0 << 8 | Int($1) }
            if png[(position + 4)..<(position + 8)].elementsEqual("IDAT".utf8) { break }
            position += 12 + length
        }
        let body = Array(type.utf8) + data
        let n = data.count, crc = crc32(body)
        let chunk = [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + body
            + [UInt8(crc >> 24 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        return Array(png[..<position]) + chunk + png[position...]
    }

    /// CRC-32 (ISO-HDLC, as PNG uses it), bit by bit: the test's files are small.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
