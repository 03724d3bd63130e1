import Builtins
import Foundation
import LuaBridge
import Plugins

/// One thing wrong with a plugin set, flattened for JSON (`/v1/plugins`, `/health`, error
/// bodies): the plugin, the file and line where the host can tell, and the message.
public struct PluginProblem: Sendable, Codable, Equatable {
    public var plugin: String?
    public var file: String?
    public var line: Int?
    public var message: String

    public init(plugin: String?, file: String?, line: Int?, message: String) {
        self.plugin = plugin
        self.file = file
        self.line = line
        self.message = message
    }

    /// The error's plugin, and its first located file and line.
    public init(_ error: PluginError) {
        let location = Self.location(of: error)
        self.init(plugin: error.plugin, file: location.file, line: location.line, message: error.description)
    }

    /// A failed case of a plugin's own test (`file:line` split when the location has a line).
    public init(_ testCase: PluginTestReport.Case) {
        let location = testCase.failure?.location ?? testCase.file
        var file: String? = location
        var line: Int?
        if let colon = location.lastIndex(of: ":"), let number = Int(location[location.index(after: colon)...]) {
            file = String(location[..<colon])
            line = number
        }
        let name = testCase.name.isEmpty ? testCase.file : "test '\(testCase.name)'"
        self.init(plugin: testCase.plugin, file: file, line: line, message: "\(name) failed: \(testCase.failure?.message ?? "no message")")
    }

    static func location(of error: PluginError) -> (file: String?, line: Int?) {
        switch error {
        case .script(_, let file, let lua):
            if let failure = lua.failure { return (failure.file ?? file, failure.line) }
            return (file, nil)
        case .hook(_, _, let lua), .formula(_, _, _, let lua):
            return (lua.failure?.file, lua.failure?.line)
        case .invalidManifest(let file, let problems):
            let located = problems.first { $0.location != nil }?.location
            return (located?.file ?? file, located?.line)
        case .badResult(_, _, _, let location):
            return (location?.file, location?.line)
        case .noManifest(let file, _), .conflict(_, let file, _), .incompatibleAPI(_, let file, _, _),
             .duplicateName(_, let file, _):
            return (file, nil)
        case .notFound(let path), .unreadable(let path, _):
            return (path, nil)
        case .missingInit(let folder):
            return (folder, nil)
        case .rejected:
            return (nil, nil)
        }
    }
}
