import Builtins
import Foundation

/// The photo benchmark's set: 100 photos written into a folder, all derived from the public-domain
/// astronaut portrait (Tests/Fixtures/photos/astronaut.png, 512×512) with a seeded generator, so
/// every run and machine times the same files. Each photo is a crop window of the portrait scaled
/// up (bilinear) to one of ``sizes``, its brightness scaled by 0.6–1.3, half of them mirrored,
/// a fifth slightly blurred; 90 are JPEGs of quality 85–95 and 10 are PNGs. 80 of the JPEGs carry
/// an EXIF `DateTimeOriginal` (with `OffsetTimeOriginal` for half of them) between December 2021
/// and November 2026, so a check of photo age has dates to read; the others have none.
struct PhotoSetFixture {
    /// One written photo.
    struct Photo {
        var path: String
        var width: Int
        var height: Int
        var format: PhotoFile.Format
        var bytes: Int
        /// The EXIF date written into it, as text.
        var taken: String?
    }

    static let count = 100
    static let seed: UInt64 = 2_026
    /// The pixel sizes, in turn (about a megapixel each: the source is 512×512).
    static let sizes = [(1024, 1024), (1200, 900), (900, 1200), (1280, 960)]

    let folder: URL
    let photos: [Photo]

    /// The portrait in the checkout.
    static var source: URL { RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/photos/astronaut.png") }

    /// Writes the set into `folder` (created).
    static func write(into folder: URL) throws -> PhotoSetFixture {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let portrait = try PhotoFile(path: source.path).image
        var random = SeededGenerator(seed: seed)
        var photos: [Photo] = []
        for index in 0..<count {
            let (width, height) = sizes[index % sizes.count]
            // The largest window of the photo's shape the portrait holds, times 0.7–1, somewhere in it.
            let fullWidth = min(portrait.width, portrait.height * width / height)
            let cropWidth = Int(Double(fullWidth) * (0.7 + 0.3 * random.nextDouble()))
            let cropHeight = min(portrait.height, cropWidth * height / width)
            let x = random.nextInt(below: portrait.width - cropWidth + 1), y = random.nextInt(below: portrait.height - cropHeight + 1)
            var image = Self.scaled(portrait.cropped(x: x, y: y, width: cropWidth, height: cropHeight), width: width, height: height)
            image = image.scaledBrightness(by: 0.6 + 0.7 * random.nextDouble())
            if random.nextInt(below: 2) == 0 { image = image.mirrored() }
            if random.nextInt(below: 5) == 0 { image = image.blurred(radius: 1 + random.nextInt(below: 2)) }
            let png = index % 10 == 9
            let quality = 85 + random.nextInt(below: 11)
            let daysBack = random.nextInt(below: 1_826), secondOfDay = random.nextInt(below: 86_400)
            var bytes: [UInt8]
            var taken: String?
            if png {
                bytes = try PhotoFile.png(image)
            } else {
                bytes = try PhotoFile.jpeg(image, quality: quality)
                if index % 10 != 4 {
                    let text = Self.exifText(Date(timeIntervalSince1970: 1_796_083_200 - Double(daysBack * 86_400 + secondOfDay)))  // back from 2026-12-01
                    bytes = Array(bytes.prefix(2)) + Self.exifSegment(text, offset: index % 2 == 0 ? "+02:00" : nil) + bytes.dropFirst(2)
                    taken = text
                }
            }
            let path = folder.appendingPathComponent(String(format: "photo-%03d.%@", index, png ? "png" : "jpg")).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            photos.append(Photo(path: path, width: width, height: height, format: png ? .png : .jpeg, bytes: bytes.count, taken: taken))
        }
        return PhotoSetFixture(folder: folder, photos: photos)
    }

    /// "100 photos: 1024×1024 (25), …; 90 JPEG (quality 85–95), 10 PNG; …" for the report.
    var summary: String {
        var bySize: [String: Int] = [:]
        for photo in photos { bySize["\(photo.width)×\(photo.height)", default: 0] += 1 }
        let sizes = Self.sizes.map { "\($0.0)×\($0.1)" }.map { "\($0) (\(bySize[$0] ?? 0))" }.joined(separator: ", ")
        let jpegs = photos.filter { $0.format == .jpeg }.count
        let megabytes = Double(photos.map(\.bytes).reduce(0, +)) / 1e6
        let megapixels = Double(photos.map { $0.width * $0.height }.reduce(0, +)) / 1e6
        return "\(photos.count) photos: \(sizes); \(jpegs) JPEG (quality 85–95), \(photos.count - jpegs) PNG; "
            + "\(Format.fixed(megapixels, 1)) megapixels and \(Format.fixed(megabytes, 1)) MB in all; \(photos.filter { $0.taken != nil }.count) with an EXIF date"
    }

    // MARK: - Making one photo

    /// A bilinear resampling of `image` to `width × height` (RGBImage's own `resized` averages
    /// blocks, which suits shrinking, not enlarging).
    static func scaled(_ image: RGBImage, width: Int, height: Int) -> RGBImage {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        let sx = Double(image.width) / Double(width), sy = Double(image.height) / Double(height)
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<height {
                let fy = max(0, (Double(y) + 0.5) * sy - 0.5)
                let y0 = min(Int(fy), image.height - 1), y1 = min(y0 + 1, image.height - 1), wy = fy - Double(y0)
                for x in 0..<width {
                    let fx = max(0, (Double(x) + 0.5) * sx - 0.5)
                    let x0 = min(Int(fx), image.width - 1), x1 = min(x0 + 1, image.width - 1), wx = fx - Double(x0)
                    for c in 0..<3 {
                        let a = Double(p[3 * (y0 * image.width + x0) + c]), b = Double(p[3 * (y0 * image.width + x1) + c])
                        let d = Double(p[3 * (y1 * image.width + x0) + c]), e = Double(p[3 * (y1 * image.width + x1) + c])
                        let top = a + (b - a) * wx, bottom = d + (e - d) * wx
                        out[3 * (y * width + x) + c] = UInt8(min(255, max(0, (top + (bottom - top) * wy).rounded())))
                    }
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: out)
    }

    /// "YYYY:MM:DD HH:MM:SS" of `date` in UTC.
    static func exifText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d:%02d:%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// A JPEG APP1 segment with a little-endian TIFF: IFD0 holding only the Exif IFD pointer, and
    /// the Exif IFD holding `DateTimeOriginal` (and `OffsetTimeOriginal` when given).
    static func exifSegment(_ text: String, offset: String?) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16) }
        let values = [(0x9003, Array(text.utf8) + [0])] + (offset.map { [(0x9011, Array($0.utf8) + [0])] } ?? [])
        let exifIFD = 8 + 2 + 12 + 4
        var data = exifIFD + 2 + 12 * values.count + 4
        var tiff: [UInt8] = [0x49, 0x49] + u16(42) + u32(8) + u16(1) + u16(0x8769) + u16(4) + u32(1) + u32(exifIFD) + u32(0)
        tiff += u16(values.count)
        for (tag, value) in values {
            tiff += u16(tag) + u16(2) + u32(value.count) + u32(data)
            data += value.count
        }
        tiff += u32(0) + values.flatMap(\.1)
        let length = 2 + 6 + tiff.count
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + Array("Exif".utf8) + [0, 0] + tiff
    }
}
