import Builtins
import Foundation

/// Which trainer makes a version: an outside program speaking the trainer protocol
/// (`docs/TRAINERS.md`), or an export of the training set to a folder for a trainer run
/// elsewhere (the host then never claims a model exists).
public enum TrainerChoice: Sendable, Equatable {
    /// A command run with `/bin/sh -c` in the version's model folder.
    case command(String)
    /// A folder to create with the photos, config and request.
    case export(folder: String)
}

/// What a running training reports to the caller, as it happens.
public enum TrainerEvent: Sendable, Equatable {
    /// The version and job are recorded and the trainer started (`pid` is 0 for an export).
    case started(version: Int, job: String, pid: Int32)
    /// A `training` line: progress 0–100, with the trainer's message and its own id when given.
    case progress(percent: Int, message: String?, externalID: String?)
    /// The training ended (the version's status says how: validating, failed or exported).
    case finished(FaceVersionStatus, error: String?)
}

/// The one JSON object written to a trainer's stdin (`persona-host-trainer/1`).
public struct TrainerRequest: Sendable, Codable, Equatable {
    public static let protocolName = "persona-host-trainer/1"

    /// Which persona and version is trained.
    public struct Persona: Sendable, Codable, Equatable {
        public var triggerWord: String
        public var version: Int
        enum CodingKeys: String, CodingKey { case triggerWord = "trigger_word", version }
    }

    /// One accepted photo, as the trainer sees it.
    public struct Photo: Sendable, Codable, Equatable {
        /// Absolute (or, in an export, relative to the export folder).
        public var path: String
        public var width: Int
        public var height: Int
        public var overall: Double
        /// The largest face's box in the photo's pixels, when the measures found one.
        public var face: FaceBox?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(overall, forKey: .overall)
            try container.encode(face, forKey: .face)  // null when there is none, never left out
        }
        enum CodingKeys: String, CodingKey { case path, width, height, overall, face }
    }

    public var `protocol`: String = TrainerRequest.protocolName
    public var job: String
    public var persona: Persona
    /// The accepted photos in position order.
    public var photos: [Photo]
    public var config: JSONValue
    /// The model folder (absolute; `model` in an export).
    public var output: String

    /// The request as one line of JSON (keys sorted).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The face box of a photo's stored facts: `face` (the largest face), or `faces[0]` when
    /// the measures list every box.
    static func face(in measures: JSONValue) -> FaceBox? {
        guard case .object(let object) = measures else { return nil }
        var found: JSONValue? = object["face"]
        if found == nil, case .array(let faces)? = object["faces"] { found = faces.first }
        guard case .object(let box)? = found, case .number(let x)? = box["x"], case .number(let y)? = box["y"], case .number(let width)? = box["width"],
              case .number(let height)? = box["height"] else { return nil }
        return FaceBox(x: Int(x), y: Int(y), width: Int(width), height: Int(height))
    }
}

/// One line a trainer writes to stdout, read by ``parse(_:number:)``.
enum TrainerLine: Equatable {
    case training(progress: Int, message: String?, externalID: String?)
    case trained(model: String)
    case failed(error: String)

    /// The line, or the reason it breaks the protocol (`trainer line 3: …`).
    static func parse(_ text: String, number: Int) -> Result<TrainerLine, TrainerLineError> {
        func bad(_ problem: String) -> Result<TrainerLine, TrainerLineError> {
            .failure(TrainerLineError(description: "trainer line \(number): \(problem)"))
        }
        let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) } catch {
            return bad("not JSON: \(shown)")
        }
        guard case .object(let object) = value else { return bad("not a JSON object: \(shown)") }
        guard case .string(let status)? = object["status"] else { return bad("no \"status\" string: \(shown)") }
        func string(_ key: String) -> String? { if case .string(let s)? = object[key] { s } else { nil } }
        switch status {
        case "training":
            guard case .number(let progress)? = object["progress"], (0...100).contains(progress) else {
                return bad("a training line needs \"progress\" from 0 to 100: \(shown)")
            }
            return .success(.training(progress: Int(progress), message: string("message"), externalID: string("external_id")))
        case "trained":
            guard let model = string("model"), !model.isEmpty else { return bad("a trained line needs \"model\" (a path or URI): \(shown)") }
            return .success(.trained(model: model))
        case "failed":
            return .success(.failed(error: string("error") ?? "the trainer failed without saying why"))
        default:
            return bad("unknown status \"\(status)\" (training, trained or failed)")
        }
    }
}

/// A stdout line that breaks the trainer protocol.
struct TrainerLineError: Error, Equatable {
    var description: String
}
