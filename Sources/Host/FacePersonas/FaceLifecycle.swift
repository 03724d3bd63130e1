import Builtins

/// Where a face persona stands: its latest version's status, or `pending` before its first
/// training or export.
public enum FacePersonaStatus: String, Sendable, Codable, CaseIterable {
    case pending, training, validating, ready, failed, exported

    /// The status of a persona whose latest version is `latest`.
    public init(latest: FaceVersionStatus?) {
        guard let latest else { self = .pending; return }
        switch latest {
        case .training: self = .training
        case .validating: self = .validating
        case .ready: self = .ready
        case .failed: self = .failed
        case .exported: self = .exported
        }
    }
}

/// The face persona state machine: which action is legal in which state, and the version status
/// it leads to. The service asks it before every write, so no code path can move a persona
/// somewhere the lifecycle does not allow.
///
/// ```
/// pending ──train──▶ training ──trained──▶ validating ──passed──▶ ready
///    │                  │                      └──────failed─────▶ failed
///    └──export──▶ exported                └──failed (trainer)──▶ failed
/// ready, failed, exported ──train / export──▶ a NEW version (training / exported)
/// ```
public enum FaceLifecycle {
    /// What happens to a persona.
    public enum Action: String, Sendable, Codable, CaseIterable {
        /// Start a trainer (a new version).
        case train
        /// Export the photos for an outside trainer (a new version).
        case export
        /// The trainer reported a model.
        case trainerSucceeded
        /// The trainer failed, crashed, timed out or was interrupted.
        case trainerFailed
        /// The validation plugin accepted the model.
        case validationPassed
        /// The validation plugin rejected the model.
        case validationFailed

        /// The command word a person typed for it.
        public var verb: String {
            switch self {
            case .train: "train"
            case .export: "export"
            case .trainerSucceeded, .trainerFailed: "finishing a training"
            case .validationPassed, .validationFailed: "validate"
            }
        }

        /// Whether the action starts a new version (rather than moving the latest one).
        public var startsNewVersion: Bool { self == .train || self == .export }
    }

    /// The status the (new or latest) version gets when `action` happens in `state`; nil when
    /// the action is not legal there.
    public static func next(from state: FacePersonaStatus, _ action: Action) -> FaceVersionStatus? {
        switch (state, action) {
        case (.pending, .train), (.ready, .train), (.failed, .train), (.exported, .train): .training
        case (.pending, .export), (.ready, .export), (.failed, .export), (.exported, .export): .exported
        case (.training, .trainerSucceeded): .validating
        case (.training, .trainerFailed): .failed
        case (.validating, .validationPassed): .ready
        case (.validating, .validationFailed): .failed
        default: nil
        }
    }

    /// The states in which `action` is legal.
    public static func allowedStates(for action: Action) -> [FacePersonaStatus] {
        FacePersonaStatus.allCases.filter { next(from: $0, action) != nil }
    }

    /// The status `action` leads to from `state`, or ``FacePersonaError/illegalTransition(triggerWord:current:action:)``.
    public static func check(_ triggerWord: String, from state: FacePersonaStatus, _ action: Action) throws(FacePersonaError) -> FaceVersionStatus {
        guard let next = next(from: state, action) else {
            throw .illegalTransition(triggerWord: triggerWord, current: state, action: action)
        }
        return next
    }
}
