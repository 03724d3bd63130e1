import Foundation
import Plugins

/// One plugin's tests to run: the plugin, the folder its set is loaded from (goal tests read
/// goals with every plugin there, as a run does), and its test files.
public struct PluginTestTarget: Sendable {
    /// The folder whose plugins load together (the plugin's parent folder).
    public var pluginsFolder: URL
    public var plugin: PluginSource
    /// Test files, relative to the plugin's folder (`tests/goal_test.lua`), sorted.
    public var files: [String]

    /// Where a plugin keeps its tests, and how a test file is named.
    public static let folder = "tests"
    public static let suffix = "_test.lua"

    /// The targets `paths` name, in a stable order, and the plugins in scope without tests.
    /// A path is a plugins folder (every plugin in it), one plugin's folder, or one test file;
    /// a plugin or test file named explicitly must have tests.
    public static func find(_ paths: [URL]) throws(PluginTestError) -> (targets: [PluginTestTarget], untested: [String]) {
        var targets: [PluginTestTarget] = []
        var untested: [String] = []
        for path in paths {
            let path = path.standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw .notATestPath(path: path.relativePath, why: "no such file or folder")
            }
            if !isDirectory.boolValue {
                targets.append(try file(path))
            } else if FileManager.default.fileExists(atPath: path.appendingPathComponent("init.lua").path) {
                let target = try tests(of: .folder(path))
                guard !target.files.isEmpty else { throw .noTests(path: target.plugin.displayRoot) }
                targets.append(target)
            } else {
                let found: (sources: [PluginSource], problems: [PluginError])
                do { found = try PluginDiscovery.plugins(in: path) } catch { throw .plugin(error) }
                for source in found.sources.sorted(by: { $0.entryName < $1.entryName }) {
                    let target = try tests(of: source)
                    if target.files.isEmpty { untested.append(source.entryName) } else { targets.append(target) }
                }
            }
        }
        return (targets, untested)
    }

    /// The tests of one plugin (none for a single-file plugin).
    static func tests(of source: PluginSource) throws(PluginTestError) -> PluginTestTarget {
        let parent = source.isFolder ? source.root.deletingLastPathComponent() : source.root
        guard source.isFolder else { return PluginTestTarget(pluginsFolder: parent, plugin: source, files: []) }
        let folder = source.root.appendingPathComponent(Self.folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return PluginTestTarget(pluginsFolder: parent, plugin: source, files: [])   // no tests/ folder: no tests
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .notATestPath(path: "\(source.displayRoot)/\(Self.folder)", why: "cannot list its test files (\(error.localizedDescription))")
        }
        let files = names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted().map { "\(Self.folder)/\($0)" }
        return PluginTestTarget(pluginsFolder: parent, plugin: source, files: files)
    }

    /// A single test file: `PLUGIN/tests/NAME_test.lua`.
    static func file(_ path: URL) throws(PluginTestError) -> PluginTestTarget {
        let testsFolder = path.deletingLastPathComponent()
        let pluginFolder = testsFolder.deletingLastPathComponent()
        guard path.lastPathComponent.hasSuffix(suffix), testsFolder.lastPathComponent == Self.folder,
              FileManager.default.fileExists(atPath: pluginFolder.appendingPathComponent("init.lua").path) else {
            throw .notATestPath(path: path.relativePath, why: "not a plugin test file")
        }
        return PluginTestTarget(pluginsFolder: pluginFolder.deletingLastPathComponent(), plugin: .folder(pluginFolder),
                                files: ["\(Self.folder)/\(path.lastPathComponent)"])
    }
}
