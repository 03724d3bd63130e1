import Synchronization

/// The files (and folder listings) a plugin's sandbox has read, kept as first read: every
/// sandbox of one plugin within a command sees the same sources, even if the files are edited on
/// disk meanwhile (the copies a pipeline loads for its workers run exactly the rules the first
/// load checked).
///
/// Shared by the sandboxes of one plugin, on any thread; the lock guards the two caches.
public final class SourceSnapshot: Sendable {
    private let files = Mutex<[String: Result<[UInt8], Sandbox.ReadRefusal>]>([:])
    private let listings = Mutex<[String: Result<[String], Sandbox.ReadRefusal>]>([:])

    public init() {}

    /// `read()` the first time `relative` is asked for; the same answer afterwards.
    func file(_ relative: String, _ read: () -> Result<[UInt8], Sandbox.ReadRefusal>) -> Result<[UInt8], Sandbox.ReadRefusal> {
        if let known = files.withLock({ $0[relative] }) { return known }
        let result = read()
        return files.withLock { cache in
            if let known = cache[relative] { return known }
            cache[relative] = result
            return result
        }
    }

    /// `list()` the first time `folder` is asked for; the same answer afterwards.
    func listing(_ folder: String, _ list: () -> Result<[String], Sandbox.ReadRefusal>) -> Result<[String], Sandbox.ReadRefusal> {
        if let known = listings.withLock({ $0[folder] }) { return known }
        let result = list()
        return listings.withLock { cache in
            if let known = cache[folder] { return known }
            cache[folder] = result
            return result
        }
    }
}
