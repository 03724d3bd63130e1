import Builtins
import Foundation

extension FacePersonaService {
    /// Trains (or exports) a new version of the persona named `triggerWord`.
    ///
    /// For ``TrainerChoice/command(_:)`` the version and its job are recorded (status
    /// `training`) before the trainer starts; the trainer's outcome moves the version to
    /// `validating` (with the model it reported) or `failed` (with why). A failed training is
    /// not thrown: it is the returned version's status and error. For
    /// ``TrainerChoice/export(folder:)`` the folder is written and the version is `exported`.
    ///
    /// - Parameters:
    ///   - config: a JSON object, passed to the trainer as is.
    ///   - timeout: seconds the trainer may take; nil for no limit.
    ///   - onEvent: called on this thread as the training goes.
    /// - Throws: ``FacePersonaError`` (exit 2) for an unknown persona, a state that does not
    ///   allow training (a training running, a version waiting for validation), a config that
    ///   is not an object, a timeout that is not positive, no accepted photo, or an export
    ///   folder that exists.
    public func train(triggerWord: String, trainer: TrainerChoice, config: JSONValue, timeout: TimeInterval?,
                      onEvent: (TrainerEvent) -> Void) throws -> FaceVersionRecord {
        guard case .object = config else { throw FacePersonaError.invalidConfig("must be a JSON object, like {\"steps\": 1000}") }
        if let timeout, !(timeout > 0) { throw FacePersonaError.invalidTimeout(timeout) }
        let persona = try resolve(triggerWord)
        let accepted = try store.read("reading face persona photos") { try $0.photos(of: persona.id) }.filter(\.accepted).count
        guard accepted > 0 else { throw FacePersonaError.noAcceptedPhotos(persona.triggerWord) }
        switch trainer {
        case .export(let folder): return try export(persona, to: folder, config: config, onEvent: onEvent)
        case .command(let command): return try run(command, persona: persona, config: config, timeout: timeout, onEvent: onEvent)
        }
    }

    /// A stored photo's new verdict from the rules as they are now.
    public struct Verdict: Sendable {
        public var photoID: String
        public var overall: Double
        public var scores: [String: Double]
        public var accepted: Bool
        public var reasons: [String]

        public init(photoID: String, overall: Double, scores: [String: Double], accepted: Bool, reasons: [String]) {
            (self.photoID, self.overall, self.scores, self.accepted, self.reasons) = (photoID, overall, scores, accepted, reasons)
        }
    }

    /// Stores the verdicts the rules gave the persona's photos when judged again (before a
    /// training: edited rules decide which photos train), in one transaction with an audit entry
    /// saying how many changed.
    public func rejudge(triggerWord: String, verdicts: [Verdict]) throws {
        let persona = try resolve(triggerWord)
        try store.write("storing photo verdicts") { tx in
            let before = Dictionary(uniqueKeysWithValues: try tx.photos(of: persona.id).map { ($0.id, $0) })
            var changed = 0
            for v in verdicts {
                guard let old = before[v.photoID] else { throw FacePersonaError.files(path: storeRoot, problem: "photo \(v.photoID) is not one of \(triggerWord)'s") }
                if old.accepted != v.accepted || old.overall != v.overall || old.reasons != v.reasons || old.scores != v.scores { changed += 1 }
                try tx.updateVerdict(photoID: v.photoID, overall: v.overall, scores: v.scores, accepted: v.accepted, reasons: v.reasons)
            }
            if changed > 0 {
                _ = try tx.addAudit(action: "face_persona.rejudged", subject: persona.id,
                                    details: .object(["photos": .number(Double(changed)),
                                                      "accepted": .number(Double(verdicts.filter(\.accepted).count))]), at: Self.now())
            }
        }
    }

    /// Applies the validation plugin's verdict to the version waiting for it: `passed` makes it
    /// `ready`, else `failed`; `scores` and `reasons` are stored with it.
    public func validate(triggerWord: String, scores: [String: Double], passed: Bool, reasons: [String]) throws -> FaceVersionRecord {
        let persona = try resolve(triggerWord)
        return try store.write("validating a face persona") { tx in
            let latest = try tx.latestVersion(of: persona.id)
            let status = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: latest?.status),
                                                 passed ? .validationPassed : .validationFailed)
            guard var version = latest else { throw FacePersonaError.noPersona(triggerWord) }  // unreachable: pending cannot validate
            let time = Self.now()
            version.status = status
            version.validation = .object(["passed": .bool(passed), "scores": .object(scores.mapValues { .number($0) }),
                                          "reasons": .array(reasons.map { .string($0) })])
            version.updatedAt = time
            try tx.updateVersion(version)
            try tx.touchPersona(id: persona.id, at: time)
            try tx.addAudit(action: "face_persona.validated", subject: persona.id,
                            details: .object(["persona_id": .string(persona.id), "version": .number(Double(version.version)),
                                              "passed": .bool(passed), "status": .string(status.rawValue)]), at: time)
            return version
        }
    }

    // MARK: a trainer command

    private func run(_ command: String, persona: FacePersonaRecord, config: JSONValue, timeout: TimeInterval?,
                     onEvent: (TrainerEvent) -> Void) throws -> FaceVersionRecord {
        let time = Self.now()
        let jobID = UUID().uuidString.lowercased()
        let (version, photos) = try store.write("starting a training") { tx in
            let latest = try tx.latestVersion(of: persona.id)
            let status = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: latest?.status), .train)
            let version = FaceVersionRecord(personaID: persona.id, version: (latest?.version ?? 0) + 1, status: status, config: config,
                                            createdAt: time, updatedAt: time)
            try tx.insertVersion(version)
            try tx.insertJob(FaceJobRecord(id: jobID, personaID: persona.id, version: version.version, trainer: command, status: .running,
                                           hostPID: Int(getpid()), startedAt: time))
            try tx.touchPersona(id: persona.id, at: time)
            let photos = try tx.photos(of: persona.id).filter(\.accepted)
            try tx.addAudit(action: "face_persona.training_started", subject: persona.id,
                            details: .object(["persona_id": .string(persona.id), "version": .number(Double(version.version)),
                                              "job": .string(jobID), "photos": .number(Double(photos.count))]), at: time)
            return (version, photos)
        }
        let output = folders.models(persona.id, version: version.version)
        let outcome: TrainerRunner.Outcome
        do {
            try FaceFolders.createDirectory(output)
            let request = TrainerRequest(job: jobID, persona: .init(triggerWord: persona.triggerWord, version: version.version),
                                         photos: photos.map { requestPhoto($0, path: folders.absolute($0.storedPath)) },
                                         config: config, output: output)
            let runner = TrainerRunner(command: command, workingDirectory: output, request: try request.encoded(), timeout: timeout)
            outcome = try runner.run(started: { pid in onEvent(.started(version: version.version, job: jobID, pid: pid)) },
                                     progress: { percent, message, externalID in
                try store.write("recording training progress") { tx in
                    guard var job = try tx.jobs(of: persona.id, status: .running).first(where: { $0.id == jobID }) else { return }
                    job.progress = percent
                    if let externalID { job.externalID = externalID }
                    try tx.updateJob(job)
                }
                onEvent(.progress(percent: percent, message: message, externalID: externalID))
            })
        } catch {
            // The host itself failed (a folder, the database): the version must not stay `training`.
            _ = try? finish(persona, version: version.version, job: jobID, outcome: .failed("the host stopped the training: \(error)"))
            throw error
        }
        if case .interrupted(let signal) = outcome {
            _ = try finish(persona, version: version.version, job: jobID, outcome: outcome)
            throw FacePersonaError.interrupted(signal: signal)
        }
        let finished = try finish(persona, version: version.version, job: jobID, outcome: checked(outcome, output: output))
        onEvent(.finished(finished.status, error: finished.error))
        return finished
    }

    /// `outcome`, failed when the model it names is a path that does not exist.
    private func checked(_ outcome: TrainerRunner.Outcome, output: String) -> TrainerRunner.Outcome {
        guard case .trained(let model) = outcome, !model.contains("://") else { return outcome }
        let path = model.hasPrefix("/") ? model : output + "/" + model
        return FaceFolders.exists(path) ? outcome : .failed("trainer reported model \(model), which does not exist")
    }

    /// Records the trainer's outcome: job and version, with an audit entry.
    private func finish(_ persona: FacePersonaRecord, version number: Int, job jobID: String,
                        outcome: TrainerRunner.Outcome) throws -> FaceVersionRecord {
        try store.write("recording a training's result") { tx in
            guard var version = try tx.version(of: persona.id, number: number),
                  var job = try tx.jobs(of: persona.id).first(where: { $0.id == jobID }) else {
                throw FacePersonaError.noPersona(persona.triggerWord)
            }
            let time = Self.now()
            switch outcome {
            case .trained(let model):
                version.status = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: version.status), .trainerSucceeded)
                version.modelRef = model
                job.status = .succeeded
                job.progress = 100
            case .interrupted(let signal):
                let error = "interrupted: the host got signal \(signal) and stopped the trainer"
                version.status = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: version.status), .trainerFailed)
                version.error = error
                job.status = .failed
                job.error = error
            case .failed(let error):
                version.status = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: version.status), .trainerFailed)
                version.error = error
                job.status = .failed
                job.error = error
            }
            version.updatedAt = time
            job.completedAt = time
            try tx.updateVersion(version)
            try tx.updateJob(job)
            try tx.touchPersona(id: persona.id, at: time)
            try tx.addAudit(action: job.status == .succeeded ? "face_persona.trained" : "face_persona.training_failed", subject: persona.id,
                            details: .object(["persona_id": .string(persona.id), "version": .number(Double(number)),
                                              "job": .string(jobID), "status": .string(version.status.rawValue)]), at: time)
            return version
        }
    }

    func requestPhoto(_ photo: FacePhotoRecord, path: String) -> TrainerRequest.Photo {
        TrainerRequest.Photo(path: path, width: photo.width, height: photo.height, overall: photo.overall,
                             face: TrainerRequest.face(in: photo.measures))
    }

    // MARK: an export

    private func export(_ persona: FacePersonaRecord, to folder: String, config: JSONValue,
                        onEvent: (TrainerEvent) -> Void) throws -> FaceVersionRecord {
        let destination = URL(fileURLWithPath: folder).standardizedFileURL.path
        let (latest, photos) = try store.read("reading a face persona") { tx in
            (try tx.latestVersion(of: persona.id), try tx.photos(of: persona.id).filter(\.accepted))
        }
        _ = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: latest?.status), .export)
        let jobID = UUID().uuidString.lowercased()
        let number = (latest?.version ?? 0) + 1
        let request = TrainerRequest(job: jobID, persona: .init(triggerWord: persona.triggerWord, version: number), photos: [],
                                     config: config, output: "model")
        try ExportTrainer(folder: destination).write(request: request, photos: photos.map { ($0, folders.absolute($0.storedPath)) },
                                                      makePhoto: requestPhoto)
        let time = Self.now()
        do {
            let version = try store.write("recording an export") { tx in
                let latest = try tx.latestVersion(of: persona.id)
                let status = try FaceLifecycle.check(persona.triggerWord, from: FacePersonaStatus(latest: latest?.status), .export)
                guard (latest?.version ?? 0) + 1 == number else {
                    throw FacePersonaError.illegalTransition(triggerWord: persona.triggerWord, current: .training, action: .export)
                }
                let version = FaceVersionRecord(personaID: persona.id, version: number, status: status, config: config,
                                                createdAt: time, updatedAt: time)
                try tx.insertVersion(version)
                // The export folder is kept as the job's external id: deletion lists it (it holds photo copies).
                try tx.insertJob(FaceJobRecord(id: jobID, personaID: persona.id, version: number, trainer: "export", status: .succeeded,
                                               progress: 100, externalID: destination, hostPID: Int(getpid()), startedAt: time,
                                               completedAt: time))
                try tx.touchPersona(id: persona.id, at: time)
                try tx.addAudit(action: "face_persona.exported", subject: persona.id,
                                details: .object(["persona_id": .string(persona.id), "version": .number(Double(number)),
                                                  "job": .string(jobID), "photos": .number(Double(photos.count))]), at: time)
                return version
            }
            onEvent(.started(version: number, job: jobID, pid: 0))
            onEvent(.finished(.exported, error: nil))
            return version
        } catch {
            _ = FaceFolders.remove(destination)
            throw error
        }
    }
}
