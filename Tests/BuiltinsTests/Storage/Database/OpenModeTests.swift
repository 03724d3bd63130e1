import Foundation
import GRDB
import Testing
@testable import Builtins

/// `PersonaDatabase(path:mode:)`: what each mode does with a missing, empty, foreign or
/// existing file.
@Suite struct OpenModeTests {
    /// A fresh temporary folder, removed after `body`.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func mustExistRefusesAMissingFileAndCreatesNothing() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("my_real_dtaa.sqlite").path
            #expect(throws: StorageError.noDatabase(path: path)) { try PersonaDatabase(path: path, mode: .mustExist) }
            #expect(!exists(path) && !exists(path + "-wal") && !exists(path + "-shm") && !exists(path + ".writer"))

            let nested = folder.appendingPathComponent("no/such/folder/d.sqlite").path
            #expect(throws: StorageError.noDatabase(path: nested)) { try PersonaDatabase(path: nested, mode: .mustExist) }
            #expect(!exists(folder.appendingPathComponent("no").path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

            let message = "\(StorageError.noDatabase(path: path))"
            #expect(message == "no database at \(path); create one with `persona-host data init` (empty), `data generate` or `data import FILE`")
            #expect(StorageError.noDatabase(path: path).isUsageError)
        }
    }

    @Test func mustExistRefusesAnEmptyFileAndLeavesItEmpty() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("empty.sqlite").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            #expect(throws: StorageError.noDatabase(path: path)) { try PersonaDatabase(path: path, mode: .mustExist) }
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
            #expect(!exists(path + "-wal") && !exists(path + "-shm"))
        }
    }

    @Test func createIfMissingCreatesTheFileAndItsFolders() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("a/b/new.sqlite").path
            let database = try PersonaDatabase(path: path, mode: .createIfMissing)
            #expect(exists(path))
            #expect(try database.appliedMigrations().count == PersonaDatabase.migrator.migrations.count)
            // The default mode is createIfMissing: `PersonaDatabase(path:)` keeps working.
            let other = folder.appendingPathComponent("c/default.sqlite").path
            _ = try PersonaDatabase(path: other)
            #expect(exists(other))
        }
    }

    @Test func mustExistOpensAnExistingDatabase() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("d.sqlite").path
            do {
                let database = try PersonaDatabase(path: path)
                try UserStore(database: database).generate(rows: 50, seed: 3)
            }
            let reopened = try PersonaDatabase(path: path, mode: .mustExist)
            #expect(try UserStore(database: reopened).count() == 50)
            #expect(try UserStore(database: reopened).stats().rowCount == 50)
        }
    }

    @Test func aDirectoryIsRefusedNamingThePath() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("folder.sqlite").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for mode in [PersonaDatabase.OpenMode.createIfMissing, .mustExist] {
                #expect(throws: StorageError.cannotOpen(path: path, reason: "it is a directory, not a database file")) {
                    try PersonaDatabase(path: path, mode: mode)
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("notes.sqlite").path
            let text = Data("these are my notes, not a database; long enough to have a header\n".utf8)
            try text.write(to: URL(fileURLWithPath: path))
            for mode in [PersonaDatabase.OpenMode.createIfMissing, .mustExist] {
                #expect {
                    try PersonaDatabase(path: path, mode: mode)
                } throws: { error in
                    guard case let .cannotOpen(errorPath, reason)? = error as? StorageError else { return false }
                    return errorPath == path && reason.contains("not a SQLite database")
                        && "\(error)".hasPrefix("cannot open database '\(path)': it is not a SQLite database")
                }
            }
            #expect(FileManager.default.contents(atPath: path) == text)
            #expect(!exists(path + "-wal") && !exists(path + "-shm"))
            // Short files too.
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: StorageError.self) { try PersonaDatabase(path: path, mode: .mustExist) }
        }
    }

    @Test func exitCodeClassesOfTheNewCases() {
        #expect(!StorageError.corrupt(path: "p", detail: "d").isUsageError)
        #expect(!StorageError.busy(path: "p", operation: "o", holder: nil, waited: 1).isUsageError)
        #expect(!StorageError.cannotOpen(path: "p", reason: "r").isUsageError)
        #expect(!StorageError.database(path: "p", operation: "o", message: "m").isUsageError)
        #expect(StorageError.runNotFound(id: 1).isUsageError)
    }
}
