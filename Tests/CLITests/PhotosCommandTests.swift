import Foundation
import Testing
import TestSupport

/// `persona-host photos check` as a user runs it: the verdict table, pure JSON, and the exit
/// codes for a set that is not ready (0), damaged files (2) and missing rules (3).
@Suite struct PhotosCommandTests {
    @Test func aSetThatIsNotReadyStillExitsZeroAndSaysWhy() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PhotoSetFixture.writeGood(3, in: folder)
        let result = try CLIRunner.run(["photos", "check", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("NOT READY for training: 3 of 3 photos accepted"))
        #expect(result.stdout.contains("3 of 3 photos accepted; at least 5 needed"))
        #expect(result.stdout.contains("01.png"))
        #expect(result.stdout.contains("3 photo(s) carry no EXIF capture date: their age is unknown to the rules"))
    }

    @Test func jsonIsPureAndCarriesEveryPhotoAndTheGate() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PhotoSetFixture.writeGood(5, in: folder)
        let result = try CLIRunner.run(["photos", "check", folder.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let gate = try #require(object["gate"] as? [String: Any])
        #expect(gate["ready"] as? Bool == true)
        #expect((object["photos"] as? [[String: Any]])?.count == 5)
        let training = try #require(object["training"] as? [String: Any])
        #expect(training["model_base"] as? String == "flux-dev")
        #expect(object["accepted"] as? Int == 5)
        #expect(object["undated"] as? Int == 5)
    }

    @Test func aTruncatedPhotoIsNamedWithExitTwo() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try PhotoSetFixture.writeGood(1, in: folder)
        let png = try Data(contentsOf: folder.appendingPathComponent("01.png"))
        try png.prefix(1000).write(to: folder.appendingPathComponent("02.png"))
        let result = try CLIRunner.run(["photos", "check", folder.path, "--json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("02.png"))
    }

    @Test func noPhotoRulesIsAPluginErrorAndAMissingFolderAnInputError() throws {
        let empty = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        try PhotoSetFixture.writeGood(1, in: empty)
        let noRules = try CLIRunner.run(["photos", "check", empty.path, "--plugins", Support.fixture("dataset-plugins").path])
        #expect(noRules.status == 3)
        #expect(noRules.stderr.contains("no plugin has `photos` rules"))
        let missing = try CLIRunner.run(["photos", "check", empty.path + "/nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such folder"))
    }
}
