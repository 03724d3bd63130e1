/// A decoded photo: 8-bit RGB pixels, row by row. The photo measures read it; tests derive
/// blurred, darkened, smaller and cropped copies from it with the operations here.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height × 3` bytes, RGB.
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "RGBImage: \(pixels.count) bytes for \(width)×\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Luminance 0–255 per pixel (Rec. 601 weights), row by row.
    public func luminance() -> [Float] {
        var out = [Float](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { p in
            for i in 0..<(width * height) {
                out[i] = 0.299 * Float(p[3 * i]) + 0.587 * Float(p[3 * i + 1]) + 0.114 * Float(p[3 * i + 2])
            }
        }
        return out
    }

    /// Each channel multiplied by `factor` (clamped to 0–255).
    public func scaledBrightness(by factor: Double) -> RGBImage {
        RGBImage(width: width, height: height, pixels: pixels.map { UInt8(min(255, max(0, (Double($0) * factor).rounded()))) })
    }

    /// A box blur of the given radius (each pixel the mean of its (2r+1)² neighbourhood, edges clamped).
    public func blurred(radius: Int) -> RGBImage {
        guard radius > 0 else { return self }
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                var sum = (0, 0, 0), count = 0
                for dy in -radius...radius {
                    let yy = min(height - 1, max(0, y + dy))
                    for dx in -radius...radius {
                        let xx = min(width - 1, max(0, x + dx))
                        let i = 3 * (yy * width + xx)
                        sum.0 += Int(pixels[i]); sum.1 += Int(pixels[i + 1]); sum.2 += Int(pixels[i + 2])
                        count += 1
                    }
                }
                let o = 3 * (y * width + x)
                out[o] = UInt8(sum.0 / count); out[o + 1] = UInt8(sum.1 / count); out[o + 2] = UInt8(sum.2 / count)
            }
        }
        return RGBImage(width: width, height: height, pixels: out)
    }

    /// A smaller copy (`newWidth × newHeight`), each pixel the mean of the block it covers.
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBImage {
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * 3)
        for y in 0..<newHeight {
            let y0 = y * height / newHeight, y1 = max(y0 + 1, (y + 1) * height / newHeight)
            for x in 0..<newWidth {
                let x0 = x * width / newWidth, x1 = max(x0 + 1, (x + 1) * width / newWidth)
                var sum = (0, 0, 0)
                for yy in y0..<y1 {
                    for xx in x0..<x1 {
                        let i = 3 * (yy * width + xx)
                        sum.0 += Int(pixels[i]); sum.1 += Int(pixels[i + 1]); sum.2 += Int(pixels[i + 2])
                    }
                }
                let n = (y1 - y0) * (x1 - x0), o = 3 * (y * newWidth + x)
                out[o] = UInt8(sum.0 / n); out[o + 1] = UInt8(sum.1 / n); out[o + 2] = UInt8(sum.2 / n)
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: out)
    }

    /// The rectangle at (`x`, `y`) of the given size (clipped to the image).
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> RGBImage {
        let w = min(w, width - x), h = min(h, height - y)
        var out: [UInt8] = []
        out.reserveCapacity(w * h * 3)
        for row in y..<(y + h) { out += pixels[(3 * (row * width + x))..<(3 * (row * width + x + w))] }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// The mirror image (left and right swapped).
    public func mirrored() -> RGBImage {
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                let from = 3 * (y * width + x), to = 3 * (y * width + width - 1 - x)
                out[to] = pixels[from]; out[to + 1] = pixels[from + 1]; out[to + 2] = pixels[from + 2]
            }
        }
        return RGBImage(width: width, height: height, pixels: out)
    }
}
