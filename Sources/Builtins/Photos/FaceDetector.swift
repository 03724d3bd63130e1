import FaceDetect

/// Finds frontal faces in a photo with OpenCV's Haar cascade (`haarcascade_frontalface_default`
/// from Debian's opencv-data), through the `FaceDetect` C++ target. The photo is looked at in
/// gray, at most 640 pixels across, with its histogram equalised; faces smaller than a tenth of
/// the shorter side are ignored (a portrait's face is large). Boxes come largest first, in the
/// photo's own pixels.
///
/// Not thread-safe: one detector per thread (OpenCV's classifier keeps scratch state).
public final class FaceDetector {
    /// Where Debian puts the cascade.
    public static let defaultCascade = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"

    private let detector: OpaquePointer

    /// Loads the cascade (a missing opencv-data is an error that says so).
    public init(cascade: String = FaceDetector.defaultCascade) throws(PhotoError) {
        var message = [CChar](repeating: 0, count: 256)
        guard let detector = face_detector_open(cascade, &message, message.count) else {
            throw PhotoError(path: cascade, message: cText(message))
        }
        self.detector = detector
    }

    deinit { face_detector_close(detector) }

    /// The faces in `image`, largest first (at most 16 boxes).
    public func faces(in image: RGBImage) throws(PhotoError) -> [FaceBox] {
        var boxes = [face_box](repeating: face_box(), count: 16)
        var message = [CChar](repeating: 0, count: 256)
        let found = image.pixels.withUnsafeBufferPointer { pixels in
            face_detector_run(detector, pixels.baseAddress, Int32(image.width), Int32(image.height), &boxes, Int32(boxes.count), &message, message.count)
        }
        guard found >= 0 else { throw PhotoError(path: "(photo)", message: "face detection failed: " + cText(message)) }
        return boxes.prefix(Int(min(found, 16))).map { FaceBox(x: Int($0.x), y: Int($0.y), width: Int($0.width), height: Int($0.height)) }
    }
}

/// A face's box in a photo's pixels.
public struct FaceBox: Sendable, Codable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The share of the photo's area the box covers (0–1).
    public func share(ofWidth w: Int, height h: Int) -> Double {
        w > 0 && h > 0 ? Double(width * height) / Double(w * h) : 0
    }
}
