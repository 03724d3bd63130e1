import ArgumentParser
import Builtins
import Foundation
import Host

/// `persona-host face-persona …`: face personas (seed 001), a face model trained on a person's
/// photos with their consent. The photo rules come from a plugin's `photos` table; the store,
/// lifecycle, trainers and deletion are the host's.
struct FacePersonaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "face-persona",
        abstract: "Create, train, validate and delete face personas.",
        discussion: """
            A persona moves pending → training → validating → ready or failed; an export leaves it exported. \
            Retraining makes a new version and keeps the old ones. Photos, models and records live in the \
            database and in its face store (the database's path + ".faces", or --store).
            Exit codes: 0 ok, 1 a training or validation that failed (the persona is failed) or a runtime \
            failure, 2 bad input or an action the persona's state does not allow, 3 plugin missing or broken.
            """,
        subcommands: [FacePersonaCreateCommand.self, FacePersonaTrainCommand.self, FacePersonaValidateCommand.self,
                      FacePersonaListCommand.self, FacePersonaShowCommand.self, FacePersonaVersionsCommand.self,
                      FacePersonaDeleteCommand.self]
    )
}

/// Where face personas are stored: the database and its face store.
struct FaceStoreOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("store"), help: ArgumentHelp("The face store folder (default: the database's path + \".faces\").", valueName: "dir"))
    var storeRoot: String?
    @Flag(inversion: .prefixedNo, help: "Print the result as JSON on stdout (default: the config file's json, else no).") var json: Bool?

    var wantsJSON: Bool { json ?? Settings.current.config?.json ?? false }

    /// The service over the database opened for `access`; nil when a read finds no default database.
    func service(_ access: DatabaseAccess) throws -> FacePersonaService? {
        guard let db = try database.open(access) else { return nil }
        return try FacePersonaService(database: db, storeRoot: storeRoot ?? FacePersonaService.defaultStoreRoot(database: db.path))
    }

    /// The service for a command that needs existing personas: a missing default database is
    /// an input error saying so.
    func existing() throws -> FacePersonaService {
        guard let service = try service(.read) else {
            throw CLIFailure(status: .usage, message: "no database at \(DatabaseOptions.defaultPath): there are no face personas yet; create one with face-persona create")
        }
        return service
    }
}

/// `face-persona create NAME --photos DIR --consent FILE`.
struct FacePersonaCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a face persona from a folder of photos and a consent record.",
        discussion: """
            NAME is the trigger word (2–50 letters, digits, _ or -, starting with a letter; unique, ignoring case). \
            The photos are checked as photos check does and every one is copied into the face store with its \
            measures, scores and verdict; the set's training gate is shown (train needs it ready). The consent \
            file is JSON: agreed_to_terms, consent_items (facial_recognition, ai_training, likeness_usage, \
            data_retention, all true), optional restrictions, signed_at (ISO 8601); it is stored as given.
            """)

    @Argument(help: ArgumentHelp("The persona's name and trigger word.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("The folder of photos.", valueName: "dir")) var photos: String
    @Option(help: ArgumentHelp("The consent record (JSON).", valueName: "file")) var consent: String
    @OptionGroup var store: FaceStoreOptions
    @OptionGroup var rules: PhotoRulesOptions

    func run() throws {
        try TriggerWord.validate(name)
        let record = try ConsentRecord.read(path: consent)
        let (photoRules, _) = try rules.rules()
        ProgressLine.stage("checking photos with \(photoRules.plugin.name) \(photoRules.plugin.manifest.version)")
        let report = try rules.check(photoRules).run(folder: photos)
        ProgressLine.stage("")
        let inputs = try report.photos.map { p in
            FacePhotoInput(sourcePath: (photos as NSString).appendingPathComponent(p.facts.file), fileName: p.facts.file,
                           format: p.facts.format, bytes: p.facts.bytes, width: p.facts.width, height: p.facts.height,
                           overall: p.overall, scores: p.scores, accepted: p.accepted, reasons: p.reasons,
                           measures: try JSONDocument(encoding: p.facts).decode(JSONValue.self))
        }
        // Creating face personas is creating data: a database named but missing is created, and said so.
        let path = store.database.resolvedPath
        let existed = FileManager.default.fileExists(atPath: path)
        guard let service = try store.service(.create) else { throw CLIFailure(status: .failure, message: "\(path): the database could not be opened") }
        let detail = try service.create(triggerWord: name, consent: record, photos: inputs)
        if store.wantsJSON { return try Output.json(FacePersonaCreated(persona: detail, check: report, database: path, createdDatabase: !existed)) }
        Output.lines((existed ? [] : ["created the database \(path) (it did not exist)"]) + FacePersonaText.created(detail, report))
    }
}

/// What `face-persona create --json` prints: the stored persona and the photo check.
struct FacePersonaCreated: Encodable {
    var persona: FacePersonaDetail
    var check: PhotoCheckReport
    var database: String
    /// True when this command created the database file.
    var createdDatabase: Bool
}
