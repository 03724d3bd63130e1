import Foundation
import PhotoDecode

/// Encodes an ``RGBImage`` as PNG with Debian's libpng: the lossless copies tests and the
/// photo benchmark write.
public enum PNGWriter {
    public static func encode(_ image: RGBImage) throws(PhotoError) -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            photo_encode_png(pixels.baseAddress, Int32(image.width), Int32(image.height), &data, &size, &message, message.count)
        }
        guard status == 0, let data else { throw .problem("(memory)", cText(message)) }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
