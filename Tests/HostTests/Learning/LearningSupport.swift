import Foundation
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// A learning pipeline over the repository's plugins (or a copy) and a fresh database, with a
/// clock the test moves.
final class LearningFixture {
    let folder: URL
    let database: PersonaDatabase
    let plugins: PluginSet
    var pipeline: LearningPipeline

    init(plugins folder: URL = Support.repository.appendingPathComponent("plugins")) throws {
        self.folder = try Support.temporaryFolder()
        database = try PersonaDatabase(path: self.folder.appendingPathComponent("learning.sqlite").path)
        plugins = try PluginLoader().loadAll(from: folder)
        pipeline = try LearningPipeline(plugins: plugins, database: database)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    /// Feedback at `seconds` after the epoch.
    func feedback(_ type: String, _ value: JSONValue, interaction: Int64? = nil, at seconds: Double, id: String? = nil) -> FeedbackInput {
        feedback(for: "echo", type, value, interaction: interaction, at: seconds, id: id)
    }

    func feedback(for persona: String, _ type: String, _ value: JSONValue, interaction: Int64? = nil,
                  at seconds: Double, id: String? = nil) -> FeedbackInput {
        FeedbackInput(persona: persona, interactionID: interaction, type: type, value: value,
                      time: LearningFixture.epoch.addingTimeInterval(seconds), externalID: id)
    }

    func traits(_ persona: String = "echo") throws -> [String: Double] { try pipeline.currentTraits(of: persona).traits }
}
