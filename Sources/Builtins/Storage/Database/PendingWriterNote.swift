import Foundation

/// The ``WriterNote`` of one write transaction: written once the transaction has lasted
/// ``WriterNote/delay``, removed when it ends.
///
/// Why delayed: writing and removing a note costs about 90 µs of file operations, as much as a
/// small transaction itself; most transactions (a run saved, one feedback) end within
/// milliseconds and never make anyone wait, so they leave no note and pay nothing. A transaction
/// long enough to make another process wait has its note well before that process gives up.
///
/// Thread safety: the timer writes the note on a global queue, ``finish()`` runs on the
/// writer's; a lock orders them, so a note is never written after the transaction has ended.
final class PendingWriterNote: @unchecked Sendable {
    // @unchecked Sendable: `state` is only touched under `lock`.
    private enum State { case waiting, written, finished }

    private let note: WriterNote
    private let databasePath: String
    private let lock = NSLock()
    private var state = State.waiting
    private var timer: DispatchWorkItem?

    /// Schedules the note of `operation` for the database at `databasePath`.
    init(operation: String, databasePath: String) {
        note = WriterNote.current(operation: operation)
        self.databasePath = databasePath
        let timer = DispatchWorkItem { [weak self] in self?.write() }
        self.timer = timer
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + WriterNote.delay, execute: timer)
    }

    private func write() {
        lock.lock()
        defer { lock.unlock() }
        guard state == .waiting else { return }
        note.write(for: databasePath)
        state = .written
    }

    /// Ends the note: cancels it if it was not written yet, removes it otherwise. Called while
    /// the transaction still holds the write lock, so the note removed is this one.
    func finish() {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        if state == .written { WriterNote.remove(for: databasePath) }
        state = .finished
    }
}
