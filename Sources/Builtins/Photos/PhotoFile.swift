import Foundation
import PhotoDecode

/// A photo file read and decoded with Debian's libjpeg-turbo or libpng (by its magic bytes,
/// whatever its name). A file that is not a JPEG or PNG, or is damaged or cut short, is a
/// ``PhotoError`` naming it; decoding never crashes. The capture date comes from the same bytes'
/// EXIF (``ExifDate``).
public struct PhotoFile: Sendable {
    /// The formats the host decodes.
    public enum Format: String, Sendable, Codable {
        case jpeg, png
    }

    public let path: String
    public let format: Format
    /// The file's size in bytes.
    public let bytes: Int
    public let image: RGBImage
    /// When the photo was taken, from its EXIF; nil when it says nothing usable.
    public let taken: ExifDate?

    /// Reads and decodes `path`.
    public init(path: String) throws(PhotoError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw PhotoError(path: path, message: "cannot be read (\(error.localizedDescription))")
        }
        self.path = path
        bytes = data.count
        let contents = [UInt8](data)
        (format, image) = try Self.decode(contents, path: path)
        taken = ExifDate.read(from: contents)
    }

    /// Decodes JPEG or PNG bytes.
    public static func decode(_ bytes: [UInt8], path: String) throws(PhotoError) -> (Format, RGBImage) {
        let format: Format
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { format = .jpeg }
        else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { format = .png }
        else { throw PhotoError(path: path, message: "is not a JPEG or PNG file") }
        var decoded = photo_image()
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buffer in
            format == .jpeg ? photo_decode_jpeg(buffer.baseAddress, buffer.count, &decoded, &message, message.count)
                            : photo_decode_png(buffer.baseAddress, buffer.count, &decoded, &message, message.count)
        }
        guard status == 0, let pixels = decoded.pixels else {
            throw PhotoError(path: path, message: "cannot be decoded: " + cText(message))
        }
        defer { photo_free(&decoded) }
        let count = Int(decoded.width) * Int(decoded.height) * 3
        let image = RGBImage(width: Int(decoded.width), height: Int(decoded.height), pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
        return (format, image)
    }

    /// `image` encoded as JPEG at `quality` (1–100).
    public static func jpeg(_ image: RGBImage, quality: Int = 90) throws(PhotoError) -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            photo_encode_jpeg(pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(quality), &data, &size, &message, message.count)
        }
        guard status == 0, let data else { throw PhotoError(path: "(memory)", message: cText(message)) }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: Int(size)))
    }

    /// `image` encoded as PNG (8-bit RGB, libpng's default compression).
    public static func png(_ image: RGBImage) throws(PhotoError) -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            photo_encode_png(pixels.baseAddress, Int32(image.width), Int32(image.height), &data, &size, &message, message.count)
        }
        guard status == 0, let data else { throw PhotoError(path: "(memory)", message: cText(message)) }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

/// A photo that cannot be read or decoded, with its path.
public struct PhotoError: Error, Sendable, CustomStringConvertible, UserFacingError {
    public var path: String
    public var message: String

    /// A problem with the photo at `path` (`message` follows the path: "is not a JPEG or PNG file").
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path) \(message)" }
    public var exitStatus: ExitStatus { .usage }
}

/// The text of a NUL-terminated C message buffer.
func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
