import Foundation
import LuaBridge
import Builtins

/// Where one plugin lives on disk, before it is loaded.
public struct PluginSource: Sendable, Equatable {
    /// The folder its files are read from (the plugin's folder, or the folder of a single file).
    public var root: URL
    /// The file that returns the manifest, relative to `root` (`init.lua`, or `name.lua`).
    public var mainFile: String
    /// Whether it is a folder plugin (which may `require` its own files).
    public var isFolder: Bool
    /// How its folder is named in messages (`plugins/parenting`).
    public var displayRoot: String
    /// The files as first read, shared by every load of this source in one command, so the copies
    /// of a plugin a pipeline loads for its workers run the very rules the first load checked.
    public let snapshot = SourceSnapshot()

    public static func == (a: PluginSource, b: PluginSource) -> Bool {
        (a.root, a.mainFile, a.isFolder, a.displayRoot) == (b.root, b.mainFile, b.isFolder, b.displayRoot)
    }

    /// The main file as named in messages (`plugins/parenting/init.lua`).
    public var displayPath: String { "\(displayRoot)/\(mainFile)" }

    /// A hash of the plugin's Lua files (names and bytes, FNV-1a 64, hex): stored with each run, so
    /// a later look at the run can tell whether the plugin's rules changed since. Unreadable
    /// files count as empty.
    public func contentHash() -> String {
        let fm = FileManager.default
        var files: [URL] = [root.appendingPathComponent(mainFile)]
        if isFolder, let walker = fm.enumerator(at: root, includingPropertiesForKeys: nil) {
            files = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "lua" }
        }
        let base = root.standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) { for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        for file in files.map({ $0.standardizedFileURL }).sorted(by: { $0.path < $1.path }) {
            mix(file.path.dropFirst(base.count).utf8)
            mix(fm.contents(atPath: file.path) ?? Data())
        }
        return String(hash, radix: 16)
    }

    /// Sort key before manifests are read: the folder or file name.
    public var entryName: String { isFolder ? root.lastPathComponent : mainFile }

    /// A folder plugin at `folder`.
    public static func folder(_ folder: URL) -> PluginSource {
        PluginSource(root: folder, mainFile: "init.lua", isFolder: true, displayRoot: displayName(for: folder))
    }

    /// A single-file plugin.
    public static func file(_ file: URL) -> PluginSource {
        let folder = file.deletingLastPathComponent()
        return PluginSource(root: folder, mainFile: file.lastPathComponent, isFolder: false, displayRoot: displayName(for: folder))
    }

    /// A short, readable name for a folder: relative to the working directory when inside it,
    /// otherwise its last two components (Lua cuts chunk names at 60 characters).
    static func displayName(for folder: URL) -> String {
        let path = folder.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") {
            let relative = String(path.dropFirst(cwd.count + 1))
            if relative.count <= 40 { return relative }
        }
        let parts = folder.standardizedFileURL.pathComponents.suffix(2)
        return parts.joined(separator: "/")
    }
}

/// Finding plugins in a folder, or interpreting a path given on the command line.
public enum PluginDiscovery {
    /// Every plugin directly inside `folder`: sub-folders and `.lua` files, hidden entries skipped,
    /// in name order. A sub-folder without `init.lua` is reported, not silently ignored.
    public static func plugins(in folder: URL) throws(PluginError) -> (sources: [PluginSource], problems: [PluginError]) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notFound(path: folder.path)
        }
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .unreadable(path: folder.path, reason: error.localizedDescription)
        }
        let names = entries.filter { !$0.hasPrefix(".") }.sorted()
        var sources: [PluginSource] = []
        var problems: [PluginError] = []
        for name in names {
            let entry = folder.appendingPathComponent(name)
            var entryIsDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: entry.path, isDirectory: &entryIsDirectory)
            if entryIsDirectory.boolValue {
                if fm.fileExists(atPath: entry.appendingPathComponent("init.lua").path) {
                    sources.append(.folder(entry))
                } else {
                    problems.append(.missingInit(folder: PluginSource.displayName(for: entry)))
                }
            } else if name.hasSuffix(".lua") {
                sources.append(.file(entry))
            }
        }
        return (sources, problems)
    }

    /// A path as `plugins check` takes it: a plugins folder, one plugin's folder, or one file.
    public static func plugins(at path: URL) throws(PluginError) -> (sources: [PluginSource], problems: [PluginError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw .notFound(path: path.path)
        }
        if !isDirectory.boolValue { return ([.file(path)], []) }
        if FileManager.default.fileExists(atPath: path.appendingPathComponent("init.lua").path) {
            return ([.folder(path)], [])
        }
        return try plugins(in: path)
    }
}
