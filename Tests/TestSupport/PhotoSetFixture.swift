import Builtins
import Foundation

/// Photo sets derived from the public-domain astronaut portrait (Tests/Fixtures/photos), with
/// known properties, judged by the shipped `face_persona` rules.
///
/// Good photos are crops around the face, scaled to at least 1024 px and written as PNG (over
/// 500 KB); the crop window and brightness differ per photo so no two are near-duplicates.
public enum PhotoSetFixture {
    public static let source = Support.fixture("photos/astronaut.png").path

    public static func image() throws(PhotoError) -> RGBImage { try PhotoFile(path: source).image }

    /// A good photo: the crop of side `side` whose top-left corner is (`x`, `y`), scaled to
    /// `size` px, brightness times `light`.
    public static func good(_ image: RGBImage, x: Int, y: Int, side: Int, size: Int = 1024, light: Double = 1) -> RGBImage {
        grain(image.cropped(x: x, y: y, width: side, height: side).resized(width: size, height: size).scaledBrightness(by: light))
    }

    /// `image` with a faint fixed grain (±4 levels), as a camera's sensor leaves: an upscaled
    /// crop is otherwise so smooth that its PNG stays under the rules' 500 KB.
    public static func grain(_ image: RGBImage) -> RGBImage {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let pixels = image.pixels.map { v -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Int(state >> 61) - 4
            return UInt8(clamping: Int(v) + noise)
        }
        return RGBImage(width: image.width, height: image.height, pixels: pixels)
    }

    /// Six good photos (distinct crops) as PNG bytes, made once per test process (deriving
    /// them in a debug build takes seconds).
    /// The error, when they could not be made, is each test's failure.
    public static let goodPNGs: Result<[Data], PhotoError> = Result { () throws(PhotoError) -> [Data] in
        let source = try image()
        return try (0..<6).map { i throws(PhotoError) in
            let photo = good(source, x: 90 + 12 * (i % 5), y: 10 + 8 * (i / 5), side: 260 + 10 * (i % 3), light: 0.9 + 0.05 * Double(i % 4))
            return Data(try PhotoFile.png(photo))
        }
    }

    /// `count` (at most 6) good photos as PNG files in `folder`, named 01.png, 02.png, …
    public static func writeGood(_ count: Int, in folder: URL) throws {
        let photos = try goodPNGs.get()
        for i in 0..<count {
            try photos[i].write(to: folder.appendingPathComponent(String(format: "%02d.png", i + 1)))
        }
    }

    public static func write(_ image: RGBImage, as name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        let bytes = name.hasSuffix(".png") ? try PhotoFile.png(image) : try PhotoFile.jpeg(image, quality: 92)
        try Data(bytes).write(to: url)
    }
}
