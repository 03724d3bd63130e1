import Foundation

/// Writes a new plugin folder atomically: every file into a hidden temporary sibling folder
/// (`.NAME.new-…`, which plugin discovery skips), then one rename into place. On any failure the
/// temporary folder is removed, so nothing partial is left behind.
struct ScaffoldWriter {
    /// The folder the plugin goes in.
    let folder: URL
    /// How `folder` is named in messages (as the user gave it).
    let display: String

    func write(name: String, files: [PluginScaffold.File]) throws(ScaffoldError) -> URL {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noFolder(display)
        }
        let destination = folder.appendingPathComponent(name, isDirectory: true)
        for taken in [destination, folder.appendingPathComponent("\(name).lua")] where exists(taken) {
            throw .exists(shown(taken))
        }
        let temporary = folder.appendingPathComponent(".\(name).new-\(UUID().uuidString)", isDirectory: true)
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw .write(path: shown(destination), reason: Self.reason(error))
        }
        do {
            for file in files {
                let url = temporary.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        } catch {
            try? fm.removeItem(at: temporary)  // cleanup of our own temporary folder; the write error is reported
            throw .write(path: shown(destination), reason: Self.reason(error))
        }
        // rename(2) never replaces a non-empty folder or a file; the check above refused an
        // existing one, so at worst an empty folder created in the meantime is replaced.
        if rename(temporary.path, destination.path) != 0 {
            let code = errno
            try? fm.removeItem(at: temporary)  // as above
            if code == EEXIST || code == ENOTEMPTY || code == ENOTDIR { throw .exists(shown(destination)) }
            throw .write(path: shown(destination), reason: String(cString: strerror(code)))
        }
        return destination
    }

    private func exists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil  // a dangling link counts too
    }

    /// `url` as the user would name it: under `display`.
    private func shown(_ url: URL) -> String {
        (display.hasSuffix("/") ? display : display + "/") + url.lastPathComponent
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return (error as NSError).localizedDescription
    }
}
