import Foundation
import LuaBridge
import Builtins

/// Where the plugins folder is, in a documented order, and why that one was chosen.
///
/// 1. `--plugins DIR`; 2. `$PERSONA_HOST_PLUGINS`; 3. `./plugins` in the working directory;
/// 4. the `plugins/` folder of the checkout the running binary was built in (found by walking up
/// from the executable to a folder holding both `Package.swift` and `plugins/`); 5. the
/// `plugins/` folder of the source tree this binary was compiled from.
public struct PluginSearchPath: Sendable {
    /// The folder and the rule that chose it.
    public struct Resolution: Sendable, Equatable {
        public var folder: URL
        public var reason: String
    }

    public var explicit: String?
    public var environment: [String: String]
    public var workingDirectory: URL
    public var executable: URL?

    public init(explicit: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                executable: URL? = Bundle.main.executableURL) {
        self.explicit = explicit
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.executable = executable
    }

    /// The plugins folder to use. An explicit or environment folder is used even when missing,
    /// so the caller reports it rather than silently falling back.
    public func resolve() -> Resolution? {
        if let explicit { return Resolution(folder: url(explicit), reason: "--plugins") }
        if let env = environment["PERSONA_HOST_PLUGINS"], !env.isEmpty {
            return Resolution(folder: url(env), reason: "PERSONA_HOST_PLUGINS")
        }
        let local = workingDirectory.appendingPathComponent("plugins")
        if isDirectory(local) { return Resolution(folder: local, reason: "working directory") }
        if let executable {
            var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("plugins")
                if isDirectory(candidate), FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    return Resolution(folder: candidate, reason: "checkout of the persona-host binary")
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plugins")
        if isDirectory(sourceTree) { return Resolution(folder: sourceTree, reason: "source tree of this build") }
        return nil
    }

    private func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
