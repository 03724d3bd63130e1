import Foundation
import Builtins
import Plugins
import TestSupport
@testable import Host

/// A temporary database of generated users with one saved goal run, and a copy of the shipped
/// plugins that a test may change (to edit or break the domain plugin after the run).
struct ReportFixture {
    let folder: URL
    let plugins: URL
    let database: PersonaDatabase
    let runID: Int64

    /// `rename` changes the first persona's name before the run is saved.
    init(goal: String = "moms", rename: String? = nil) throws {
        folder = try Support.temporaryFolder()
        plugins = folder.appendingPathComponent("plugins")
        try FileManager.default.copyItem(at: Support.plugins, to: plugins)
        database = try PersonaDatabase(path: folder.appendingPathComponent("users.sqlite").path)
        _ = try UserStore(database: database).generate(rows: 3_000, seed: 7)
        let loader = PluginLoader()
        let pipeline = GoalPipeline(plugins: try loader.loadAll(from: plugins), database: database, loader: loader)
        var options = GoalPipeline.Options(goal: goal)
        options.save = false
        var run = try pipeline.run(options)
        if let rename { run.personas[0].name = rename }
        runID = try pipeline.save(run)
    }

    /// The report with the plugins folder as it is now.
    func report() throws -> RunReport {
        let loader = PluginLoader()
        return try RunReport.build(runID: runID, database: database, plugins: try loader.loadAll(from: plugins), loader: loader)
    }

    /// Appends `text` to the domain plugin's main file.
    func editDomain(appending text: String) throws {
        let file = plugins.appendingPathComponent("parenting/init.lua")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
