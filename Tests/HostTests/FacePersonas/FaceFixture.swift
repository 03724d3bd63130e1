import Builtins
import Foundation
@testable import Host
import TestSupport

/// A face persona service over a fresh database and store in a temporary folder (removed on
/// deinit), with photo files and consent to create personas from.
final class FaceFixture {
    let folder: URL
    let database: PersonaDatabase
    let service: FacePersonaService

    init() throws {
        folder = try Support.temporaryFolder()
        let path = folder.appendingPathComponent("persona.sqlite").path
        database = try PersonaDatabase(path: path)
        service = try FacePersonaService(database: database, storeRoot: FacePersonaService.defaultStoreRoot(database: path))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var storeRoot: String { service.storeRoot }

    static let consent = ConsentRecord(userID: "user-1", agreedToTerms: true, consentItems: .all,
                                       restrictions: .init(noCommercialUse: true), signedAt: "2026-01-31T09:30:00Z")

    /// A photo file (JPEG magic and `tag`) in the fixture folder, as the rules would pass it on.
    func photo(_ name: String, tag: String? = nil, accepted: Bool = true, face: Bool = true) throws -> FacePhotoInput {
        let url = folder.appendingPathComponent("source-" + name)
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array((tag ?? name).utf8)).write(to: url)
        let measures: JSONValue = face
            ? .object(["faces": .array([.object(["x": .number(10), "y": .number(20), "width": .number(300), "height": .number(320)])])])
            : .object(["faces": .null])
        return FacePhotoInput(sourcePath: url.path, fileName: name, format: "jpeg", bytes: 4 + (tag ?? name).utf8.count, width: 1024,
                              height: 1024, overall: accepted ? 0.9 : 0.2, scores: ["sharpness": accepted ? 0.8 : 0.1],
                              accepted: accepted, reasons: accepted ? [] : ["too blurry"], measures: measures)
    }

    /// Creates a persona with two accepted photos and one rejected.
    @discardableResult
    func create(_ word: String = "maya") throws -> FacePersonaDetail {
        try service.create(triggerWord: word, consent: Self.consent,
                           photos: [try photo("a.jpg"), try photo("b.jpg"), try photo("c.jpg", accepted: false, face: false)])
    }

    /// `sh -c` command running `Tests/Fixtures/trainers/<name>`.
    static func trainer(_ name: String) -> TrainerChoice {
        .command("'" + Support.fixture("trainers/" + name).path + "'")
    }

    /// Trains `word` with a fixture trainer, collecting the events.
    func train(_ trainer: String, persona word: String = "maya", timeout: TimeInterval? = 10) throws -> (FaceVersionRecord, [TrainerEvent]) {
        var events: [TrainerEvent] = []
        let version = try service.train(triggerWord: word, trainer: Self.trainer(trainer), config: .object(["steps": .number(10)]),
                                        timeout: timeout) { events.append($0) }
        return (version, events)
    }

    /// Every file under the store root, relative to it.
    func storeFiles() -> [String] {
        (FileManager.default.enumerator(atPath: storeRoot)?.allObjects as? [String] ?? []).sorted()
    }

    /// A pid that no longer exists: `/bin/true`, run and reaped.
    static func deadPID() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return Int(process.processIdentifier)
    }
}
