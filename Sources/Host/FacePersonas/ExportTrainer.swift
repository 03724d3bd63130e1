import Builtins
import Foundation

/// The "trainer" that trains nothing: it writes the accepted photos, the config and the trainer
/// request to a new folder, so a model can be trained elsewhere (another machine, a cloud
/// service) with any trainer that speaks the protocol. It never claims a model exists; the
/// version it makes is `exported`.
///
/// Layout (see `docs/TRAINERS.md`): `photos/NN.<ext>`, `config.json` (the config plus
/// `trigger_word`), `request.json` (the protocol request with paths relative to the folder and
/// `"output": "model"`) and `README.txt`. The folder is written as `.<name>.partial-<pid>` beside
/// it and renamed when complete; an existing folder is never replaced.
struct ExportTrainer {
    /// The folder to create (absolute).
    let folder: String

    func write(request: TrainerRequest, photos: [(record: FacePhotoRecord, path: String)],
               makePhoto: (FacePhotoRecord, String) -> TrainerRequest.Photo) throws {
        guard !FaceFolders.exists(folder) else { throw FacePersonaError.exportFolderExists(folder) }
        let url = URL(fileURLWithPath: folder)
        let parent = url.deletingLastPathComponent().path
        guard FaceFolders.exists(parent) else { throw FacePersonaError.files(path: parent, problem: "the export folder's parent does not exist") }
        let staging = parent + "/." + url.lastPathComponent + ".partial-\(getpid())"
        _ = FaceFolders.remove(staging, attempts: 1)
        do {
            try FaceFolders.createDirectory(staging + "/photos")
            var request = request
            for (index, photo) in photos.enumerated() {
                let name = String(format: "photos/%02d.", index + 1) + (photo.record.format.lowercased() == "png" ? "png" : "jpg")
                let data: Data
                do { data = try Data(contentsOf: URL(fileURLWithPath: photo.path)) } catch {
                    throw FacePersonaError.files(path: photo.path, problem: "the stored photo cannot be read (\(error.localizedDescription))")
                }
                try FaceFolders.write(data, to: staging + "/" + name)
                request.photos.append(makePhoto(photo.record, name))
            }
            var config: [String: JSONValue] = [:]
            if case .object(let object) = request.config { config = object }
            config["trigger_word"] = .string(request.persona.triggerWord)
            try FaceFolders.write(try Self.pretty(JSONValue.object(config)), to: staging + "/config.json")
            try FaceFolders.write(try Self.pretty(request), to: staging + "/request.json")
            try FaceFolders.write(Data(readme(request).utf8), to: staging + "/README.txt")
            try FaceFolders.rename(staging, to: folder)
        } catch {
            _ = FaceFolders.remove(staging, attempts: 1)
            throw error
        }
    }

    private static func pretty(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    private func readme(_ request: TrainerRequest) -> String {
        """
        Training set exported by persona-host for face persona "\(request.persona.triggerWord)", version \(request.persona.version).
        No model was trained: persona-host records this version as "exported".

        photos/       the \(request.photos.count) accepted photos, in order
        config.json   the trainer config, with "trigger_word"
        request.json  the trainer request (\(TrainerRequest.protocolName)); paths are relative to this folder

        To train with your own trainer, run it from this folder with the request on stdin:
            mkdir -p model && your-trainer < request.json
        It writes the model into model/. The protocol is described in docs/TRAINERS.md.

        """
    }
}
