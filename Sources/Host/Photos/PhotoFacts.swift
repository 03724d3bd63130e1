import Builtins
import Foundation
import LuaBridge

/// One photo as the `photos` rules see it: its file, what the host measured, its capture age and
/// whether it nearly duplicates an earlier photo. Stored with a face persona's photos (as JSON),
/// so the rules can judge a stored set again after they are edited.
public struct PhotoFacts: Sendable, Codable, Equatable {
    /// The largest face, with its place in the frame.
    public struct Face: Sendable, Codable, Equatable {
        public var x: Int, y: Int, width: Int, height: Int
        /// The box's share of the frame (0–1).
        public var share: Double
        /// The box's centre across (0 left, 1 right) and down (0 top, 1 bottom) the frame.
        public var centerX: Double, centerY: Double

        enum CodingKeys: String, CodingKey {
            case x, y, width, height, share
            case centerX = "center_x", centerY = "center_y"
        }
    }

    public var file: String
    public var format: String
    public var bytes: Int
    public var width: Int
    public var height: Int
    public var sharpness: Double
    public var brightness: Double
    public var shadows: Double
    public var highlights: Double
    public var faces: Int
    public var face: Face?
    public var hash: String
    /// The EXIF capture time, ISO 8601.
    public var taken: String?
    /// Days from the capture time to the check.
    public var ageDays: Double?
    /// The earlier photo this one nearly duplicates.
    public var duplicateOf: String?

    enum CodingKeys: String, CodingKey {
        case file, format, bytes, width, height, sharpness, brightness, shadows, highlights, faces, face, hash, taken
        case ageDays = "age_days", duplicateOf = "duplicate_of"
    }

    /// Facts given one by one (tests, and photos measured elsewhere).
    public init(file: String, format: String, bytes: Int, width: Int, height: Int, sharpness: Double, brightness: Double,
                shadows: Double, highlights: Double, faces: Int, face: Face?, hash: String,
                taken: String? = nil, ageDays: Double? = nil, duplicateOf: String? = nil) {
        (self.file, self.format, self.bytes, self.width, self.height) = (file, format, bytes, width, height)
        (self.sharpness, self.brightness, self.shadows, self.highlights) = (sharpness, brightness, shadows, highlights)
        (self.faces, self.face, self.hash, self.taken, self.ageDays, self.duplicateOf) = (faces, face, hash, taken, ageDays, duplicateOf)
    }

    /// The facts of a measured photo at time `now`. A photo measured without a detector cannot
    /// be judged on faces, so that is refused rather than read as "no face".
    public init(_ photo: MeasuredPhoto, now: Date) throws(PhotoError) {
        let m = photo.measures
        guard let boxes = m.faces else { throw PhotoError(path: photo.path, message: "was measured without a face detector") }
        file = photo.fileName
        format = photo.format.rawValue
        bytes = photo.bytes
        width = m.width
        height = m.height
        sharpness = m.sharpness
        brightness = m.brightness
        shadows = m.shadows
        highlights = m.highlights
        faces = boxes.count
        face = boxes.first.map { b in
            Face(x: b.x, y: b.y, width: b.width, height: b.height, share: b.share(ofWidth: m.width, height: m.height),
                 centerX: (Double(b.x) + Double(b.width) / 2) / Double(max(1, m.width)),
                 centerY: (Double(b.y) + Double(b.height) / 2) / Double(max(1, m.height)))
        }
        hash = m.hash
        if let date = photo.taken {
            taken = ISO8601DateFormatter().string(from: date)
            ageDays = (now.timeIntervalSince(date) / 86_400 * 10).rounded() / 10
        }
    }

    /// The facts as a Lua table (the `photo` the rules are given).
    public var luaValue: LuaValue {
        var t: [String: LuaValue] = [
            "file": .string(file), "format": .string(format), "bytes": .integer(Int64(bytes)),
            "width": .integer(Int64(width)), "height": .integer(Int64(height)),
            "sharpness": .number(sharpness), "brightness": .number(brightness),
            "shadows": .number(shadows), "highlights": .number(highlights),
            "faces": .integer(Int64(faces)), "hash": .string(hash),
        ]
        if let face {
            t["face"] = [
                "x": .integer(Int64(face.x)), "y": .integer(Int64(face.y)),
                "width": .integer(Int64(face.width)), "height": .integer(Int64(face.height)),
                "share": .number(face.share), "center_x": .number(face.centerX), "center_y": .number(face.centerY),
            ]
        }
        if let taken { t["taken"] = .string(taken) }
        if let ageDays { t["age_days"] = .number(ageDays) }
        if let duplicateOf { t["duplicate_of"] = .string(duplicateOf) }
        return .table(Dictionary(uniqueKeysWithValues: t.map { (LuaKey.string($0.key), $0.value) }))
    }

    /// Marks every photo whose hash is within `distance` bits of an earlier one's (in the order
    /// given) as that photo's near-duplicate; returns how many were marked.
    @discardableResult
    public static func markDuplicates(_ photos: inout [PhotoFacts], distance: Int) -> Int {
        let hashes = photos.map { UInt64($0.hash, radix: 16) }
        var marked = 0
        for i in photos.indices {
            guard let h = hashes[i] else { continue }
            for j in 0..<i where photos[j].duplicateOf == nil {
                if let other = hashes[j], PerceptualHash.distance(h, other) <= distance {
                    photos[i].duplicateOf = photos[j].file
                    marked += 1
                    break
                }
            }
        }
        return marked
    }
}
