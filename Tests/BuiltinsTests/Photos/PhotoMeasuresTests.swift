import Foundation
import Testing
@testable import Builtins

/// The photo measures on a real photo (the public-domain astronaut portrait) and copies derived
/// from it with known properties: blurred, darkened, smaller, cropped, re-encoded, damaged.
@Suite struct PhotoMeasuresTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/photos/astronaut.png").path

    func source() throws -> PhotoFile { try PhotoFile(path: Self.fixture) }

    func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-photo-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func thePNGIsDecodedWithItsSizeAndFormat() throws {
        let photo = try source()
        #expect(photo.format == .png)
        #expect(photo.image.width == 512 && photo.image.height == 512)
        #expect(photo.bytes == 791_555)
        let measures = PhotoMeasures(photo.image)
        #expect(measures.brightness > 0.2 && measures.brightness < 0.8)
        #expect(measures.sharpness > 50)
    }

    @Test func aJPEGCopyDecodesToNearlyTheSamePhoto() throws {
        let image = try source().image
        let path = try temporaryFile(try PhotoFile.jpeg(image, quality: 92), name: "copy.jpg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let copy = try PhotoFile(path: path)
        #expect(copy.format == .jpeg)
        #expect(copy.image.width == 512 && copy.image.height == 512)
        let a = PhotoMeasures(image), b = PhotoMeasures(copy.image)
        #expect(abs(a.brightness - b.brightness) < 0.01)
        #expect(PerceptualHash.distance(UInt64(a.hash, radix: 16)!, UInt64(b.hash, radix: 16)!) <= 4)
    }

    @Test func blurLowersSharpness() throws {
        let image = try source().image
        let sharp = PhotoMeasures(image).sharpness
        let blurred = PhotoMeasures(image.blurred(radius: 3)).sharpness
        #expect(blurred < sharp / 5, "sharp \(sharp), blurred \(blurred)")
    }

    @Test func darkeningLowersBrightnessAndClipsShadows() throws {
        let image = try source().image
        let normal = PhotoMeasures(image), dark = PhotoMeasures(image.scaledBrightness(by: 0.08))
        #expect(dark.brightness < normal.brightness * 0.1)
        #expect(dark.shadows > 0.5 && normal.shadows < 0.2)
        let bright = PhotoMeasures(image.scaledBrightness(by: 4))
        #expect(bright.highlights > 0.5)
    }

    @Test func aSmallerCopyHasItsSizeAndTheSameHash() throws {
        let image = try source().image
        let small = image.resized(width: 128, height: 128)
        let measures = PhotoMeasures(small)
        #expect(measures.width == 128 && measures.height == 128)
        #expect(PerceptualHash.distance(UInt64(measures.hash, radix: 16)!, UInt64(PhotoMeasures(image).hash, radix: 16)!) <= 4)
    }

    @Test func aDifferentPictureHasADistantHash() throws {
        let image = try source().image
        let corner = image.cropped(x: 0, y: 0, width: 200, height: 200).resized(width: 512, height: 512)
        let d = PerceptualHash.distance(UInt64(PhotoMeasures(image).hash, radix: 16)!, UInt64(PhotoMeasures(corner).hash, radix: 16)!)
        #expect(d >= 16, "distance \(d)")
    }

    @Test(arguments: [2, 3])
    func damagedFilesAreErrorsNamingThem(_ divisor: Int) throws {
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
        let jpeg = try PhotoFile.jpeg(try source().image)
        for (bytes, name) in [(Array(png.prefix(png.count / divisor)), "cut.png"), (Array(jpeg.prefix(jpeg.count / divisor)), "cut.jpg")] {
            let path = try temporaryFile(bytes, name: name)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                _ = try PhotoFile(path: path)
            } throws: { error in
                guard let error = error as? PhotoError else { return false }
                return error.path == path && error.message.hasPrefix("cannot be decoded:") && error.exitStatus == .usage
            }
        }
    }

    @Test func otherFilesAreNamedAsSuch() throws {
        let path = try temporaryFile(Array("not a photo".utf8), name: "x.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { _ = try PhotoFile(path: path) } throws: { ($0 as? PhotoError)?.message == "is not a JPEG or PNG file" }
        #expect { _ = try PhotoFile(path: path + ".missing") } throws: { ($0 as? PhotoError)?.message.hasPrefix("cannot be read") == true }
        // A valid PNG signature with garbage after it.
        let garbage = try temporaryFile([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x41, count: 100), name: "g.png")
        defer { try? FileManager.default.removeItem(atPath: garbage) }
        #expect(throws: PhotoError.self) { _ = try PhotoFile(path: garbage) }
    }
}

/// Faces, with OpenCV's cascade from opencv-data.
@Suite struct FaceDetectorTests {
    @Test func theAstronautHasOneFaceWhereHerFaceIs() throws {
        let image = try PhotoFile(path: PhotoMeasuresTests.fixture).image
        let measures = try PhotoMeasures(image, detector: try FaceDetector())
        let faces = try #require(measures.faces)
        #expect(faces.count == 1, "\(faces)")
        let face = try #require(faces.first)
        // Her face is in the upper middle of the 512×512 portrait.
        #expect(face.x > 120 && face.x + face.width < 340 && face.y > 20 && face.y + face.height < 280, "\(face)")
        #expect((measures.faceShare ?? 0) > 0.02 && (measures.faceShare ?? 1) < 0.3, "\(face)")
    }

    @Test func aCropWithoutHerFaceHasNone() throws {
        let image = try PhotoFile(path: PhotoMeasuresTests.fixture).image
        let corner = image.cropped(x: 300, y: 300, width: 212, height: 212)
        let measures = try PhotoMeasures(corner, detector: try FaceDetector())
        #expect(measures.faces == [])
        #expect(measures.faceShare == 0)
        #expect(PhotoMeasures(corner).faces == nil)  // no detector: unknown, not "no face"
    }

    @Test func aMissingCascadeIsAnErrorThatSaysWhy() {
        #expect {
            _ = try FaceDetector(cascade: "/nonexistent/cascade.xml")
        } throws: { ($0 as? PhotoError)?.message.contains("opencv-data") == true }
    }
}
