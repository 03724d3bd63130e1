import Foundation

/// Watches a plugins folder by polling: every `interval` it lists every file under the folder
/// with its size and modification time (portable: no inotify or FSEvents), and calls `changed`
/// once the listing differs from the last one it acted on and has stayed the same for one more
/// tick (a debounce, so an editor's save in several writes gives one reload).
public struct PluginFolderWatcher: Sendable {
    public var folder: URL
    public var interval: Duration

    public init(folder: URL, interval: Duration = .milliseconds(500)) {
        self.folder = folder
        self.interval = interval
    }

    /// Polls until the task is cancelled.
    public func run(_ changed: @Sendable () async -> Void) async {
        var acted = Self.listing(of: folder)
        var last = acted
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let now = Self.listing(of: folder)
            if now == last && now != acted {
                acted = now
                await changed()
            }
            last = now
        }
    }

    /// Every entry under `folder` but hidden ones (discovery skips them, and editors keep their
    /// swap files there) with size and modification time, sorted by path.
    static func listing(of folder: URL) -> [String] {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return [] }
        var lines: [String] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            let stamp = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
            lines.append("\(url.path)\t\(values?.fileSize ?? -1)\t\(stamp)")
        }
        return lines.sorted()
    }
}
