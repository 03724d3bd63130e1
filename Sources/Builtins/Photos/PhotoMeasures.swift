/// What the host measures on one photo, for a plugin's quality rules (seed 001): size,
/// sharpness, exposure, faces (when a ``FaceDetector`` looked) and a perceptual hash for
/// near-duplicates.
///
/// - **Sharpness**: the variance of the 3×3 Laplacian of the luminance (0–255 scale) over the
///   inner pixels: a focused photo has strong edges and a high variance; blur lowers it.
/// - **Exposure**: mean luminance (0–1), and the shares of clipped shadows (luminance below
///   5% of full scale) and highlights (above 95%).
/// - **Hash**: a 64-bit difference hash (dHash): the luminance shrunk to 9×8 blocks, one bit per
///   pair of horizontal neighbours (left brighter). Re-encoded or resized copies differ in a few
///   bits; ``PerceptualHash/distance(_:_:)`` counts them.
public struct PhotoMeasures: Sendable, Codable, Equatable {
    public var width: Int
    public var height: Int
    public var sharpness: Double
    public var brightness: Double
    public var shadows: Double
    public var highlights: Double
    /// The dHash, 16 hex digits.
    public var hash: String
    /// Faces found, largest first; nil when no detector looked (never "no face" by omission).
    public var faces: [FaceBox]?
    /// The largest face's share of the frame (0 without a face; nil when no detector looked).
    public var faceShare: Double?

    /// The measures of `image`, with the faces `detector` finds when one is given.
    public init(_ image: RGBImage, detector: FaceDetector?) throws(PhotoError) {
        self.init(image)
        if let detector {
            let found = try detector.faces(in: image)
            faces = found
            faceShare = found.first?.share(ofWidth: image.width, height: image.height) ?? 0
        }
    }

    /// The measures of `image` without faces.
    public init(_ image: RGBImage) {
        width = image.width
        height = image.height
        let luma = image.luminance()
        sharpness = Self.laplacianVariance(luma, width: image.width, height: image.height)
        var sum = 0.0, dark = 0, bright = 0
        for v in luma {
            sum += Double(v)
            if v < 0.05 * 255 { dark += 1 } else if v > 0.95 * 255 { bright += 1 }
        }
        let n = Double(max(1, luma.count))
        brightness = sum / n / 255
        shadows = Double(dark) / n
        highlights = Double(bright) / n
        hash = PerceptualHash.hex(PerceptualHash.dHash(luma, width: image.width, height: image.height))
    }

    static func laplacianVariance(_ luma: [Float], width: Int, height: Int) -> Double {
        guard width >= 3, height >= 3 else { return 0 }
        var sum = 0.0, squares = 0.0
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                let i = y * width + x
                let l = Double(luma[i - width] + luma[i + width] + luma[i - 1] + luma[i + 1] - 4 * luma[i])
                sum += l
                squares += l * l
            }
        }
        let n = Double((width - 2) * (height - 2))
        let mean = sum / n
        return squares / n - mean * mean
    }
}

/// Perceptual hashes for near-duplicate photos.
public enum PerceptualHash {
    /// The difference hash of a luminance image: 9×8 block means, bit = left > right.
    public static func dHash(_ luma: [Float], width: Int, height: Int) -> UInt64 {
        guard width > 0, height > 0 else { return 0 }
        var blocks = [Double](repeating: 0, count: 72)
        for by in 0..<8 {
            let y0 = by * height / 8, y1 = max(y0 + 1, (by + 1) * height / 8)
            for bx in 0..<9 {
                let x0 = bx * width / 9, x1 = max(x0 + 1, (bx + 1) * width / 9)
                var sum = 0.0
                for y in y0..<min(y1, height) { for x in x0..<min(x1, width) { sum += Double(luma[y * width + x]) } }
                blocks[by * 9 + bx] = sum / Double((min(y1, height) - y0) * (min(x1, width) - x0))
            }
        }
        var hash: UInt64 = 0
        for by in 0..<8 {
            for bx in 0..<8 where blocks[by * 9 + bx] > blocks[by * 9 + bx + 1] {
                hash |= 1 << UInt64(by * 8 + bx)
            }
        }
        return hash
    }

    /// How many of the 64 bits differ.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// 16 hex digits.
    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
