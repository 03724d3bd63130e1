import Builtins
import Foundation
import Host
import Plugins

/// Which plugins read each users-table column, for `data stats`, as far as the plugins let the
/// host know: the stats never depend on the plugins, so a plugin that fails to load (or a
/// `filters` hook that fails) does not stop them; it makes this information incomplete, and
/// `notes` says so and why.
struct StatsReadBy {
    /// The plugins folder read, when there is one.
    var folder: String?
    /// The readers found (nil when no plugin could be consulted).
    var readers: ColumnReaders?
    /// Why the readers may be incomplete, each a sentence; empty when they are complete.
    var notes: [String]

    var isComplete: Bool { notes.isEmpty }

    /// Loads the plugins of `options` (broken ones left out and named in `notes`). A plugins
    /// folder named with `--plugins` must exist (exit 2, like a named database); when none is
    /// named and none is found, the stats go on and `notes` says so.
    static func load(_ options: PluginOptions) throws -> StatsReadBy {
        let lead = "which plugins read each column is incomplete"
        let folder: URL
        let set: PluginSet
        do {
            folder = try options.resolve().folder
            set = try loadSet(from: folder)
        } catch {
            if options.folder != nil { throw error }
            return StatsReadBy(folder: nil, readers: nil, notes: ["\(lead): no plugins were read (\(String(describing: error)))"])
        }
        var notes = set.failures.map { failure in
            "\(lead): plugin \(failure.name) failed to load (\(failure.error.description.split(separator: "\n").first ?? ""))"
        }
        var vocabulary: IntentVocabulary?
        do {
            vocabulary = try IntentVocabulary(plugins: set.plugins)
        } catch {
            notes.append("\(lead): the columns filters read are not shown, because \(error.description.split(separator: "\n").first ?? "")")
        }
        let readers = ColumnReaders(plugins: set.plugins, vocabulary: vocabulary)
        notes += readers.gaps.map { "\(lead): \($0)" }
        return StatsReadBy(folder: folder.path, readers: readers, notes: notes)
    }
}
