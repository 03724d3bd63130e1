import Builtins
import Foundation
import Testing
@testable import Host

/// Creating face personas: trigger words, consent, photo copies and rows.
@Suite struct FacePersonaCreateTests {
    @Test(arguments: [("m", "2–50 characters"), (String(repeating: "a", count: 51), "2–50 characters"), ("1maya", "start with a letter"),
                      ("_maya", "start with a letter"), ("ma ya", "only letters, digits, _ and -"), ("mayä", "only letters, digits, _ and -")])
    func badTriggerWordsNameTheRule(_ word: String, _ rule: String) throws {
        let fixture = try FaceFixture()
        do {
            try fixture.create(word)
            Issue.record("\(word) was accepted")
        } catch let error as FacePersonaError {
            #expect(error.exitStatus == .usage)
            #expect(error.description.hasPrefix("trigger word \"\(word)\" is not valid: "))
            #expect(error.description.contains(rule))
        }
        #expect(fixture.storeFiles().isEmpty)
    }

    @Test func goodTriggerWords() {
        for word in ["ma", "Maya_2", "sks-person", String(repeating: "a", count: 50)] {
            #expect(throws: Never.self) { try TriggerWord.validate(word) }
        }
    }

    @Test func triggerWordsAreUniqueRegardlessOfCase() throws {
        let fixture = try FaceFixture()
        try fixture.create("maya")
        #expect(throws: FacePersonaError.triggerWordTaken("Maya", by: "maya")) { try fixture.create("Maya") }
        #expect(FacePersonaError.triggerWordTaken("Maya", by: "maya").description == "trigger word \"Maya\" is taken by persona \"maya\"")
        #expect(try fixture.service.list().map(\.triggerWord) == ["maya"])
        #expect(try fixture.service.show(triggerWord: "MAYA").persona.triggerWord == "maya")
    }

    @Test func createCopiesEveryPhotoAndRecordsRows() throws {
        let fixture = try FaceFixture()
        let detail = try fixture.create()
        let id = detail.persona.id
        #expect(detail.status == .pending)
        #expect(detail.consent?.signedAt == "2026-01-31T09:30:00Z")
        #expect(detail.photos.map(\.position) == [1, 2, 3])
        #expect(detail.photos.map(\.accepted) == [true, true, false])
        #expect(detail.photos[2].reasons == ["too blurry"])
        #expect(detail.photos[0].measures == (try fixture.photo("a.jpg")).measures)
        for photo in detail.photos {
            #expect(photo.storedPath == "\(id)/photos/" + String(format: "%02d-", photo.position) + photo.sha256.prefix(8) + ".jpg")
            let copy = try Data(contentsOf: URL(fileURLWithPath: fixture.storeRoot + "/" + photo.storedPath))
            let source = try Data(contentsOf: URL(fileURLWithPath: fixture.folder.appendingPathComponent("source-" + photo.fileName).path))
            #expect(copy == source)
            #expect(photo.bytes == copy.count)
        }
        #expect(fixture.storeFiles().filter { $0.hasPrefix(".") }.isEmpty)  // no staging folder left
        let summary = try #require(try fixture.service.list().first)
        #expect(summary.acceptedPhotos == 2 && summary.totalPhotos == 3 && summary.status == .pending && summary.latestVersion == nil)
        let audit = try fixture.service.audit()
        #expect(audit.map(\.action) == ["face_persona.created"])
        #expect(audit[0].subject == id)
        #expect(audit[0].details == .object(["persona_id": .string(id), "photos": .number(3), "accepted": .number(2)]))
    }

    @Test func duplicatePhotosAreBothKept() throws {
        let fixture = try FaceFixture()
        let detail = try fixture.service.create(triggerWord: "maya", consent: FaceFixture.consent,
                                                photos: [try fixture.photo("a.jpg", tag: "same"), try fixture.photo("b.jpg", tag: "same")])
        #expect(detail.photos.count == 2 && detail.photos[0].sha256 == detail.photos[1].sha256)
        #expect(detail.photos[0].storedPath != detail.photos[1].storedPath)
    }

    @Test func noPhotosOrAnUnreadablePhotoLeavesNothing() throws {
        let fixture = try FaceFixture()
        #expect(throws: FacePersonaError.noPhotos) {
            try fixture.service.create(triggerWord: "maya", consent: FaceFixture.consent, photos: [])
        }
        var missing = try fixture.photo("a.jpg")
        missing.sourcePath = "/nonexistent/a.jpg"
        #expect(throws: FacePersonaError.self) {
            try fixture.service.create(triggerWord: "maya", consent: FaceFixture.consent, photos: [try fixture.photo("b.jpg"), missing])
        }
        #expect(fixture.storeFiles().isEmpty)
        #expect(try fixture.service.list().isEmpty)
    }

    @Test func consentIsCheckedAgainOnCreate() throws {
        let fixture = try FaceFixture()
        var consent = FaceFixture.consent
        consent.consentItems.aiTraining = false
        #expect(throws: FacePersonaError.self) { try fixture.service.create(triggerWord: "maya", consent: consent, photos: [try fixture.photo("a.jpg")]) }
        #expect(try fixture.service.list().isEmpty)
    }

    @Test func unknownPersonasAreNamed() throws {
        let fixture = try FaceFixture()
        #expect(throws: FacePersonaError.noPersona("nobody")) { try fixture.service.show(triggerWord: "nobody") }
        #expect(FacePersonaError.noPersona("nobody").description == "no face persona named nobody; `face-persona list` shows them")
        #expect(throws: FacePersonaError.noPersona("nobody")) {
            try fixture.service.validate(triggerWord: "nobody", scores: [:], passed: true, reasons: [])
        }
        #expect(throws: FacePersonaError.noPersona("nobody")) { try fixture.service.delete(triggerWord: "nobody") }
    }
}
