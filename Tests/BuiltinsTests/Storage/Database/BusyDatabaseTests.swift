import Foundation
import GRDB
import Testing
@testable import Builtins

/// A database another connection is writing to: the writer note, the busy error naming the file
/// and the holder, and readers that do not wait.
@Suite struct BusyDatabaseTests {
    func inFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("busy.sqlite").path)
    }

    func noteExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path + ".writer") }

    /// Runs a write transaction doing `operation` on another thread and keeps it open until
    /// `body` returns; returns what `body` returned once the transaction has ended.
    func whileWriting<T>(_ database: PersonaDatabase, _ operation: String, _ body: () throws -> T) throws -> T {
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), ended = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { ended.signal() }
            do {
                try database.writeTransaction(operation) { db in
                    try db.execute(sql: "INSERT INTO runs (created_at, pipeline, goal, seed, matched_rows) VALUES ('2026-01-01 00:00:00.000', 'goal', 'held', 1, 0)")
                    entered.signal()
                    release.wait()
                }
            } catch {
                Issue.record("the holding transaction failed: \(error)")
                entered.signal()
            }
        }
        entered.wait()
        defer {
            release.signal()
            ended.wait()
        }
        return try body()
    }

    /// The current writer's note, once the transaction has run long enough to leave one.
    func waitForNote(_ database: PersonaDatabase) -> WriterNote? {
        let deadline = Date(timeIntervalSinceNow: 5)
        while Date() < deadline {
            if let note = database.currentWriter() { return note }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    @Test func aWriterThatGivesUpNamesTheFileAndTheHolder() throws {
        try inFolder { path throws in
            let holder = try PersonaDatabase(path: path)
            try UserStore(database: holder).generate(rows: 300, seed: 5)
            let impatient = try PersonaDatabase(path: path, mode: .mustExist, writerTimeout: 0.3)

            try whileWriting(holder, "importing feedback") {
                let note = try #require(waitForNote(impatient))
                #expect(note.pid == getpid() && note.operation == "importing feedback")
                #expect(noteExists(path))
                #expect {
                    try RunStore(database: impatient).save(RunRecord(pipeline: "goal", goal: "g", seed: 1, matchedRows: 0),
                                                           personas: [], members: [])
                } throws: { error in
                    guard case let .busy(errorPath, operation, holderNote, waited)? = error as? StorageError else { return false }
                    let text = "\(error)"
                    #expect(text.hasPrefix("\(path) is busy: process \(getpid()) ("), "\(text)")
                    #expect(text.contains(": importing feedback) has been writing for "), "\(text)")
                    #expect(text.contains(" s; saving a run waited ") && text.hasSuffix(" s for it; try again when it finishes"), "\(text)")
                    return errorPath == path && operation == "saving a run" && holderNote == note && waited >= 0.25 && waited < 10
                }
            }
            #expect(!noteExists(path))
            // The held transaction committed; the impatient writer can write now.
            #expect(try RunStore(database: impatient).list().map(\.goal) == ["held"])
        }
    }

    @Test func readersAndOpeningDoNotWaitForAWriter() throws {
        try inFolder { path throws in
            let holder = try PersonaDatabase(path: path)
            try UserStore(database: holder).generate(rows: 300, seed: 5)
            try holder.execute("UPDATE users SET age = 40 WHERE user_id = 1")  // empties the column cache
            try whileWriting(holder, "importing feedback") {
                let started = Date()
                // A patient writer: if opening or reading needed the write lock, this would hang.
                let reader = try PersonaDatabase(path: path, mode: .mustExist, writerTimeout: 30)
                let users = UserStore(database: reader)
                #expect(try users.count() == 300)
                // The column cache is missing and cannot be built now: answered from the table at once.
                let stats = try users.stats()
                #expect(stats.rowCount == 300 && stats.column("age")?.numeric?.max ?? 0 >= 40)
                #expect(try users.fetchColumns(matching: [FilterCondition("user_id", .equal, 1)], columns: ["age"]).numeric("age")?.values == [40])
                #expect(try RunStore(database: reader).list().isEmpty)  // the held write is not visible yet
                #expect(Date().timeIntervalSince(started) < 5)
            }
        }
    }

    /// Right after a bulk write (its checkpoint) the WAL holds no frames; opening must still not
    /// need the write lock (a `TRUNCATE` checkpoint would make GRDB write when opening).
    @Test func openingRightAfterABulkWriteDoesNotWaitForAWriter() throws {
        try inFolder { path throws in
            let holder = try PersonaDatabase(path: path)
            try UserStore(database: holder).generate(rows: 300, seed: 5)
            try whileWriting(holder, "importing feedback") {
                let started = Date()
                let reader = try PersonaDatabase(path: path, mode: .mustExist, writerTimeout: 30)
                #expect(try UserStore(database: reader).stats().rowCount == 300)
                #expect(Date().timeIntervalSince(started) < 5)
            }
        }
    }

    @Test func theNoteIsRemovedAfterACommitAndAfterARollback() throws {
        try inFolder { path throws in
            let database = try PersonaDatabase(path: path)
            let seen = try database.writeTransaction("saving a run") { _ in
                Thread.sleep(forTimeInterval: WriterNote.delay + 0.2)  // long enough to leave a note
                return WriterNote.read(for: path)
            }
            #expect(seen?.operation == "saving a run" && seen?.pid == getpid())
            #expect(seen?.command.isEmpty == false)
            #expect(!noteExists(path))
            // A short transaction leaves no note at all, and none appears after it.
            try database.writeTransaction("logging an interaction") { _ in }
            Thread.sleep(forTimeInterval: WriterNote.delay + 0.1)
            #expect(!noteExists(path))

            struct Refused: Error {}
            #expect(throws: Refused.self) {
                try database.writeTransaction("importing feedback") { db -> Void in
                    Thread.sleep(forTimeInterval: WriterNote.delay + 0.2)
                    #expect(noteExists(path))
                    try db.execute(sql: "INSERT INTO users (user_id) VALUES (1)")
                    throw Refused()
                }
            }
            #expect(!noteExists(path))
            #expect(try UserStore(database: database).count() == 0)

            // A failing SQLite statement inside the transaction: same.
            #expect(throws: StorageError.self) {
                try database.writeTransaction("breaking a rule") { db in try db.execute(sql: "INSERT INTO users (user_id, age) VALUES (1, 500)") }
            }
            #expect(!noteExists(path))
        }
    }

    @Test func aStaleNoteIsIgnoredAndAWriterWithoutANoteIsUnknown() throws {
        try inFolder { path throws in
            let database = try PersonaDatabase(path: path, writerTimeout: 0.2)
            // A process that has exited: its note is stale.
            let finished = Process()
            finished.executableURL = URL(fileURLWithPath: "/bin/true")
            try finished.run()
            finished.waitUntilExit()
            let stale = WriterNote(pid: finished.processIdentifier, command: "persona-host data import big.csv", operation: "importing big.csv",
                                   startedAt: Date(timeIntervalSinceNow: -100))
            #expect(stale.write(for: path))
            #expect(database.currentWriter() == nil)

            // A writer that is not persona-host (no note; the stale one is ignored).
            let other = try DatabaseQueue(path: path)
            try other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                defer { try? db.execute(sql: "ROLLBACK") }  // test cleanup; the assertion is below
                #expect {
                    try RunStore(database: database).delete(id: 1)
                } throws: { error in
                    guard case let .busy(errorPath, operation, holder, _)? = error as? StorageError else { return false }
                    return errorPath == path && operation == "deleting run 1" && holder == nil
                        && "\(error)".hasPrefix("\(path) is busy: another connection is writing to it (no persona-host writer note says which")
                }
            }
        }
    }

    @Test func theBusyMessageReadsAsDocumented() {
        let note = WriterNote(pid: 4242, command: "persona-host feedback import feedback.jsonl", operation: "importing feedback",
                              startedAt: Date(timeIntervalSinceNow: -41.4))
        let error = StorageError.busy(path: "persona-host.sqlite", operation: "saving a run", holder: note, waited: 60)
        #expect("\(error)" == "persona-host.sqlite is busy: process 4242 (persona-host feedback import feedback.jsonl: importing feedback) "
                + "has been writing for 41 s; saving a run waited 60 s for it; try again when it finishes")
        #expect(!error.isUsageError)
    }
}
