import Foundation

/// A new plugin of one kind, ready to write (`persona-host plugins new NAME --kind KIND`): its
/// files, each a commented example that passes `plugins check` and `persona-host test` as written.
///
/// The name must be a valid plugin name. Before writing, ``check(against:)`` compares the plugin
/// with the plugins already in the target folder (its name, its intent, a second formulation
/// domain, a persona id), so that it loads and its tests pass next to them.
public struct PluginScaffold: Sendable {
    /// What the plugin provides.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// A goal domain: intent, filters, features, clustering, persona naming.
        case goal
        /// A formulation domain: ingredients, personas, multipliers.
        case formulation
        /// A persona that learns from feedback: traits and feedback mappings.
        case learning
        /// A tagging rule.
        case tagging
        /// Photo-set rules for face personas.
        case photos

        /// How the kind is described in messages.
        public var summary: String {
            switch self {
            case .goal: "a goal domain"
            case .formulation: "a formulation domain"
            case .learning: "a learning persona"
            case .tagging: "a tagging rule"
            case .photos: "photo-set rules for face personas"
            }
        }
    }

    /// One file of the plugin, relative to its folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: String

        init(_ path: String, _ contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    public let name: String
    public let kind: Kind
    /// The files, `init.lua` first.
    public let files: [File]

    /// The plugin-name rule, as messages state it.
    public static let nameRule = "a plugin name uses lower-case letters, digits, '_' and '-', starts with a letter "
        + "and has at most 64 characters (e.g. pet_owners)"

    public init(name: String, kind: Kind) throws(ScaffoldError) {
        guard PluginNaming.isValid(name) else { throw .invalidName(name) }
        self.name = name
        self.kind = kind
        let words = ScaffoldWords(name: name)
        switch kind {
        case .goal: files = GoalTemplate(words: words).files
        case .formulation: files = FormulationTemplate(words: words).files
        case .learning: files = LearningTemplate(words: words).files
        case .tagging: files = TaggingTemplate(words: words).files
        case .photos: files = PhotosTemplate(words: words).files
        }
    }

    /// For a goal domain, the goal that selects it: the name's words (`pet owners`).
    public var goal: String? { kind == .goal ? ScaffoldWords(name: name).term : nil }

    /// The learning persona's id, for a learning plugin.
    public var personaID: String? { kind == .learning ? name : nil }

    /// Refuses a plugin that would clash with `set`, the plugins already in the target folder:
    /// its name taken, for a goal domain its intent category declared already, a second
    /// formulation domain, a learning persona id taken. (Whether the goal's words read as other
    /// intents needs the host's taxonomy: the caller checks that.) `set` must have no failures;
    /// `folder` is how its folder is named in messages.
    public func check(against set: PluginSet, folder: String) throws(ScaffoldError) {
        if let taken = set.plugin(named: name) { throw .nameTaken(name: name, path: taken.source.displayPath) }
        switch kind {
        case .goal:
            let declaring = set.plugins.filter { $0.contract.intents.contains { $0.category == name } }.map(\.name)
            if !declaring.isEmpty { throw .categoryTaken(category: name, plugins: declaring) }
        case .formulation:
            if let domain = set.plugins.first(where: { $0.contract.formulation != nil }) {
                throw .formulationExists(plugin: domain.name, folder: folder)
            }
        case .learning:
            if let owner = set.plugins.first(where: { $0.contract.learningPersonas.contains { $0.id == name } }) {
                throw .personaTaken(id: name, plugin: owner.name)
            }
        case .tagging, .photos:
            break
        }
    }

    /// Writes the plugin as `folder/NAME`, all at once: the files are written into a hidden
    /// temporary sibling folder, which is then renamed into place, so the folder is either
    /// complete or absent. Refuses (``ScaffoldError/exists(_:)``) when `folder/NAME` or
    /// `folder/NAME.lua` is there already. Returns the new folder.
    @discardableResult
    public func write(into folder: URL, display: String) throws(ScaffoldError) -> URL {
        try ScaffoldWriter(folder: folder, display: display).write(name: name, files: files)
    }
}
