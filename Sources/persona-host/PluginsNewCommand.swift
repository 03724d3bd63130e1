import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host plugins new NAME --kind KIND [--dir DIR]`: writes a commented plugin of that
/// kind with a test (and, for a goal domain, a users fixture) that passes `plugins check` and
/// `persona-host test` as written. Never overwrites; refuses a plugin that would clash with the
/// plugins already in the folder.
struct PluginsNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new plugin of one kind, with a test, ready to edit.",
        discussion: """
            Writes DIR/NAME/init.lua and DIR/NAME/tests/NAME_test.lua (a goal domain also gets \
            tests/users.csv, 200 users of the sample generator), all at once or not at all. DIR is the plugins \
            folder unless --dir says otherwise, and must exist. Kinds: goal (a goal domain selected by the words \
            of NAME: pet_owners by "pet owners"), formulation (a formulation domain; at most one per folder), \
            learning (a persona with id NAME that learns from feedback), tagging (a tagging rule).
            Exit codes: 0 written, 2 a bad NAME or --kind, DIR missing, DIR/NAME there already, or a clash with \
            a plugin of DIR (its name, its intent or goal words, a second formulation domain, a persona id), \
            3 a plugin of DIR does not load, 1 the files could not be written (nothing is left behind).
            """
    )

    @Argument(help: ArgumentHelp("The plugin's name: lower-case letters, digits, '_' and '-', starting with a letter.", valueName: "name"))
    var name: String
    @Option(help: ArgumentHelp("What the plugin provides: goal, formulation, learning, tagging or photos.", valueName: "kind"))
    var kind: String
    @Option(help: ArgumentHelp("The folder to write it in (default: the plugins folder).", valueName: "dir"))
    var dir: String?
    @OptionGroup var plugins: PluginOptions
    @Flag(help: "Print what was written as JSON on stdout.") var json = false

    /// What `--json` prints.
    struct Written: Encodable {
        var plugin: String
        var kind: PluginScaffold.Kind
        /// The new plugin's folder and files, as paths are shown (relative to the working directory when inside it).
        var folder: String
        var files: [String]
        /// The commands to run next.
        var next: [String]
    }

    func run() throws {
        let scaffold = try PluginScaffold(name: name, kind: try Self.kind(kind))
        let defaultFolder = try? plugins.resolve().folder  // none is fine when --dir is given; checked below otherwise
        let folder: URL
        let shown: String
        if let dir {
            folder = URL(fileURLWithPath: dir)
            shown = dir.hasSuffix("/") && dir.count > 1 ? String(dir.dropLast()) : dir
        } else {
            folder = try plugins.resolve().folder
            shown = Self.display(folder)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ScaffoldError.noFolder(shown)
        }
        for taken in [name, "\(name).lua"] where FileManager.default.fileExists(atPath: folder.appendingPathComponent(taken).path) {
            throw ScaffoldError.exists("\(shown)/\(taken)")
        }
        let set = try loadSet(from: folder)
        guard set.failures.isEmpty else {
            throw ScaffoldError.folderBroken(folder: shown, failures: set.failures.map { "\($0.name): \($0.error.description)" })
        }
        try scaffold.check(against: set, folder: shown)
        if let goal = scaffold.goal { try Self.checkWords(of: goal, category: name, against: set) }
        try scaffold.write(into: folder, display: shown)

        let isDefault = defaultFolder.map { $0.standardizedFileURL.path == folder.standardizedFileURL.path } ?? false
        let written = Written(plugin: name, kind: scaffold.kind, folder: "\(shown)/\(name)",
                              files: scaffold.files.map { "\(shown)/\(name)/\($0.path)" },
                              next: Self.next(scaffold, folder: shown, isDefault: isDefault))
        if json {
            try Output.json(written)
        } else {
            Output.lines(["Wrote \(written.folder), \(scaffold.kind.summary):"] + written.files.map { "  \($0)" }
                         + ["Edit \(written.folder)/init.lua, then:"] + written.next.map { "  \($0)" })
        }
    }

    /// Refuses a goal whose words the folder's taxonomy already reads as another intent, or that
    /// another intent's terms contain (goals using those terms would select the new plugin too):
    /// either way the new plugin's test, or another plugin's, would read goals differently.
    static func checkWords(of goal: String, category: String, against set: PluginSet) throws {
        let taxonomy = Taxonomy(plugins: set.plugins)
        let owned = GoalReading(text: goal, taxonomy: taxonomy).detected.map {
            ScaffoldError.OwnedWord(category: $0.category, words: $0.matches.map(\.text), plugins: taxonomy.declaredBy[$0.category] ?? [])
        }
        if !owned.isEmpty { throw ScaffoldError.wordsOwned(goal: goal, owned) }
        let ours = IntentScorer(categories: [.init(name: category, terms: [goal])])
        let containing = taxonomy.categories.compactMap { other -> ScaffoldError.OwnedWord? in
            let phrases = (other.terms + other.synonyms.keys.sorted()).filter { ours.score($0).contains(where: \.detected) }
            return phrases.isEmpty ? nil : .init(category: other.name, words: phrases, plugins: taxonomy.declaredBy[other.name] ?? [])
        }
        if !containing.isEmpty { throw ScaffoldError.wordsInTerms(goal: goal, containing) }
    }

    /// The kind named by `--kind`, or a usage error listing the kinds.
    static func kind(_ text: String) throws -> PluginScaffold.Kind {
        guard let kind = PluginScaffold.Kind(rawValue: text) else {
            let kinds = PluginScaffold.Kind.allCases.map(\.rawValue)
            throw CLIFailure(status: .usage, message: "--kind must be \(kinds.dropLast().joined(separator: ", ")) or \(kinds.last ?? ""), "
                             + "got '\(text)'\(Suggestion.phrase(for: text, among: kinds))")
        }
        return kind
    }

    /// The commands that check, test and run the new plugin; `--plugins DIR` where DIR is not
    /// the plugins folder the host finds by itself.
    static func next(_ scaffold: PluginScaffold, folder: String, isDefault: Bool) -> [String] {
        let dir = shellWord(folder)
        let plugins = isDefault ? "" : " --plugins \(dir)"
        var commands = [isDefault ? "persona-host plugins check" : "persona-host plugins check \(dir)",
                        "persona-host test \(shellWord("\(folder)/\(scaffold.name)"))"]
        switch scaffold.kind {
        case .goal:
            commands.append("persona-host run goal \"\(scaffold.goal ?? scaffold.name)\"\(plugins)")
        case .formulation:
            commands.append("persona-host run formulate --persona everyday --concerns dryness\(plugins)")
        case .learning:
            commands.append("persona-host feedback add --persona \(scaffold.name) --type categorical --value too_formal\(plugins)")
        case .tagging:
            commands.append("persona-host dataset generate --rows 1000 --out sample.jsonl")
            commands.append("persona-host dataset tag sample.jsonl --out tagged --plugin \(scaffold.name)\(plugins)")
        case .photos:
            commands.append("persona-host photos check PHOTOS_FOLDER --plugin \(scaffold.name)\(plugins)")
        }
        return commands
    }

    /// `folder` relative to the working directory when inside it, else its full path.
    static func display(_ folder: URL) -> String {
        let path = folder.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// `word` quoted for a POSIX shell when it needs to be.
    static func shellWord(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_./-+=:@,".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
