import Builtins
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension FacePersonaService {
    /// How old an unrecorded folder must be before it counts as left behind by a host that
    /// stopped mid-way: a create renames its staging folder and commits within milliseconds.
    static let leftoverAge: TimeInterval = 3_600

    /// What ``recoverLeftovers(now:)`` did.
    public struct LeftoverRecovery: Sendable, Equatable {
        /// Folders removed: staging folders, persona folders no record owns, deletions that committed.
        public var removed: [String] = []
        /// `.deleting-<id>` folders of personas whose records are still there, renamed back.
        public var restored: [String] = []
    }

    /// Tidies what a host that stopped mid-way (a crash, `kill -9`) left in the face store,
    /// deciding by the database, never by guessing:
    ///
    /// - `.deleting-<id>` with no pending removal, older than ``leftoverAge``: when the
    ///   persona's records are still there (the deletion never committed) the folder is renamed
    ///   back; otherwise it is removed.
    /// - `.staging-<id>`, and `<id>` folders no persona record owns, older than
    ///   ``leftoverAge``: a create that never committed; removed (they hold photos of a
    ///   persona that does not exist).
    ///
    /// Removals are written to the audit log as counts. Runs when the service opens.
    @discardableResult
    public func recoverLeftovers(now: Date = Date()) throws -> LeftoverRecovery {
        var recovery = LeftoverRecovery()
        guard FaceFolders.exists(storeRoot) else { return recovery }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: storeRoot) } catch {
            throw FacePersonaError.files(path: storeRoot, problem: "cannot be listed (\(error.localizedDescription))")
        }
        let pending = Set(try pendingRemovals().map(\.path))
        let known = Set(try store.read("reading face personas") { try $0.personas().map(\.id) })
        for name in names.sorted() {
            let path = storeRoot + "/" + name
            if name.hasPrefix(".deleting-") {
                let id = String(name.dropFirst(".deleting-".count))
                guard !pending.contains(path) else { continue }
                // A deletion in flight renames first and commits after: only an old one is left over.
                guard Self.age(of: path, now: now) > Self.leftoverAge else { continue }
                if known.contains(id) {
                    guard !FaceFolders.exists(folders.persona(id)) else { continue }
                    try FaceFolders.rename(path, to: folders.persona(id))
                    recovery.restored.append(name)
                } else if removeFolder(path) == nil {
                    recovery.removed.append(name)
                }
            } else if name.hasPrefix(".staging-") || (UUID(uuidString: name) != nil && !known.contains(name)) {
                guard Self.age(of: path, now: now) > Self.leftoverAge, removeFolder(path) == nil else { continue }
                recovery.removed.append(name)
            }
        }
        if !recovery.removed.isEmpty || !recovery.restored.isEmpty {
            try store.write("recording a face store clean-up") { tx in
                _ = try tx.addAudit(action: "face_store.recovered", subject: "face store",
                                    details: .object(["removed": .number(Double(recovery.removed.count)),
                                                      "restored": .number(Double(recovery.restored.count))]), at: Self.now())
            }
        }
        return recovery
    }

    /// Seconds since `path` last changed: its status-change time, which a rename also sets (0
    /// when it cannot be read: then it is kept).
    static func age(of path: String, now: Date) -> TimeInterval {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
        return now.timeIntervalSince1970 - changed
    }
}
