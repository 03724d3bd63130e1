import Builtins
import Foundation
import Testing
@testable import Host
import TestSupport

/// What a host stopped mid-way leaves in the face store is tidied when the service opens,
/// decided by the database: folders of creates that never committed go, a deletion that never
/// committed is undone, and anything recent (another host at work) is left alone.
@Suite struct FaceLeftoverTests {
    /// An hour and a minute from now: every folder made by the test counts as left over.
    static let later = Date().addingTimeInterval(FacePersonaService.leftoverAge + 60)

    func folder(_ path: String, file: String = "01-abc.jpg") throws {
        try FileManager.default.createDirectory(atPath: path + "/photos", withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path + "/photos/" + file))
    }

    @Test func anUncommittedCreateIsRemovedOnlyOnceItIsOld() throws {
        let f = try FaceFixture()
        let kept = try f.create("maya")
        let staging = f.storeRoot + "/.staging-" + UUID().uuidString.lowercased()
        let orphan = f.storeRoot + "/" + UUID().uuidString.lowercased()
        try folder(staging)
        try folder(orphan)

        #expect(try f.service.recoverLeftovers() == .init())  // recent: another host may be creating
        #expect(FileManager.default.fileExists(atPath: staging) && FileManager.default.fileExists(atPath: orphan))

        let recovery = try f.service.recoverLeftovers(now: Self.later)
        #expect(Set(recovery.removed) == [(staging as NSString).lastPathComponent, (orphan as NSString).lastPathComponent])
        #expect(!FileManager.default.fileExists(atPath: staging) && !FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: kept.folder))
        let entry = try #require(try f.service.audit().last)
        #expect(entry.action == "face_store.recovered")
        #expect(entry.details == .object(["removed": .number(2), "restored": .number(0)]))
    }

    @Test func aDeletionThatNeverCommittedIsUndoneAndOneThatDidIsFinished() throws {
        let f = try FaceFixture()
        let maya = try f.create("maya")
        // A crash between the rename and the transaction: the records are still there.
        let deleting = f.storeRoot + "/.deleting-" + maya.persona.id
        try FileManager.default.moveItem(atPath: maya.folder, toPath: deleting)
        // And the folder of a persona whose records are gone, with no pending removal.
        let gone = f.storeRoot + "/.deleting-" + UUID().uuidString.lowercased()
        try folder(gone)

        let recovery = try f.service.recoverLeftovers(now: Self.later)
        #expect(recovery.restored == [(deleting as NSString).lastPathComponent])
        #expect(recovery.removed == [(gone as NSString).lastPathComponent])
        #expect(FileManager.default.fileExists(atPath: maya.folder + "/photos"))
        #expect(!FileManager.default.fileExists(atPath: deleting) && !FileManager.default.fileExists(atPath: gone))
        #expect(try f.service.show(triggerWord: "maya").photos.allSatisfy { FileManager.default.fileExists(atPath: f.storeRoot + "/" + $0.storedPath) })
    }

    @Test func aPendingRemovalIsLeftToItsOwnRetry() throws {
        let f = try FaceFixture()
        let path = f.storeRoot + "/.deleting-" + UUID().uuidString.lowercased()
        try folder(path)
        try f.service.store.write("test") { try $0.addPendingRemoval(PendingRemovalRecord(path: path, reason: "test", since: "2026-01-01T00:00:00Z")) }
        #expect(try f.service.recoverLeftovers(now: Self.later) == .init())
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
