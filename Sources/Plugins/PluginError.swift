import LuaBridge
import Builtins
/// Everything that can go wrong with a plugin, with enough context to fix it.
///
/// Descriptions start with the file (`plugins/parenting/init.lua: …` or `…/init.lua:12: …`)
/// so editors and terminals can jump to it.
public enum PluginError: UserFacingError, Sendable {
    /// The plugins folder (or a path given to `plugins check`) does not exist.
    case notFound(path: String)
    /// The plugins folder exists but cannot be listed (permissions, I/O).
    case unreadable(path: String, reason: String)
    /// A plugin folder has no `init.lua`.
    case missingInit(folder: String)
    /// The plugin's code failed to compile or raised while loading.
    case script(plugin: String, file: String, LuaError)
    /// The file ran but did not return a manifest table.
    case noManifest(file: String, got: String)
    /// The manifest breaks the plugin contract (each problem names its field and, when the host
    /// can tell, the file and line where it is written).
    case invalidManifest(file: String, problems: [ContractProblem])
    /// The plugin is fine alone but conflicts with the others (a `selected_by` naming an intent no
    /// plugin declares, two default domains, two formulation domains, a persona id twice).
    case conflict(plugin: String, file: String, problem: String)
    /// The plugin targets a host API this build does not speak.
    case incompatibleAPI(plugin: String, file: String, wanted: Int64, supported: [Int64])
    /// Two plugins claim the same name.
    case duplicateName(name: String, file: String, otherFile: String)
    /// A hook raised an error or broke a budget while a pipeline called it.
    case hook(plugin: String, hook: String, LuaError)
    /// A feature formula failed (raised, broke a budget or gave a non-number) for one user.
    case formula(plugin: String, formula: String, userID: Int64, LuaError)
    /// A hook returned something off its spec (`location`: where the hook is defined).
    case badResult(plugin: String, hook: String, problem: String, location: SourceLocation? = nil)
    /// A hook refused the user's input with `host.reject(message)`: an input error, not a plugin fault.
    case rejected(plugin: String, hook: String, message: String)

    /// The plugin concerned, when one is known.
    public var plugin: String? {
        switch self {
        case .script(let p, _, _), .incompatibleAPI(let p, _, _, _), .hook(let p, _, _), .badResult(let p, _, _, _),
             .formula(let p, _, _, _), .rejected(let p, _, _): p
        case .duplicateName(let name, _, _): name
        case .conflict(let p, _, _): p
        case .notFound, .unreadable, .missingInit, .noManifest, .invalidManifest: nil
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such plugin, plugins folder or file"
        case let .unreadable(path, reason):
            return "\(path): cannot list the plugins folder: \(reason)"
        case .missingInit(let folder):
            return "\(folder): a plugin folder needs an init.lua that returns the manifest"
        case let .script(_, file, error):
            let text = error.description
            return error.failure?.file == nil ? "\(file): \(text)" : text
        case let .noManifest(file, got):
            return "\(file): must return the plugin's manifest table, returned \(got)"
        case let .invalidManifest(file, problems):
            return problems.map { $0.location == nil ? "\(file): \($0.message)" : $0.description }.joined(separator: "\n")
        case let .conflict(_, file, problem):
            return "\(file): \(problem)"
        case let .incompatibleAPI(plugin, file, wanted, supported):
            let list = supported.map(String.init).joined(separator: ", ")
            return "\(file): plugin '\(plugin)' targets host API \(wanted), but this persona-host speaks API \(list); "
                + "update the plugin's `api` field or use a matching persona-host"
        case let .duplicateName(name, file, other):
            return "\(file): another plugin is also named '\(name)' (\(other)); plugin names must be unique"
        case let .hook(plugin, hook, error):
            let text = error.description
            return error.failure?.file == nil ? "plugin '\(plugin)', \(hook): \(text)" : "\(text) (plugin '\(plugin)', \(hook))"
        case let .formula(plugin, formula, user, error):
            let text = error.description
            return "plugin '\(plugin)', formula '\(formula)', user_id \(user): \(text)"
        case let .badResult(plugin, hook, problem, location):
            return (location.map { "\($0): " } ?? "") + "plugin '\(plugin)', \(hook): \(problem)"
        case let .rejected(_, _, message):
            return message
        }
    }

    /// A rejected input is the user's to fix (exit 2); a missing plugins folder too; everything
    /// else is the plugin's (exit 3).
    public var exitStatus: ExitStatus {
        switch self {
        case .rejected, .notFound: .usage
        case .unreadable: .failure
        default: .plugin
        }
    }
}
