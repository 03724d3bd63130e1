import Builtins
import Foundation
import Testing
@testable import Host

/// The export trainer: a folder for an outside trainer, and a version that claims no model.
@Suite struct ExportTrainerTests {
    @Test func exportWritesTheFolderAndTheVersionIsExported() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let folder = fixture.folder.appendingPathComponent("maya-export").path
        var events: [TrainerEvent] = []
        let version = try fixture.service.train(triggerWord: "maya", trainer: .export(folder: folder), config: .object(["steps": .number(5)]),
                                                timeout: nil) { events.append($0) }
        #expect(version.status == .exported && version.modelRef == nil && version.version == 1)
        #expect(events.last == .finished(.exported, error: nil))
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
        #expect(files == ["README.txt", "config.json", "photos", "photos/01.jpg", "photos/02.jpg", "request.json"])
        let config = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/config.json")))
        #expect(config == .object(["steps": .number(5), "trigger_word": .string("maya")]))
        let request = try JSONDecoder().decode(TrainerRequest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/request.json")))
        #expect(request.output == "model" && request.photos.map(\.path) == ["photos/01.jpg", "photos/02.jpg"])
        #expect(request.persona.version == 1)
        let copied = try Data(contentsOf: URL(fileURLWithPath: folder + "/photos/02.jpg"))
        #expect(copied == (try Data(contentsOf: URL(fileURLWithPath: fixture.folder.appendingPathComponent("source-b.jpg").path))))
        let readme = try String(contentsOfFile: folder + "/README.txt", encoding: .utf8)
        #expect(readme.split(separator: "\n").count <= 12 && readme.contains("request.json"))
        // No staging folder left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).filter { $0.contains(".partial-") }.isEmpty)

        let detail = try fixture.service.show(triggerWord: "maya")
        #expect(detail.status == .exported)
        #expect(detail.jobs.map(\.trainer) == ["export"] && detail.jobs.first?.status == .succeeded)
        #expect(try fixture.service.audit().last?.action == "face_persona.exported")
        // Validation needs a trained model; an export has none.
        #expect(throws: FacePersonaError.illegalTransition(triggerWord: "maya", current: .exported, action: .validationPassed)) {
            try fixture.service.validate(triggerWord: "maya", scores: [:], passed: true, reasons: [])
        }
        // A second export into the same folder is refused, and writes no version.
        #expect(throws: FacePersonaError.exportFolderExists(folder)) {
            try fixture.service.train(triggerWord: "maya", trainer: .export(folder: folder), config: .object([:]), timeout: nil) { _ in }
        }
        #expect(FacePersonaError.exportFolderExists(folder).exitStatus == .usage)
        #expect(try fixture.service.versions(triggerWord: "maya").count == 1)
        // Exported → train again: version 2.
        #expect(try fixture.train("ok.sh").0.version == 2)
    }
}
