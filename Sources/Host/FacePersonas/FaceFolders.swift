import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The face store's folder layout and the file operations on it. Everything a persona owns on
/// disk is under `<root>/<persona id>/` (`photos/NN-<sha8>.<ext>`, `models/v<N>/`); a persona
/// being created is staged in `<root>/.staging-<id>` and one being deleted is first renamed to
/// `<root>/.deleting-<id>`, so a half-written or half-removed persona never looks like a
/// persona.
struct FaceFolders: Sendable {
    let root: String

    func persona(_ id: String) -> String { root + "/" + id }
    func staging(_ id: String) -> String { root + "/.staging-" + id }
    func deleting(_ id: String) -> String { root + "/.deleting-" + id }
    func models(_ id: String, version: Int) -> String { persona(id) + "/models/v\(version)" }
    func absolute(_ stored: String) -> String { root + "/" + stored }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func createDirectory(_ path: String) throws(FacePersonaError) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw .files(path: path, problem: "cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// `rename(2)`: atomic, and never replaces an existing folder's contents.
    static func rename(_ from: String, to destination: String) throws(FacePersonaError) {
        guard Glibc.rename(from, destination) == 0 else {
            throw .files(path: destination, problem: "cannot move \(from) here (\(String(cString: strerror(errno))))")
        }
    }

    /// Writes `data` to `path` (inside a staging folder: the folder's rename publishes it).
    static func write(_ data: Data, to path: String) throws(FacePersonaError) {
        do { try data.write(to: URL(fileURLWithPath: path)) } catch {
            throw .files(path: path, problem: "cannot be written (\(error.localizedDescription))")
        }
    }

    /// Removes `path` and everything in it, trying `attempts` times with a doubling wait (50,
    /// 100, 200, 400 ms…). Returns nil when it is gone, else why not.
    static func remove(_ path: String, attempts: Int = 5) -> String? {
        var delay: UInt32 = 50_000
        var last = ""
        for attempt in 1...max(1, attempts) {
            guard exists(path) else { return nil }
            do { try FileManager.default.removeItem(atPath: path); return nil } catch { last = error.localizedDescription }
            if attempt < attempts {
                usleep(delay)
                delay *= 2
            }
        }
        return exists(path) ? last : nil
    }

    /// The regular files under `path` and their total size.
    static func usage(of path: String) -> (files: Int, bytes: Int) {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return (0, 0) }
        var files = 0, bytes = 0
        while let name = walker.nextObject() as? String {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            files += 1
            bytes += Int(info.st_size)
        }
        return (files, bytes)
    }

    /// Whether the process `pid` exists (`kill(pid, 0)` fails with ESRCH when it does not).
    static func isAlive(_ pid: Int) -> Bool {
        guard pid > 0, pid <= Int(Int32.max) else { return false }
        return kill(pid_t(pid), 0) == 0 || errno != ESRCH
    }
}
