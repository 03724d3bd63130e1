import Builtins
import Foundation
import Testing
@testable import Host

/// Training through the trainer protocol with the fixture trainers, validation and retraining.
@Suite struct FaceTrainingTests {
    @Test func aTrainerThatReportsAModelLeavesTheVersionValidating() throws {
        let fixture = try FaceFixture()
        let id = try fixture.create().persona.id
        let (version, events) = try fixture.train("ok.sh")
        #expect(version.version == 1 && version.status == .validating)
        #expect(version.modelRef == "model.safetensors")
        #expect(version.error == nil)
        let model = fixture.storeRoot + "/\(id)/models/v1/model.safetensors"
        #expect(FileManager.default.fileExists(atPath: model))

        guard case .started(1, let jobID, let pid)? = events.first else { Issue.record("no start: \(events)"); return }
        #expect(pid > 0)
        #expect(Array(events.dropFirst()) == [.progress(percent: 10, message: "loading photos", externalID: "ext-42"),
                                              .progress(percent: 60, message: nil, externalID: nil), .finished(.validating, error: nil)])
        let detail = try fixture.service.show(triggerWord: "maya")
        #expect(detail.status == .validating)
        let job = try #require(detail.jobs.first)
        #expect(job.id == jobID && job.status == .succeeded && job.progress == 100 && job.externalID == "ext-42")
        #expect(job.hostPID == Int(getpid()) && job.completedAt != nil && job.trainer.hasSuffix("ok.sh'"))

        // The request the trainer read: accepted photos only, absolute paths, face boxes, config.
        let request = try JSONDecoder().decode(TrainerRequest.self, from: Data(contentsOf: URL(fileURLWithPath: fixture.storeRoot + "/\(id)/models/v1/request.json")))
        #expect(request.protocol == "persona-host-trainer/1" && request.job == jobID)
        #expect(request.persona == .init(triggerWord: "maya", version: 1))
        #expect(request.photos.map(\.path) == detail.photos.filter(\.accepted).map { fixture.storeRoot + "/" + $0.storedPath })
        #expect(request.photos.first?.face == FaceBox(x: 10, y: 20, width: 300, height: 320))
        #expect(request.config == .object(["steps": .number(10)]))
        #expect(request.output == fixture.storeRoot + "/\(id)/models/v1")
        #expect(try fixture.service.audit().map(\.action) == ["face_persona.created", "face_persona.training_started", "face_persona.trained"])
    }

    @Test func aTrainerThatFailsLeavesTheVersionFailedWithItsError() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let (version, events) = try fixture.train("fails.sh")
        #expect(version.status == .failed && version.error == "not enough GPU memory" && version.modelRef == nil)
        #expect(events.last == .finished(.failed, error: "not enough GPU memory"))
        let job = try #require(try fixture.service.show(triggerWord: "maya").jobs.first)
        #expect(job.status == .failed && job.error == "not enough GPU memory" && job.progress == 5)
        #expect(try fixture.service.audit().last?.action == "face_persona.training_failed")
    }

    @Test func aCrashIsReportedWithItsExitStatusAndStderr() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let (version, _) = try fixture.train("crash.sh")
        #expect(version.status == .failed)
        #expect(version.error == "trainer exited with status 3 before reporting a result; last stderr: loading weights\nSegmentation fault in step 12")
    }

    @Test func aCommandThatDoesNotExistIsAFailedTraining() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let version = try fixture.service.train(triggerWord: "maya", trainer: .command("no-such-trainer-xyz"), config: .object([:]),
                                                timeout: 10) { _ in }
        #expect(version.status == .failed)
        #expect(version.error?.hasPrefix("trainer exited with status 127 before reporting a result; last stderr: ") == true)
    }

    @Test func aLineThatIsNotJSONStopsTheTrainer() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let started = Date()
        let (version, _) = try fixture.train("garbage.sh", timeout: nil)
        #expect(version.status == .failed)
        #expect(version.error == "trainer line 2: not JSON: Epoch 1/10 ....")
        #expect(Date().timeIntervalSince(started) < 20)  // stopped, not waited for (the script sleeps 30 s)
    }

    @Test func aTrainerPastItsTimeoutIsStopped() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let started = Date()
        let (version, events) = try fixture.train("slow.sh", timeout: 1)
        #expect(version.status == .failed && version.error == "no result after 1 s")
        #expect(events.contains(.progress(percent: 1, message: nil, externalID: nil)))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(try fixture.service.show(triggerWord: "maya").jobs.first?.status == .failed)
    }

    @Test func protocolLinesAreChecked() {
        #expect(TrainerLine.parse(#"{"status":"training","progress":101}"#, number: 4)
                == .failure(TrainerLineError(description: #"trainer line 4: a training line needs "progress" from 0 to 100: {"status":"training","progress":101}"#)))
        #expect(TrainerLine.parse(#"{"status":"done"}"#, number: 1)
                == .failure(TrainerLineError(description: #"trainer line 1: unknown status "done" (training, trained or failed)"#)))
        #expect(TrainerLine.parse(#"{"status":"trained"}"#, number: 2).map { _ in 0 } != .success(0))
        #expect(TrainerLine.parse(#"{"status":"trained","model":"s3://bucket/m"}"#, number: 2) == .success(.trained(model: "s3://bucket/m")))
    }

    @Test func trainingWhileTrainingIsRefused() throws {
        let fixture = try FaceFixture()
        let id = try fixture.create().persona.id
        // A job of this (living) process, as if another thread were training.
        try fixture.service.store.write("test") { tx in
            try tx.insertVersion(FaceVersionRecord(personaID: id, version: 1, status: .training, config: .object([:]), createdAt: "t", updatedAt: "t"))
            try tx.insertJob(FaceJobRecord(id: "job-1", personaID: id, version: 1, trainer: "x", status: .running, hostPID: Int(getpid()), startedAt: "t"))
        }
        #expect(throws: FacePersonaError.illegalTransition(triggerWord: "maya", current: .training, action: .train)) { try fixture.train("ok.sh") }
        #expect(throws: FacePersonaError.jobRunning(job: "job-1", pid: Int(getpid()))) { try fixture.service.delete(triggerWord: "maya") }
        #expect(try fixture.service.versions(triggerWord: "maya").map(\.status) == [.training])
    }

    @Test func anInterruptedJobIsMarkedFailed() throws {
        let fixture = try FaceFixture()
        let id = try fixture.create().persona.id
        let dead = try FaceFixture.deadPID()
        try fixture.service.store.write("test") { tx in
            try tx.insertVersion(FaceVersionRecord(personaID: id, version: 1, status: .training, config: .object([:]), createdAt: "t", updatedAt: "t"))
            try tx.insertJob(FaceJobRecord(id: "job-1", personaID: id, version: 1, trainer: "x", status: .running, hostPID: dead, startedAt: "t"))
        }
        let detail = try fixture.service.show(triggerWord: "maya")
        #expect(detail.status == .failed)
        #expect(detail.jobs.first?.status == .failed && detail.jobs.first?.error == "interrupted: the host process \(dead) ended")
        #expect(detail.versions.first?.error == "interrupted: the host process \(dead) ended")
        #expect(try fixture.service.audit().last?.action == "face_persona.training_interrupted")
        // And the persona can be trained again.
        #expect(try fixture.train("ok.sh").0.version == 2)
    }

    @Test func validationDecidesReadyOrFailed() throws {
        let fixture = try FaceFixture()
        try fixture.create("maya")
        try fixture.create("noor")
        #expect(throws: FacePersonaError.illegalTransition(triggerWord: "maya", current: .pending, action: .validationPassed)) {
            try fixture.service.validate(triggerWord: "maya", scores: [:], passed: true, reasons: [])
        }
        _ = try fixture.train("ok.sh", persona: "maya")
        _ = try fixture.train("ok.sh", persona: "noor")
        let ready = try fixture.service.validate(triggerWord: "maya", scores: ["similarity": 0.91], passed: true, reasons: [])
        #expect(ready.status == .ready)
        #expect(ready.validation == .object(["passed": .bool(true), "scores": .object(["similarity": .number(0.91)]), "reasons": .array([])]))
        let failed = try fixture.service.validate(triggerWord: "noor", scores: ["similarity": 0.2], passed: false, reasons: ["not the same face"])
        #expect(failed.status == .failed && failed.modelRef == "model.safetensors")
        #expect(throws: FacePersonaError.illegalTransition(triggerWord: "maya", current: .ready, action: .validationFailed)) {
            try fixture.service.validate(triggerWord: "maya", scores: [:], passed: false, reasons: [])
        }
        #expect(try fixture.service.list().map(\.status) == [.ready, .failed])
    }

    @Test func retrainingAddsAVersionAndKeepsTheOldOne() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        let first = try fixture.train("ok.sh").0
        #expect(throws: FacePersonaError.illegalTransition(triggerWord: "maya", current: .validating, action: .train)) { try fixture.train("ok.sh") }
        let ready = try fixture.service.validate(triggerWord: "maya", scores: [:], passed: true, reasons: [])
        let second = try fixture.train("fails.sh").0
        #expect(second.version == 2 && second.status == .failed)
        let versions = try fixture.service.versions(triggerWord: "maya")
        #expect(versions.count == 2 && versions[0] == ready && versions[0].modelRef == first.modelRef)
        #expect(try fixture.service.list().first?.latestVersion == 2)
        #expect(try fixture.train("ok.sh").0.version == 3)
    }

    @Test func trainingNeedsAnAcceptedPhotoAndAPositiveTimeout() throws {
        let fixture = try FaceFixture()
        _ = try fixture.service.create(triggerWord: "maya", consent: FaceFixture.consent, photos: [try fixture.photo("a.jpg", accepted: false)])
        #expect(throws: FacePersonaError.noAcceptedPhotos("maya")) { try fixture.train("ok.sh") }
        #expect(throws: FacePersonaError.invalidTimeout(0)) { try fixture.train("ok.sh", timeout: 0) }
        #expect(try fixture.service.versions(triggerWord: "maya").isEmpty)
    }

    @Test func configMustBeAnObject() throws {
        let fixture = try FaceFixture()
        try fixture.create()
        #expect(throws: FacePersonaError.self) {
            try fixture.service.train(triggerWord: "maya", trainer: FaceFixture.trainer("ok.sh"), config: .array([]), timeout: nil) { _ in }
        }
    }
}
