import Foundation
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// A private copy of the repository's skincare plugin, so tests can drop persona files in.
struct SkincareCopy {
    let plugins: URL
    var personas: URL { plugins.appendingPathComponent("skincare/personas") }

    init() throws {
        plugins = try Support.temporaryFolder()
        try FileManager.default.copyItem(at: Support.repository.appendingPathComponent("plugins/skincare"),
                                         to: plugins.appendingPathComponent("skincare"))
    }

    /// Copies `Tests/Fixtures/skincare-personas/<name>.lua` into the plugin's personas folder.
    func dropPersona(_ name: String) throws {
        try FileManager.default.copyItem(at: Support.fixture("skincare-personas/\(name).lua"),
                                         to: personas.appendingPathComponent("\(name).lua"))
    }

    /// Loads the copy afresh, as every CLI run does.
    func pipeline() throws -> FormulatePipeline {
        let set = try PluginLoader().loadAll(from: plugins)
        return FormulatePipeline(domain: try FormulationDomain.find(in: set))
    }

    func remove() { try? FileManager.default.removeItem(at: plugins) }
}

enum Skincare {
    /// The repository's own plugins folder, loaded once per call.
    static func pipeline() throws -> FormulatePipeline {
        let set = try PluginLoader().loadAll(from: Support.repository.appendingPathComponent("plugins"))
        return FormulatePipeline(domain: try FormulationDomain.find(in: set))
    }
}
