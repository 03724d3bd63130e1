import Builtins
import Foundation
import Host
import Testing
import TestSupport

/// `photos check` on sets derived from a real photo, judged by the shipped face_persona rules:
/// each measure moves the score it should, each rule and the gate fire, damaged files are named.
@Suite struct PhotoSetCheckTests {
    /// A folder with `good` good photos and the derived copies named in `extra`.
    func folder(good: Int, _ extra: [String: (RGBImage) -> RGBImage] = [:]) throws -> URL {
        let folder = try Support.temporaryFolder()
        try PhotoSetFixture.writeGood(good, in: folder)
        let image = try PhotoSetFixture.image()
        for (name, derive) in extra { try PhotoSetFixture.write(derive(image), as: name, in: folder) }
        return folder
    }

    func check(_ folder: URL) throws -> PhotoCheckReport {
        let (rules, _) = try PhotoSetFixture.rules()
        return try PhotoSetCheck(rules: rules).run(folder: folder.path)
    }

    func photo(_ report: PhotoCheckReport, _ file: String) throws -> ScoredPhoto {
        try #require(report.photos.first { $0.facts.file == file })
    }

    static func crop(_ image: RGBImage) -> RGBImage { PhotoSetFixture.good(image, x: 90, y: 10, side: 260) }

    @Test func sixGoodPhotosAreReadyWithTheSeedsConfiguration() throws {
        let folder = try self.folder(good: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try check(folder)
        #expect(report.accepted == 6, "\(report.photos.map(\.reasons))")
        #expect(report.gate.ready)
        #expect(report.gate.notes.contains("6 photos accepted; 10–20 train best"))
        #expect(report.photos.allSatisfy { $0.facts.faces == 1 && $0.overall > 70 })
        guard case .object(let config)? = report.training else { Issue.record("no training configuration"); return }
        #expect(config["model_base"] == .string("flux-dev"))
        #expect(config["training_steps"] == .number(1000))
        #expect(config["rank"] == .number(16))
    }

    @Test func fourGoodPhotosAreNotReadyAndSayWhy() throws {
        let folder = try self.folder(good: 4)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try check(folder)
        #expect(!report.gate.ready)
        #expect(report.gate.reasons == ["4 of 4 photos accepted; at least 5 needed"])
        #expect(report.training == nil)
    }

    @Test func eachDerivedCopyFailsTheRuleForWhatWasDoneToIt() throws {
        let folder = try self.folder(good: 1, [
            "blurred.png": { Self.crop($0).blurred(radius: 3) },
            "dark.png": { Self.crop($0).scaledBrightness(by: 0.15) },
            "small.png": { PhotoSetFixture.good($0, x: 90, y: 10, side: 260, size: 300) },
            "noface.png": { PhotoSetFixture.grain($0.cropped(x: 300, y: 300, width: 212, height: 212).resized(width: 1024, height: 1024)) },
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try check(folder)
        let source = try photo(report, "01.png")
        #expect(source.accepted)

        let blurred = try photo(report, "blurred.png")
        #expect(blurred.facts.sharpness < source.facts.sharpness / 10)
        #expect(blurred.scores["sharpness"]! < source.scores["sharpness"]!)
        #expect(blurred.reasons.contains { $0.hasPrefix("out of focus") })

        let dark = try photo(report, "dark.png")
        #expect(dark.scores["lighting"] == 0)
        #expect(dark.reasons.contains("too dark (mean brightness 8%)"))

        let small = try photo(report, "small.png")
        #expect(small.scores["resolution"]! < 70)
        #expect(small.reasons.contains("300×300 pixels; at least 512 on each side"))
        #expect(small.reasons.contains { $0.hasPrefix("file is ") })

        let noface = try photo(report, "noface.png")
        #expect(noface.facts.faces == 0 && noface.facts.face == nil)
        #expect(noface.scores["face_detection"] == 0)
        #expect(noface.reasons.contains("no face found"))
        #expect(!report.gate.ready)
    }

    @Test func aReencodedCopyIsANearDuplicateOfTheFirst() throws {
        let folder = try self.folder(good: 2, ["03-copy.jpg": { PhotoSetFixture.good($0, x: 90, y: 10, side: 260) }])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try check(folder)
        let copy = try photo(report, "03-copy.jpg")
        #expect(copy.facts.format == "jpeg")
        #expect(copy.facts.duplicateOf == "01.png")
        #expect(copy.reasons.contains("near-duplicate of 01.png"))
        #expect(report.duplicates == 1)
        #expect(try photo(report, "02.png").facts.duplicateOf == nil)
    }

    @Test func theEXIFDateGivesTheAgeAndOldPhotosAreRejected() throws {
        let folder = try self.folder(good: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 01.png carries a capture date three years before the check; 02.png one a month before.
        for (name, taken) in [("01.png", "2023:11:04 10:00:00"), ("02.png", "2026-11-04 10:00:00".replacingOccurrences(of: "-", with: ":"))] {
            let url = folder.appendingPathComponent(name)
            let tiff = ExifTestTIFF(ifd0: [], exif: [(0x9003, taken)]).bytes
            try Data(ExifTestTIFF.insertChunk("eXIf", tiff, into: [UInt8](try Data(contentsOf: url)))).write(to: url)
        }
        let (rules, _) = try PhotoSetFixture.rules()
        var check = PhotoSetCheck(rules: rules)
        check.now = ISO8601DateFormatter().date(from: "2026-12-04T10:00:00Z")!
        let report = try check.run(folder: folder.path)
        let old = try photo(report, "01.png"), recent = try photo(report, "02.png")
        #expect(old.facts.taken == "2023-11-04T10:00:00Z")
        #expect(old.facts.ageDays == 1126)
        #expect(old.reasons == ["taken 1126 days ago; at most two years"])
        #expect(recent.facts.ageDays == 30)
        #expect(recent.accepted)
    }

    @Test func storedFactsJudgedAgainGiveTheSameVerdicts() throws {
        let folder = try self.folder(good: 5)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rules, _) = try PhotoSetFixture.rules()
        let check = PhotoSetCheck(rules: rules)
        let first = try check.run(folder: folder.path)
        let again = try check.judge(first.photos.map(\.facts))
        #expect(again.photos == first.photos)
        #expect(again.gate == first.gate)
        #expect(again.training == first.training)
    }

    @Test func damagedFilesAreAllNamedAndNothingIsJudged() throws {
        let folder = try self.folder(good: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = try Data(contentsOf: folder.appendingPathComponent("01.png"))
        try png.prefix(png.count / 2).write(to: folder.appendingPathComponent("02-truncated.png"))
        try Data("not a photo".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 1, 2, 3]).write(to: folder.appendingPathComponent("03-garbage.jpg"))
        #expect {
            try check(folder)
        } throws: { error in
            guard let error = error as? PhotoCheckError, case .unreadable(let files) = error else { return false }
            let text = error.description
            return files.count == 3 && error.exitStatus == .usage
                && text.contains("02-truncated.png") && text.contains("notes.txt") && text.contains("03-garbage.jpg")
        }
    }

    @Test func aMissingOrEmptyFolderIsAnInputError() throws {
        let empty = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data().write(to: empty.appendingPathComponent(".DS_Store"))
        for path in [empty.path, empty.path + "/missing"] {
            #expect {
                try PhotoSetCheck.files(in: path)
            } throws: { error in
                guard let error = error as? PhotoCheckError, case .folder = error else { return false }
                return error.exitStatus == .usage
            }
        }
    }

    @Test func hiddenFilesAndFoldersAreSkippedAndListed() throws {
        let folder = try self.folder(good: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent(".DS_Store"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("old"), withIntermediateDirectories: false)
        let report = try check(folder)
        #expect(report.photos.map(\.facts.file) == ["01.png"])
        #expect(report.skipped == [".DS_Store", "old"])
    }
}
