import Host
import Plugins
import TestSupport

extension PhotoSetFixture {
    /// The shipped plugin's photo rules.
    static func rules() throws -> (PhotoRules, PluginLoader) {
        let loader = PluginLoader()
        let set = try loader.loadAll(from: Support.plugins)
        return (try PhotoRules(from: set, named: "face_persona"), loader)
    }
}
