import ArgumentParser
import Builtins
import Foundation
import Host

/// `face-persona train NAME --trainer CMD`: the stored photos judged again by the current rules,
/// the gate, then a new version trained by an external program (or exported for one).
struct FacePersonaTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a new version of a face persona with an external trainer, or export its training folder.",
        discussion: """
            The stored photos are judged again by the plugin's photos rules as they are now; the training gate \
            must say ready. The trainer is a program run with /bin/sh -c CMD: it gets the accepted photos and \
            the training configuration as JSON on stdin and answers with JSON lines on stdout (docs/TRAINERS.md). \
            A trained version waits in validating for face-persona validate. --trainer export --out DIR writes \
            the photos, config.json and request.json for your own trainer and leaves the persona exported: \
            no model is trained or claimed.
            Exit codes: 0 trained (validating) or exported, 1 the trainer failed (the version is failed), \
            2 not ready, an unknown persona or a state that does not allow training, 3 plugin error.
            """)

    @Argument(help: ArgumentHelp("The persona's trigger word.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("The trainer command, or export.", valueName: "cmd")) var trainer: String
    @Option(help: ArgumentHelp("With --trainer export: the folder to write (must not exist).", valueName: "dir")) var out: String?
    @Option(help: ArgumentHelp("Seconds the trainer may take before it is stopped (default: no limit).", valueName: "s"))
    var timeout: Double?
    @OptionGroup var store: FaceStoreOptions
    @OptionGroup var rules: PhotoRulesOptions

    func validate() throws {
        if trainer == "export" && out == nil { throw ValidationError("--trainer export needs --out DIR, the folder to write") }
        if trainer != "export" && out != nil { throw ValidationError("--out is for --trainer export only") }
        if trainer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--trainer must not be empty") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be above 0 seconds") }
    }

    func run() throws {
        let service = try store.existing()
        let detail = try service.show(triggerWord: name)
        let (photoRules, _) = try rules.rules()
        let facts = try detail.photos.map { photo in
            do { return try JSONDocument(encoding: photo.measures).decode(PhotoFacts.self) } catch {
                throw CLIFailure(status: .failure, message: "\(service.storeRoot): photo \(photo.fileName) of \(detail.persona.triggerWord) has damaged stored measures (\(error))")
            }
        }
        let report = try rules.check(photoRules).judge(facts)
        guard report.gate.ready, let config = report.training else {
            throw CLIFailure(status: .usage, message: "\(detail.persona.triggerWord) is not ready for training (rules: \(report.plugin) \(report.pluginVersion)):\n"
                             + report.gate.reasons.map { "  - \($0)" }.joined(separator: "\n"))
        }
        // The verdicts of the rules as they are now are what trains: stored first, so `show` agrees.
        try service.rejudge(triggerWord: name, verdicts: zip(detail.photos, report.photos).map { stored, judged in
            .init(photoID: stored.id, overall: judged.overall, scores: judged.scores, accepted: judged.accepted, reasons: judged.reasons)
        })
        let choice: TrainerChoice = trainer == "export" ? .export(folder: out ?? "") : .command(trainer)
        let version = try service.train(triggerWord: name, trainer: choice, config: config, timeout: timeout) { event in
            switch event {
            case .started(let version, let job, let pid): ProgressLine.stage("version \(version): job \(job) started (pid \(pid))")
            case .progress(let percent, let message, _): ProgressLine.stage("training: \(percent)%\(message.map { " \($0)" } ?? "")")
            case .finished: ProgressLine.stage("")
            }
        }
        if store.wantsJSON { try Output.json(version) } else { Output.lines(FacePersonaText.trained(detail.persona.triggerWord, version, choice)) }
        if version.status == .failed {
            throw CLIFailure(status: .failure, message: "training \(detail.persona.triggerWord) version \(version.version) failed: \(version.error ?? "no reason given")")
        }
    }
}

/// `face-persona validate NAME --scores FILE`: the validation gate on a trained version.
struct FacePersonaValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Apply the validation gate to the version waiting in validating.",
        discussion: """
            FILE is a JSON object of check name → value from your validation run, e.g. \
            {"face_consistency": 0.91, "quality_score": 0.86, "trigger_effectiveness": 0.88}. The plugin's \
            photos.validation decides: passed makes the version ready, failed makes it failed.
            Exit codes: 0 passed, 1 failed validation, 2 bad scores file, unknown persona or not validating, 3 plugin error.
            """)

    @Argument(help: ArgumentHelp("The persona's trigger word.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("The validation scores (JSON object of numbers).", valueName: "file")) var scores: String
    @OptionGroup var store: FaceStoreOptions
    @OptionGroup var rules: PhotoRulesOptions

    func run() throws {
        let values = try ValidationScores.read(scores)
        let service = try store.existing()
        let (photoRules, _) = try rules.rules()
        let verdict = try photoRules.validation(values)
        let version = try service.validate(triggerWord: name, scores: values, passed: verdict.passed, reasons: verdict.reasons)
        if store.wantsJSON { try Output.json(version) } else { Output.lines(FacePersonaText.validated(name, version, verdict)) }
        if !verdict.passed {
            throw CLIFailure(status: .failure, message: "\(name) version \(version.version) failed validation: \(verdict.reasons.joined(separator: "; "))")
        }
    }
}

/// A validation scores file: a JSON object of check name → finite number.
enum ValidationScores {
    static func read(_ path: String) throws -> [String: Double] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIFailure(status: .usage, message: "\(path): cannot be read (\(error.localizedDescription))")
        }
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw CLIFailure(status: .usage, message: "\(path): not valid JSON (\(error.localizedDescription))")
        }
        guard case .object(let object) = value, !object.isEmpty else {
            throw CLIFailure(status: .usage, message: "\(path): must hold a JSON object of check name → number, like {\"face_consistency\": 0.91}")
        }
        var scores: [String: Double] = [:]
        for (name, item) in object {
            guard case .number(let d) = item, d.isFinite else {
                throw CLIFailure(status: .usage, message: "\(path): \"\(name)\" must be a number")
            }
            scores[name] = d
        }
        return scores
    }
}
