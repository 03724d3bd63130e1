import Dispatch
import Foundation
import Logging

/// A dataset command's output folder, written whole or not at all: files go to a hidden
/// sibling folder (`.NAME.partial-PID`) that is renamed into place only when the command
/// succeeds, so a failed or interrupted run never leaves a partial dataset where the real one
/// goes. An existing folder is replaced only with `--force`, and only at that last step.
final class OutputFolder {
    /// Where the output ends up.
    let destination: URL
    /// Where it is written meanwhile.
    let staging: URL
    private let force: Bool
    private var committed = false

    /// Checks `path` (its parent must exist; an existing `path` needs `force`) and creates the
    /// staging folder.
    init(path: String, force: Bool) throws(DatasetError) {
        destination = URL(fileURLWithPath: path).standardizedFileURL
        self.force = force
        let parent = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("--out \(path): the folder \(parent.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .usage("--out \(path) is a file, not a folder") }
            guard force else { throw .usage("--out \(path) already exists; pass --force to replace it") }
        }
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        Self.removeAbandoned(beside: destination)
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .output(path: staging.path, message: "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Staging folders of this output left by a run that was killed (`.NAME.partial-PID` whose
    /// process no longer exists): removed, each said on stderr. A live process's is left alone.
    static func removeAbandoned(beside destination: URL) {
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = parent.appendingPathComponent(name)
            do {
                try FileManager.default.removeItem(at: path)
                logger.notice("removed \(path.path), left by an interrupted run (process \(pid) has ended)")
            } catch {
                logger.warning("\(path.path) was left by an interrupted run and cannot be removed: \(error.localizedDescription)")
            }
        }
    }

    private static let logger = Logger(label: "persona-host.dataset")

    /// The staging path of file `name`.
    func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// Writes `data` as file `name`.
    func write(_ data: Data, to name: String) throws(DatasetError) {
        do { try data.write(to: file(name)) } catch { throw .output(path: destination.appendingPathComponent(name).path, message: error.localizedDescription) }
    }

    /// Moves the finished output into place (replacing an existing folder when forced).
    func commit() throws(DatasetError) {
        let fm = FileManager.default
        var old: URL?
        if fm.fileExists(atPath: destination.path) {
            guard force else { throw .usage("--out \(destination.path) appeared while the command ran; nothing was replaced") }
            let aside = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
            do { try fm.moveItem(at: destination, to: aside) } catch {
                throw .output(path: destination.path, message: "cannot move the old folder aside: \(error.localizedDescription)")
            }
            old = aside
        }
        do { try fm.moveItem(at: staging, to: destination) } catch {
            var restored = ""
            if let old {
                do {
                    try fm.moveItem(at: old, to: destination)
                    restored = "; the old folder is back in place"
                } catch {
                    restored = "; the old folder is at \(old.path)"
                }
            }
            throw .output(path: destination.path, message: "cannot move the output into place (\(error.localizedDescription))\(restored)")
        }
        committed = true
        if let old { try? fm.removeItem(at: old) }
    }
}

/// A file written in chunks through a file descriptor (large outputs are never held whole), on
/// a background thread so the next batch is tagged while this one is written; at most two
/// chunks wait, so memory stays flat. A failed write is reported by the next `write` or by
/// `close`. @unchecked Sendable: `handle`, `bytes` and `failure` are touched only on `queue`
/// (and read after `queue.sync` in `close`).
final class StreamedFile: @unchecked Sendable {
    let url: URL
    private let handle: FileHandle
    private(set) var bytes = 0
    private var failure: DatasetError?
    private let queue = DispatchQueue(label: "persona-host.dataset.write")
    private let slots = DispatchSemaphore(value: 2)

    init(_ url: URL) throws(DatasetError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw .output(path: url.path, message: "cannot create the file")
        }
        self.url = url
        self.handle = handle
    }

    func write(_ chunk: [UInt8]) throws(DatasetError) {
        guard !chunk.isEmpty else { return }
        if let failure = queue.sync(execute: { self.failure }) { throw failure }
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            guard self.failure == nil else { return }
            do {
                try self.handle.write(contentsOf: chunk)
                self.bytes += chunk.count
            } catch {
                self.failure = .output(path: self.url.path, message: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    func write(_ chunk: ArraySlice<UInt8>) throws(DatasetError) { try write(Array(chunk)) }

    /// Waits for every write, then closes the file.
    func close() throws(DatasetError) {
        let failure = queue.sync { self.failure }
        do { try handle.close() } catch { throw .output(path: url.path, message: "cannot close: \(error.localizedDescription)") }
        if let failure { throw failure }
    }
}
