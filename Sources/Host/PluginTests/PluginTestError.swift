import Builtins
import Plugins

/// Why `persona-host test` could not run the tests it was asked for (a failing test is not an
/// error: it is in the report).
public enum PluginTestError: UserFacingError, Sendable {
    /// A path that is neither a plugins folder, a plugin, nor a test file.
    case notATestPath(path: String, why: String)
    /// A plugin or test file named explicitly holds no tests.
    case noTests(path: String)
    /// Plugins of the folder a test needs did not load: tests of a set that does not load would
    /// test something no run uses.
    case pluginsFailed([PluginSet.Failure])
    /// A plugins folder could not be read.
    case plugin(PluginError)

    public var exitStatus: ExitStatus {
        switch self {
        case .notATestPath, .noTests: .usage
        case .pluginsFailed: .plugin
        case .plugin(let error): error.exitStatus
        }
    }

    public var description: String {
        switch self {
        case .notATestPath(let path, let why):
            "\(path): \(why) (give a plugins folder, a plugin's folder, or a test file PLUGIN/tests/NAME_test.lua)"
        case .noTests(let path):
            "\(path): no tests (a plugin's tests are the files tests/*_test.lua in its folder; see docs/PLUGINS.md, 'Testing a plugin')"
        case .pluginsFailed(let failures):
            "cannot test: \(failures.count == 1 ? "a plugin does" : "\(failures.count) plugins do") not load:\n"
                + failures.map { "  \($0.name): \($0.error.description)" }.joined(separator: "\n")
        case .plugin(let error): error.description
        }
    }
}
