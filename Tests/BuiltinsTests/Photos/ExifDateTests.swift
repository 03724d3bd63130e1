import Foundation
import Testing
import TestSupport
@testable import Builtins

/// The capture date from EXIF: JPEG APP1 and PNG eXIf, both byte orders, the tag fallbacks, time
/// zones, and damaged metadata (nil, never a crash or a hang). The photos are the astronaut
/// portrait, encoded here, with EXIF built by ``ExifTestTIFF``.
@Suite struct ExifDateTests {
    static let original: (UInt16, String) = (0x9003, "2023:06:01 14:30:05")
    static let digitized: (UInt16, String) = (0x9004, "2023:06:02 08:00:00")
    static let dateTime: (UInt16, String) = (0x0132, "2024:01:15 09:10:11")
    static let camera: (UInt16, String) = (0x010F, "NASA")

    /// Seconds since 1970 of a UTC date, by Foundation's calendar (a check on ExifDate's own arithmetic).
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    func jpeg() throws -> [UInt8] { try PhotoFile.jpeg(try PhotoFile(path: PhotoMeasuresTests.fixture).image, quality: 85) }

    func dateInJPEG(_ tiff: ExifTestTIFF) throws -> ExifDate? {
        ExifDate.read(from: ExifTestTIFF.splice(ExifTestTIFF.app1(tiff.bytes), into: try jpeg()))
    }

    @Test(arguments: [true, false])
    func dateTimeOriginalInTheExifIFDInEitherByteOrder(_ littleEndian: Bool) throws {
        let tiff = ExifTestTIFF(littleEndian: littleEndian, ifd0: [Self.camera, Self.dateTime], exif: [Self.original, Self.digitized])
        let taken = try #require(try dateInJPEG(tiff))
        #expect(taken.tag == .dateTimeOriginal)
        #expect(taken.text == "2023:06:01 14:30:05")
        #expect(taken.date == Self.utc(2023, 6, 1, 14, 30, 5))
        #expect(taken.offset == nil && !taken.hasTimeZone)
    }

    @Test func digitizedThenIFD0DateTimeWhenTheOriginalIsMissing() throws {
        let digitized = try #require(try dateInJPEG(ExifTestTIFF(ifd0: [Self.dateTime], exif: [Self.digitized])))
        #expect(digitized.tag == .dateTimeDigitized && digitized.date == Self.utc(2023, 6, 2, 8, 0, 0))
        let onlyIFD0 = try #require(try dateInJPEG(ExifTestTIFF(littleEndian: false, ifd0: [Self.camera, Self.dateTime])))
        #expect(onlyIFD0.tag == .dateTime && onlyIFD0.text == "2024:01:15 09:10:11" && onlyIFD0.date == Self.utc(2024, 1, 15, 9, 10, 11))
    }

    @Test func theOffsetTimeGivesTheInstant() throws {
        let east = try #require(try dateInJPEG(ExifTestTIFF(ifd0: [], exif: [Self.original, (0x9011, "+02:00")])))
        #expect(east.offset == "+02:00" && east.hasTimeZone)
        #expect(east.date == Self.utc(2023, 6, 1, 12, 30, 5))
        let west = try #require(try dateInJPEG(ExifTestTIFF(littleEndian: false, ifd0: [], exif: [Self.original, (0x9011, "-05:30")])))
        #expect(west.date == Self.utc(2023, 6, 1, 20, 0, 5))
        // The digitized date's own offset, not the original's; a malformed offset is none (UTC).
        let digitized = try #require(try dateInJPEG(ExifTestTIFF(ifd0: [], exif: [Self.digitized, (0x9011, "+09:00"), (0x9012, "+01:00")])))
        #expect(digitized.offset == "+01:00" && digitized.date == Self.utc(2023, 6, 2, 7, 0, 0))
        let malformed = try #require(try dateInJPEG(ExifTestTIFF(ifd0: [], exif: [Self.original, (0x9011, "2 hours")])))
        #expect(malformed.offset == nil && malformed.date == Self.utc(2023, 6, 1, 14, 30, 5))
    }

    @Test func blankZeroAndImpossibleDatesAreNone() throws {
        for text in ["0000:00:00 00:00:00", "    :  :     :  :  ", "", "2023:02:29 10:00:00", "2023:13:01 10:00:00", "2023:06:01 24:00:00", "2023-06-01 14:30:05"] {
            #expect(try dateInJPEG(ExifTestTIFF(ifd0: [], exif: [(0x9003, text)])) == nil, "\(text)")
        }
        #expect(try dateInJPEG(ExifTestTIFF(ifd0: [(0x0132, "2024:02:29 23:59:59")]))?.date == Self.utc(2024, 2, 29, 23, 59, 59))
        // A zero original falls back to the next tag that has a date.
        #expect(try dateInJPEG(ExifTestTIFF(ifd0: [Self.dateTime], exif: [(0x9003, "0000:00:00 00:00:00")]))?.tag == .dateTime)
    }

    @Test func withoutEXIFThereIsNoDate() throws {
        let jpeg = try jpeg()
        #expect(ExifDate.read(from: jpeg) == nil)
        #expect(ExifDate.read(from: [UInt8](try Data(contentsOf: URL(fileURLWithPath: PhotoMeasuresTests.fixture)))) == nil)
        #expect(ExifDate.read(from: Array("not a photo".utf8)) == nil)
        #expect(ExifDate.read(from: []) == nil)
        #expect(try PhotoFile(path: PhotoMeasuresTests.fixture).taken == nil)
        // EXIF without any date tag; an APP1 that is XMP, not EXIF.
        #expect(try dateInJPEG(ExifTestTIFF(ifd0: [Self.camera], exif: [(0xA420, "0123456789abcdef")])) == nil)
        let xmp = [0xFF, 0xE1, 0x00, 0x12] + Array("http://ns.adobe".utf8) + [0]
        #expect(ExifDate.read(from: ExifTestTIFF.splice(xmp, into: jpeg)) == nil)
        // … but an EXIF APP1 after the XMP one is found.
        let both = ExifTestTIFF.splice(xmp + ExifTestTIFF.app1(ExifTestTIFF(ifd0: [Self.dateTime]).bytes), into: jpeg)
        #expect(ExifDate.read(from: both)?.tag == .dateTime)
    }

    @Test func anExifPointerPastTheEndOrBackToIFD0IsIgnored() throws {
        var past = ExifTestTIFF(ifd0: [Self.dateTime], exif: [Self.original])
        past.set32(at: past.entries[0x8769]! + 8, 100_000)
        #expect(try dateInJPEG(past)?.tag == .dateTime)
        var looping = ExifTestTIFF(littleEndian: false, ifd0: [Self.camera], exif: [Self.original])
        looping.set32(at: looping.entries[0x8769]! + 8, 8)  // the Exif IFD "is" IFD0
        #expect(try dateInJPEG(looping) == nil)
        var header = ExifTestTIFF(ifd0: [Self.dateTime])
        header.set32(at: 4, 0xFFFF_FFFF)  // IFD0 past the end
        #expect(try dateInJPEG(header) == nil)
    }

    @Test func countsAndOffsetsPastTheEndAreNone() throws {
        var huge = ExifTestTIFF(ifd0: [], exif: [Self.original])
        huge.set32(at: huge.entries[0x9003]! + 4, 0xFFFF_FFFF)
        #expect(try dateInJPEG(huge) == nil)
        var outside = ExifTestTIFF(littleEndian: false, ifd0: [], exif: [Self.original])
        outside.set32(at: outside.entries[0x9003]! + 8, 0xFFFF_FFF0)
        #expect(try dateInJPEG(outside) == nil)
        // An IFD claiming 65,535 entries.
        var entries = ExifTestTIFF(ifd0: [Self.dateTime])
        entries.bytes[8] = 0xFF; entries.bytes[9] = 0xFF
        #expect(try dateInJPEG(entries) == nil)
    }

    @Test func truncatedSegmentsAreNone() throws {
        let tiff = ExifTestTIFF(ifd0: [Self.dateTime], exif: [Self.original]).bytes
        let jpeg = try jpeg()
        // The segment holds only part of the TIFF (its length says so): the values are past its end.
        let half = Array(tiff.prefix(tiff.count / 2))
        #expect(ExifDate.read(from: ExifTestTIFF.splice(ExifTestTIFF.app1(half), into: jpeg)) == nil)
        // Cut inside the original's text (the last value): the IFD0 date, whole, is the one left.
        let cut = Array(tiff.prefix(tiff.count - 10))
        #expect(ExifDate.read(from: ExifTestTIFF.splice(ExifTestTIFF.app1(cut), into: jpeg))?.tag == .dateTime)
        // The segment's length runs past the end of the file.
        let segment = ExifTestTIFF.app1(tiff, declaredLength: 60_000)
        #expect(ExifDate.read(from: Array(jpeg.prefix(2)) + segment) == nil)
        // Every prefix of a file with EXIF, and every byte set to 0xFF in turn: no crash, no hang.
        let whole = ExifTestTIFF.splice(ExifTestTIFF.app1(tiff), into: Array(jpeg.prefix(64)))
        for length in 0...whole.count { _ = ExifDate.read(from: Array(whole.prefix(length))) }
        for index in whole.indices {
            var damaged = whole
            damaged[index] = 0xFF
            _ = ExifDate.read(from: damaged)
        }
    }

    @Test func aJPEGWithEXIFDecodesToTheSamePixels() throws {
        let plain = try jpeg()
        let tagged = ExifTestTIFF.splice(ExifTestTIFF.app1(ExifTestTIFF(ifd0: [Self.dateTime], exif: [Self.original, (0x9011, "+02:00")]).bytes), into: plain)
        let (plainPath, taggedPath) = (try temporaryFile(plain, "plain.jpg"), try temporaryFile(tagged, "exif.jpg"))
        defer { try? FileManager.default.removeItem(atPath: plainPath); try? FileManager.default.removeItem(atPath: taggedPath) }
        let photo = try PhotoFile(path: taggedPath)
        #expect(photo.image == (try PhotoFile(path: plainPath)).image)
        #expect(photo.taken?.tag == .dateTimeOriginal && photo.taken?.date == Self.utc(2023, 6, 1, 12, 30, 5))
    }

    @Test(arguments: [true, false])
    func aPNGWithAnEXIfChunk(_ littleEndian: Bool) throws {
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: PhotoMeasuresTests.fixture)))
        let tiff = ExifTestTIFF(littleEndian: littleEndian, ifd0: [Self.camera, Self.dateTime], exif: [Self.original])
        let path = try temporaryFile(ExifTestTIFF.insertChunk("eXIf", tiff.bytes, into: png), "exif.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let photo = try PhotoFile(path: path)
        #expect(photo.taken == ExifDate(date: Self.utc(2023, 6, 1, 14, 30, 5), text: "2023:06:01 14:30:05", tag: .dateTimeOriginal, offset: nil))
        #expect(photo.image == (try PhotoFile(path: PhotoMeasuresTests.fixture)).image)
        // A chunk whose length runs past the end of the file.
        let broken = ExifTestTIFF.insertChunk("eXIf", tiff.bytes, into: Array(png.prefix(33)))
        #expect(ExifDate.read(from: Array(broken.prefix(broken.count - 8))) == nil)
    }

    @Test func theDateEncodesAsJSONWithItsTagName() throws {
        let taken = try #require(try dateInJPEG(ExifTestTIFF(ifd0: [], exif: [Self.original, (0x9011, "+02:00")])))
        let json = String(decoding: try JSONEncoder().encode(taken), as: UTF8.self)
        #expect(json.contains("\"tag\":\"DateTimeOriginal\"") && json.contains("\"offset\":\"+02:00\""))
        #expect(try JSONDecoder().decode(ExifDate.self, from: Data(json.utf8)) == taken)
    }

    func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-exif-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The encoders and image operations the benchmark's photo set is made with.
@Suite struct ExifPhotoSetHelpersTests {
    @Test func aPNGCopyDecodesToTheSamePixels() throws {
        let image = try PhotoFile(path: PhotoMeasuresTests.fixture).image.cropped(x: 10, y: 20, width: 300, height: 200)
        let png = try PhotoFile.png(image)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let (format, decoded) = try PhotoFile.decode(png, path: "(test)")
        #expect(format == .png && decoded == image)
    }

    @Test func mirroringSwapsLeftAndRight() throws {
        let image = RGBImage(width: 3, height: 2, pixels: [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6])
        #expect(image.mirrored().pixels == [3, 3, 3, 2, 2, 2, 1, 1, 1, 6, 6, 6, 5, 5, 5, 4, 4, 4])
        let photo = try PhotoFile(path: PhotoMeasuresTests.fixture).image
        #expect(photo.mirrored().mirrored() == photo)
    }
}
