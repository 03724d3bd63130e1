import Builtins
import Foundation

/// Why `persona-host plugins new` wrote nothing: a name the contract refuses, a folder that is
/// there already, or a plugin that would clash with the plugins of the target folder.
public enum ScaffoldError: UserFacingError, Sendable {
    /// A goal word of the new plugin that the folder's taxonomy already reads as another intent.
    public struct OwnedWord: Sendable, Equatable {
        public var category: String
        /// The words of the new plugin's goal that matched that category.
        public var words: [String]
        /// The plugins that declare the category.
        public var plugins: [String]

        public init(category: String, words: [String], plugins: [String]) {
            self.category = category
            self.words = words
            self.plugins = plugins
        }
    }

    /// NAME breaks the plugin-name rule.
    case invalidName(String)
    /// The target folder does not exist (a typo must not create a new plugins folder).
    case noFolder(String)
    /// `DIR/NAME` (or `DIR/NAME.lua`) is already there.
    case exists(String)
    /// The target folder's plugins do not all load, so the new plugin cannot be checked against them.
    case folderBroken(folder: String, failures: [String])
    /// A plugin of that name is already in the folder.
    case nameTaken(name: String, path: String)
    /// Another plugin already declares an intent category of that name.
    case categoryTaken(category: String, plugins: [String])
    /// The new plugin's goal words are read as other plugins' intents.
    case wordsOwned(goal: String, [OwnedWord])
    /// Other plugins' terms contain the new plugin's goal words, so goals that use them would
    /// select the new plugin too (`words` of each entry are those terms).
    case wordsInTerms(goal: String, [OwnedWord])
    /// The folder already has a formulation domain (at most one per folder).
    case formulationExists(plugin: String, folder: String)
    /// A learning persona with that id already belongs to another plugin.
    case personaTaken(id: String, plugin: String)
    /// Writing the files failed (nothing is left behind).
    case write(path: String, reason: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .folderBroken: .plugin
        case .write: .failure
        default: .usage
        }
    }

    public var description: String {
        switch self {
        case .invalidName(let name):
            "'\(name)' is not a valid plugin name: \(PluginScaffold.nameRule)"
        case .noFolder(let folder):
            "\(folder): no such folder (create it first, or give --dir an existing plugins folder)"
        case .exists(let path):
            "\(path) already exists; plugins new never overwrites: choose another NAME, or move it away"
        case .folderBroken(let folder, let failures):
            "cannot check the new plugin against \(folder): \(failures.count == 1 ? "a plugin does" : "\(failures.count) plugins do") not load "
                + "(fix it, or use --dir with another folder):\n" + failures.map { "  \($0)" }.joined(separator: "\n")
        case .nameTaken(let name, let path):
            "a plugin named '\(name)' is already in the folder (\(path)); choose another NAME"
        case .categoryTaken(let category, let plugins):
            "the intent category '\(category)' is already declared by \(plugins.joined(separator: ", ")); choose another NAME "
                + "(the scaffold names its intent after the plugin)"
        case .wordsOwned(let goal, let owned):
            "the goal \"\(goal)\" would not select the new plugin alone: "
                + owned.map { "\($0.words.map { "'\($0)'" }.joined(separator: ", ")) is read as \($0.category) "
                    + "(declared by \($0.plugins.joined(separator: ", ")))" }.joined(separator: "; ")
                + "; choose a NAME whose words no other plugin owns, or use --dir with another folder"
        case .wordsInTerms(let goal, let owned):
            "the goal words \"\(goal)\" are part of other plugins' terms: "
                + owned.map { "\($0.words.map { "'\($0)'" }.joined(separator: ", ")) of \($0.category) "
                    + "(declared by \($0.plugins.joined(separator: ", ")))" }.joined(separator: "; ")
                + ", so goals using those would select the new plugin too; choose a NAME whose words no other plugin owns, "
                + "or use --dir with another folder"
        case .formulationExists(let plugin, let folder):
            "\(folder) already has a formulation domain (\(plugin)), and a folder holds at most one: "
                + "use --dir with another folder (persona-host --plugins DIR then runs it)"
        case .personaTaken(let id, let plugin):
            "the learning persona '\(id)' already belongs to the plugin \(plugin) (persona ids are unique in a folder); choose another NAME"
        case .write(let path, let reason):
            "cannot write \(path): \(reason) (nothing was written)"
        }
    }
}
