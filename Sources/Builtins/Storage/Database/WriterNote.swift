import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who is writing to a database right now: a small JSON file next to it (`<database>.writer`)
/// that a write transaction creates once it has held SQLite's write lock for ``delay`` and
/// removes before it commits or rolls back (see ``PendingWriterNote``).
///
/// Why: SQLite only says "database is locked". A process that waited in vain for the lock reads
/// the note, so its error says which process holds the lock, doing what, for how long
/// (``StorageError/busy(path:operation:holder:waited:)``).
///
/// The note is written atomically (a temporary file renamed over it), so a reader never sees
/// half of one. Only the lock holder writes or removes it, so two writers never race on it.
/// A process killed in the middle of a write leaves its note behind: a note whose process is
/// no longer alive is stale and ignored. The note is diagnostic only: when it cannot be written
/// (a read-only folder), the write goes on without it and a busy error says the holder is unknown.
public struct WriterNote: Sendable, Hashable, Codable {
    /// The writing process.
    public let pid: Int32
    /// Its command line (`persona-host feedback import feedback.jsonl`), at most 200 characters.
    public let command: String
    /// What it is writing (the storage operation: `importing feedback`, `saving a run`).
    public let operation: String
    /// When its write transaction began.
    public let startedAt: Date

    public init(pid: Int32, command: String, operation: String, startedAt: Date) {
        self.pid = pid
        self.command = command
        self.operation = operation
        self.startedAt = startedAt
    }

    /// `command: operation`, as a busy error shows it.
    public var summary: String { command.isEmpty ? operation : "\(command): \(operation)" }

    /// Whole seconds since ``startedAt`` (0 for a note from the future: clocks differ).
    public func secondsHeld(now: Date = Date()) -> Int {
        max(0, Int(now.timeIntervalSince(startedAt)))
    }

    /// How long a write transaction runs before it leaves a note, in seconds: shorter ones
    /// cannot make another writer wait long, and skipping their note saves its file operations.
    static let delay: TimeInterval = 0.2

    /// The note file of the database at `databasePath`.
    static func path(for databasePath: String) -> String { databasePath + ".writer" }

    /// This process's note for `operation`, starting now.
    static func current(operation: String) -> WriterNote {
        WriterNote(pid: getpid(), command: processCommand, operation: operation, startedAt: Date())
    }

    /// This process's command line: the executable's name and its arguments, arguments with
    /// spaces quoted, cut at 200 characters.
    static let processCommand: String = {
        var words = CommandLine.arguments
        guard !words.isEmpty else { return "" }
        words[0] = (words[0] as NSString).lastPathComponent
        let line = words.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }()

    /// Writes the note for the database at `databasePath` (temporary file, then rename).
    ///
    /// Best effort by design: the note only improves another process's error message, so a
    /// folder that cannot take it must not stop the write. Returns false when it was not written.
    @discardableResult
    func write(for databasePath: String) -> Bool {
        let target = Self.path(for: databasePath)
        let temporary = "\(target).\(pid).tmp"
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        // Encoding four plain fields cannot fail; were it to, there would simply be no note.
        guard let data = try? encoder.encode(self) else { return false }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let complete = writeAll(descriptor, data)
        close(descriptor)
        guard complete, rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes the note of the database at `databasePath`. Only the lock holder calls this,
    /// so the note it removes is its own.
    static func remove(for databasePath: String) {
        unlink(path(for: databasePath))
    }

    /// The note of the database at `databasePath`, if there is one and its process is alive.
    static func read(for databasePath: String) -> WriterNote? {
        guard let data = FileManager.default.contents(atPath: path(for: databasePath)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        // A note that does not decode is treated like no note: the busy error then says the
        // holder is unknown, which is the truth.
        guard let note = try? decoder.decode(WriterNote.self, from: data), note.isAlive else { return nil }
        return note
    }

    /// False when the note's process no longer exists (a stale note).
    var isAlive: Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}

/// Writes all of `data` to `descriptor`; false on an error (`write(2)` may write less than asked).
private func writeAll(_ descriptor: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
