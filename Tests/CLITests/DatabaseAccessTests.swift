import Foundation
import Testing
import Builtins
import TestSupport
@testable import persona_host

/// `--db` and the three kinds of access (``DatabaseAccess``): what happens to a missing, an
/// explicit, a default and a damaged database.
///
/// The rules are tested on ``DatabaseOptions`` directly here, and through the built binary in
/// ``NoFakeDataTests``.
@Suite struct DatabaseAccessTests {
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func options(_ arguments: [String]) throws -> DatabaseOptions { try DatabaseOptions.parse(arguments) }

    /// Expects a usage failure (exit 2) saying there is no database at `path`.
    func expectMissing(_ path: String, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            try body()
        } throws: { error in
            guard let failure = error as? any UserFacingError else { return false }
            return failure.exitStatus == .usage
                && failure.description == "no database at \(path); create one with `persona-host data init` (empty), `data generate` or `data import FILE`"
        }
    }

    @Test func anExplicitPathThatDoesNotExistIsAUsageErrorForReadAndWrite() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("my_real_dtaa.sqlite").path
            let flag = try options(["--db", path])
            #expect(!flag.isDefault && flag.resolvedPath == path)
            for access in [DatabaseAccess.read, .write] {
                expectMissing(path) { _ = try flag.open(access, environment: [:], defaultPath: folder.appendingPathComponent("default.sqlite").path) }
                // The same through $PERSONA_HOST_DB.
                expectMissing(path) { _ = try options([]).open(access, environment: ["PERSONA_HOST_DB": path], defaultPath: "unused.sqlite") }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)  // no -wal, no -shm, no default file
        }
    }

    @Test func createMakesAnExplicitPathAndItsFolders() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("new/data.sqlite").path
            let database = try #require(try options(["--db", path]).open(.create, environment: [:], defaultPath: "unused.sqlite"))
            #expect(database.path == path && exists(path))
        }
    }

    @Test func theDefaultDatabaseIsReadAsNothingAndCreatedForWriting() throws {
        try inFolder { folder throws in
            let defaultPath = folder.appendingPathComponent("persona-host.sqlite").path
            let none = try options([])
            #expect(none.isDefault == (ProcessInfo.processInfo.environment["PERSONA_HOST_DB"] ?? "").isEmpty)
            #expect(try none.open(.read, environment: [:], defaultPath: defaultPath) == nil)
            #expect(!exists(defaultPath) && !exists(defaultPath + "-wal"))
            // An empty $PERSONA_HOST_DB is no path at all.
            #expect(try none.open(.read, environment: ["PERSONA_HOST_DB": ""], defaultPath: defaultPath) == nil)

            let written = try #require(try none.open(.write, environment: [:], defaultPath: defaultPath))
            #expect(written.path == defaultPath && exists(defaultPath))
            // Once it exists, reading opens it.
            #expect(try none.open(.read, environment: [:], defaultPath: defaultPath)?.path == defaultPath)
            #expect(try none.open(.create, environment: [:], defaultPath: defaultPath)?.path == defaultPath)
        }
    }

    @Test func aDirectoryOrAForeignFileIsARuntimeFailureNamingThePath() throws {
        try inFolder { folder throws in
            let directory = folder.appendingPathComponent("dir.sqlite").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let text = folder.appendingPathComponent("notes.txt").path
            try Data("not a database at all, just some notes\n".utf8).write(to: URL(fileURLWithPath: text))
            for path in [directory, text] {
                for access in [DatabaseAccess.read, .write, .create] {
                    #expect {
                        _ = try options(["--db", path]).open(access, environment: [:], defaultPath: "unused.sqlite")
                    } throws: { error in
                        guard let failure = error as? any UserFacingError else { return false }
                        return failure.exitStatus == .failure && failure.description.hasPrefix("cannot open database '\(path)': ")
                    }
                }
            }
        }
    }

    @Test func storageErrorsMapToTheDocumentedExitCodes() {
        #expect(StorageError.noDatabase(path: "p").exitStatus == .usage)
        #expect(StorageError.runNotFound(id: 3).exitStatus == .usage)
        #expect(StorageError.corrupt(path: "p", detail: "d").exitStatus == .failure)
        #expect(StorageError.busy(path: "p", operation: "o", holder: nil, waited: 60).exitStatus == .failure)
        #expect(StorageError.cannotOpen(path: "p", reason: "r").exitStatus == .failure)
        #expect(StorageError.database(path: "p", operation: "o", message: "m").exitStatus == .failure)
    }

    // MARK: The binary

    @Test func dataGenerateCreatesAnExplicitDatabase() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("fresh/new.sqlite").path
            let result = try CLIRunner.run(["data", "generate", "--rows", "200", "--db", path], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(exists(path))
            #expect(!exists(path + ".writer"))  // the writer note is gone once the write is over
            #expect(!exists(folder.appendingPathComponent("persona-host.sqlite").path))
        }
    }

    @Test func aDamagedDatabaseIsReportedAsDamagedNamingTheFile() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("d.sqlite").path
            #expect(try CLIRunner.run(["data", "generate", "--rows", "2000", "--db", path], in: folder).status == 0)
            let healthy = try CLIRunner.run(["data", "stats", "--json", "--db", path], in: folder)
            #expect(healthy.status == 0)

            // The cached user_id column holds the Int64s 1, 2, 3, …: damage one of them in the file.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let pattern = [Int64(1_000), 1_001, 1_002].withUnsafeBytes { Data($0) }
            let found = try #require(bytes.range(of: pattern))
            bytes[found.lowerBound + 8] ^= 0x04
            try bytes.write(to: URL(fileURLWithPath: path))

            let damaged = try CLIRunner.run(["data", "stats", "--json", "--db", path], in: folder)
            #expect(damaged.status == 1)
            #expect(damaged.stdout.isEmpty)
            #expect(damaged.stderr.contains("\(path) is damaged (column cache: the stored 'user_id' column fails its checksum"), "\(damaged.stderr)")
            #expect(damaged.stderr.contains("restore it from a backup"))
        }
    }

    @Test func aTruncatedDatabaseIsReportedAsDamaged() throws {
        try inFolder { folder throws in
            let path = folder.appendingPathComponent("t.sqlite").path
            #expect(try CLIRunner.run(["data", "generate", "--rows", "2000", "--db", path], in: folder).status == 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
            let result = try CLIRunner.run(["data", "stats", "--db", path], in: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(path) is damaged ("), "\(result.stderr)")
        }
    }
}

/// No fake data by accident, as a user meets it on the command line.
@Suite struct NoFakeDataTests {
    @Test func aMistypedDatabaseIsAnErrorAndNoFileAppears() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let typo = folder.appendingPathComponent("my_real_dtaa.sqlite").path
        for arguments in [["run", "goal", "Gen Z Moms"], ["data", "stats"], ["runs", "list"], ["runs", "show", "1"],
                          ["run", "formulate", "--persona", "anti_aging", "--concerns", "wrinkles", "--log"]] {
            let result = try CLIRunner.run(arguments + ["--db", typo])
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("no database at \(typo)"), "\(arguments)")
            let viaEnvironment = try CLIRunner.run(arguments, environment: ["PERSONA_HOST_DB": typo])
            #expect(viaEnvironment.status == 2, "\(arguments)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func readingTheDefaultDatabaseNeverCreatesIt() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = ["PERSONA_HOST_PLUGINS": Support.plugins.path, "PERSONA_HOST_DB": ""]
        for arguments in [["data", "stats"], ["runs", "list"]] {
            let result = try CLIRunner.run(arguments, in: folder, environment: env)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("no database at persona-host.sqlite"))
        }
        for arguments in [["persona", "show", "echo"], ["persona", "list"],
                          ["run", "formulate", "--persona", "anti_aging", "--concerns", "wrinkles"]] {
            let result = try CLIRunner.run(arguments, in: folder, environment: env)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // An explicit database without users gets no sample either; only the default one does.
        let empty = folder.appendingPathComponent("empty.sqlite").path
        #expect(try CLIRunner.run(["data", "init", "--db", empty]).status == 0)
        let goal = try CLIRunner.run(["run", "goal", "Gen Z Moms", "--db", empty])
        #expect(goal.status == 2)
        #expect(goal.stderr.contains("no users in \(empty)"))
    }
}
