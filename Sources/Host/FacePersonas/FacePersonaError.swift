import Builtins

/// Why a face persona command stopped, with what a person needs to fix it. Input problems (a
/// bad trigger word or consent file, an unknown persona, an action the persona's state does not
/// allow) exit 2; files the host cannot write exit 1. A trainer that fails is not an error: it
/// is a version in state `failed`, returned to the caller.
public enum FacePersonaError: UserFacingError, Sendable, Equatable {
    /// The trigger word breaks `rule`.
    case invalidTriggerWord(String, rule: String)
    /// Another persona has this trigger word (compared regardless of case).
    case triggerWordTaken(String, by: String)
    /// No persona has this trigger word.
    case noPersona(String)
    /// A persona needs at least one photo.
    case noPhotos
    /// A photo given to `create` cannot be used.
    case badPhoto(path: String, problem: String)
    /// The consent file does not exist or cannot be read.
    case consentFile(path: String, problem: String)
    /// A field of the consent file is missing or wrong (`field` is a JSON path, `consent_items.ai_training`).
    case consent(path: String, field: String, problem: String)
    /// The persona's state does not allow `action`.
    case illegalTransition(triggerWord: String, current: FacePersonaStatus, action: FaceLifecycle.Action)
    /// A trainer job is running for the persona (deletion waits for it).
    case jobRunning(job: String, pid: Int)
    /// The persona has no accepted photo to train on.
    case noAcceptedPhotos(String)
    /// The training timeout is not a positive number of seconds.
    case invalidTimeout(Double)
    /// The trainer config is not a JSON object.
    case invalidConfig(String)
    /// The export folder already exists (an export never replaces a folder).
    case exportFolderExists(String)
    /// A file or folder of the face store (or an export) could not be written or moved.
    case files(path: String, problem: String)
    /// The host was interrupted (Ctrl-C, SIGTERM, SIGHUP) during a training: the trainer was
    /// stopped and the version recorded as failed.
    case interrupted(signal: Int32)

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidTriggerWord, .triggerWordTaken, .noPersona, .noPhotos, .badPhoto, .consentFile, .consent,
             .illegalTransition, .jobRunning, .noAcceptedPhotos, .invalidTimeout, .invalidConfig, .exportFolderExists: .usage
        case .files, .interrupted: .failure
        }
    }

    public var description: String {
        switch self {
        case let .invalidTriggerWord(word, rule):
            "trigger word \"\(word)\" is not valid: \(rule)"
        case let .triggerWordTaken(word, existing):
            "trigger word \"\(word)\" is taken by persona \"\(existing)\""
        case let .noPersona(word):
            "no face persona named \(word); `face-persona list` shows them"
        case .noPhotos:
            "a face persona needs at least one photo; none were given"
        case let .badPhoto(path, problem):
            "\(path): \(problem)"
        case let .consentFile(path, problem):
            "consent file \(path) \(problem)"
        case let .consent(path, field, problem):
            "consent file \(path), \(field): \(problem)"
        case let .illegalTransition(word, current, action):
            "face persona \"\(word)\" is \(current.rawValue): \(action.verb) needs it to be "
                + FaceLifecycle.allowedStates(for: action).map(\.rawValue).joined(separator: ", ", last: " or ")
                + (current == .training && action == .train ? " (a trainer is running for it)" : "")
        case let .jobRunning(job, pid):
            "training job \(job) is running (pid \(pid)); wait for it to end before deleting the persona"
        case let .noAcceptedPhotos(word):
            "face persona \"\(word)\" has no accepted photo to train on; create it again with photos the rules accept"
        case let .invalidTimeout(seconds):
            "the training timeout must be more than 0 seconds (got \(seconds))"
        case let .invalidConfig(problem):
            "trainer config: \(problem)"
        case let .exportFolderExists(path):
            "\(path) already exists; an export writes a new folder (remove it or choose another)"
        case let .files(path, problem):
            "\(path): \(problem)"
        case let .interrupted(signal):
            "interrupted by signal \(signal): the trainer was stopped and the version is recorded as failed"
        }
    }
}

extension Array where Element == String {
    /// `a, b or c`.
    func joined(separator: String, last: String) -> String {
        count <= 1 ? joined() : dropLast().joined(separator: separator) + last + self[count - 1]
    }
}
