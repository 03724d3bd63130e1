import Builtins

/// Why a photo check could not judge a set, each with its documented exit status.
public enum PhotoCheckError: UserFacingError, Sendable {
    /// The folder is missing, not a folder, or holds no photo (exit 2).
    case folder(path: String, problem: String)
    /// Files that are not readable JPEG or PNG photos, every one named (exit 2).
    case unreadable([PhotoError])
    /// No plugin with `photos` rules, several, or the one named has none (exit 3).
    case plugin(String)
    /// The face detector cannot run (its cascade is missing) (exit 1).
    case detector(PhotoError)

    public var exitStatus: ExitStatus {
        switch self {
        case .folder, .unreadable: .usage
        case .plugin: .plugin
        case .detector: .failure
        }
    }

    public var description: String {
        switch self {
        case let .folder(path, problem): "\(path): \(problem)"
        case .unreadable(let errors):
            "\(errors.count) file(s) are not readable photos; nothing was judged:\n" + errors.map { "  \($0.description)" }.joined(separator: "\n")
        case .plugin(let message): message
        case .detector(let error): "the face detector cannot run: \(error.description)"
        }
    }
}
