import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host intents`: the goal vocabulary in force, from the plugins' `intents`: every
/// category with the plugin that declares it and its threshold, every term with its synonyms,
/// and the conditions on the users table each term produces (through the plugins' `filters`,
/// exactly as a run reads and plans the goal made of that term alone).
struct IntentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intents",
        abstract: "List the goal vocabulary: every intent category, term and synonym, who declares it, and the conditions each term produces.",
        discussion: """
            Each term's conditions come from reading the goal made of just that term, as `run goal` would, and \
            calling the filters of the plugins that declare its category. A term counts 0.90 as written, 0.85 \
            inflected (moms), 0.60 through a synonym; a category is detected at or above its threshold \
            (docs/PLUGINS.md, "How goal words match intents").
            """
    )

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var loading: PluginLoadOptions
    @Flag(help: "Print JSON on stdout.") var json = false

    func run() throws {
        let resolution = try plugins.resolve()
        let session = try PluginSession.load(plugins, loading)
        let vocabulary: IntentVocabulary
        do {
            vocabulary = try IntentVocabulary(plugins: session.set.plugins)
        } catch {
            throw CLIFailure(status: error.exitStatus, message: "reading the intents: \(error.description)")
        }
        let report = IntentsReport(pluginsFolder: resolution.folder.path, categories: vocabulary.categories, skippedPlugins: session.skipped)
        if json {
            try Output.json(report)
        } else {
            Output.lines(report.lines)
        }
    }
}
