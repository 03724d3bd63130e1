import Builtins
import Foundation
import Testing
@testable import Host

/// Deleting a face persona leaves nothing of it: no row, no file, an audit entry without its name.
@Suite struct FaceDeletionTests {
    @Test func deletionLeavesNothingAndAuditsWithoutTheName() throws {
        let fixture = try FaceFixture()
        let maya = try fixture.create("maya").persona.id
        let noor = try fixture.create("noor").persona.id
        _ = try fixture.train("ok.sh", persona: "maya")
        _ = try fixture.service.validate(triggerWord: "maya", scores: ["similarity": 0.9], passed: true, reasons: [])
        _ = try fixture.train("fails.sh", persona: "maya")
        _ = try fixture.train("ok.sh", persona: "noor")
        let noorFiles = fixture.storeFiles().filter { $0.hasPrefix(noor) }

        let report = try fixture.service.delete(triggerWord: "Maya")
        #expect(report.personaID == maya && report.triggerWord == "maya")
        #expect(report.photos == 3 && report.versions == 2 && report.jobs == 2)
        #expect(report.files == 3 + 2)  // the photos; request.json and the model of v1 (fails.sh writes nothing)
        #expect(report.bytes > 0 && report.pendingRemoval == nil && report.externalModels.isEmpty)

        // No row of it in any persona table.
        let counts = try fixture.service.store.read("test") { try $0.rowCounts(personaID: maya) }
        #expect(counts.count == FaceStore.personaTables.count && counts.values.allSatisfy { $0 == 0 }, "\(counts)")
        #expect(try fixture.service.pendingRemovals().isEmpty)
        // No file of it; the other persona's files untouched.
        #expect(fixture.storeFiles() == noorFiles && noorFiles.count > 3)
        #expect(try fixture.service.list().map(\.triggerWord) == ["noor"])

        // The audit entry: counts, the UUID, never the name.
        let audit = try fixture.service.audit()
        let entry = try #require(audit.last)
        #expect(entry.id == report.auditID && entry.action == "face_persona.deleted" && entry.subject == maya)
        #expect(entry.details == .object(["persona_id": .string(maya), "photos": .number(3), "versions": .number(2), "jobs": .number(2),
                                          "files": .number(Double(report.files)), "bytes": .number(Double(report.bytes))]))
        for line in audit {
            let text = String(decoding: try JSONEncoder().encode(line), as: UTF8.self).lowercased()
            #expect(!text.contains("maya") && !text.contains("noor"), "\(text)")
        }

        // The word is free again.
        let again = try fixture.create("maya")
        #expect(again.persona.id != maya && again.status == .pending)
    }

    @Test func modelsOutsideTheStoreAndExportsAreListedNotRemoved() throws {
        let fixture = try FaceFixture()
        let id = try fixture.create().persona.id
        let export = fixture.folder.appendingPathComponent("export").path
        _ = try fixture.service.train(triggerWord: "maya", trainer: .export(folder: export), config: .object([:]), timeout: nil) { _ in }
        let outside = fixture.folder.appendingPathComponent("outside.bin").path
        try fixture.service.store.write("test") { tx in
            for (number, model) in [(2, "s3://models/maya.safetensors"), (3, outside), (4, fixture.storeRoot + "/\(id)/models/v4/m.bin"),
                                    (5, "m.bin"), (6, "../../../escaped.bin")] {
                try tx.insertVersion(FaceVersionRecord(personaID: id, version: number, status: .ready, config: .object([:]), modelRef: model,
                                                       createdAt: "t", updatedAt: "t"))
            }
        }
        let report = try fixture.service.delete(triggerWord: "maya")
        #expect(report.externalModels == ["s3://models/maya.safetensors", outside, "../../../escaped.bin"])
        #expect(report.exportFolders == [export])
        #expect(FileManager.default.fileExists(atPath: export + "/request.json"))
    }

    @Test func anInterruptedJobDoesNotBlockDeletion() throws {
        let fixture = try FaceFixture()
        let id = try fixture.create().persona.id
        let dead = try FaceFixture.deadPID()
        try fixture.service.store.write("test") { tx in
            try tx.insertVersion(FaceVersionRecord(personaID: id, version: 1, status: .training, config: .object([:]), createdAt: "t", updatedAt: "t"))
            try tx.insertJob(FaceJobRecord(id: "job-1", personaID: id, version: 1, trainer: "x", status: .running, hostPID: dead, startedAt: "t"))
        }
        let report = try fixture.service.delete(triggerWord: "maya")
        #expect(report.jobs == 1)
        #expect(try fixture.service.audit().map(\.action).suffix(2) == ["face_persona.training_interrupted", "face_persona.deleted"])
    }

    /// A removal that did not finish (recorded in `pending_removals`, as a deletion leaves it when
    /// the folder will not go) is finished by the next service opened on the store.
    @Test func pendingRemovalsAreFinishedOnOpen() throws {
        let fixture = try FaceFixture()
        let leftover = fixture.storeRoot + "/.deleting-0000"
        try FileManager.default.createDirectory(atPath: leftover + "/photos", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: leftover + "/photos/01.jpg"))
        let gone = fixture.storeRoot + "/.deleting-gone"
        try fixture.service.store.write("test") { tx in
            try tx.addPendingRemoval(PendingRemovalRecord(path: leftover, reason: "face persona deleted", since: "t"))
            try tx.addPendingRemoval(PendingRemovalRecord(path: gone, reason: "face persona deleted", since: "t"))
        }
        #expect(try fixture.service.pendingRemovals().count == 2)
        let reopened = try FacePersonaService(database: fixture.database, storeRoot: fixture.storeRoot)
        #expect(try reopened.pendingRemovals().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test func aFolderThatWillNotGoStaysPendingUntilTheNextOpen() throws {
        let fixture = try FaceFixture()
        let id = try fixture.create().persona.id
        let stubborn = try FacePersonaService(database: fixture.database, storeRoot: fixture.storeRoot, removeFolder: { _ in "Device or resource busy" })
        let report = try stubborn.delete(triggerWord: "maya")
        let deleting = fixture.storeRoot + "/.deleting-" + id
        #expect(report.pendingRemoval == "\(deleting) (Device or resource busy); it is removed the next time the face store is opened")
        #expect(try stubborn.pendingRemovals().map(\.path) == [deleting])
        #expect(FileManager.default.fileExists(atPath: deleting + "/photos"))
        #expect(try stubborn.list().isEmpty)  // the rows are gone already
        #expect(try stubborn.finishPendingRemovals().map(\.path) == [deleting])  // still stubborn

        let reopened = try FacePersonaService(database: fixture.database, storeRoot: fixture.storeRoot)
        #expect(try reopened.pendingRemovals().isEmpty)
        #expect(fixture.storeFiles().isEmpty)
    }
}
