import Foundation
import Testing
import Builtins
import TestSupport

/// `persona-host plugins types` as a user runs it: what it writes, where `u`'s columns come
/// from, `--json`, and a clear exit 2 when it cannot write.
@Suite struct PluginsTypesCommandTests {
    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Without a database: the default folder, the generator's columns, and a warning saying so.
    @Test func writesBothFilesWithTheGeneratorsColumnsWhenThereIsNoDatabase() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plugins", "types"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote lua-types/persona-host.lua"))
        #expect(result.stdout.contains("wrote lua-types/luacheck_std.lua"))
        #expect(result.stderr.contains("no database at persona-host.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("persona-host.sqlite").path))
        let meta = try read(folder, "lua-types/persona-host.lua")
        #expect(meta.hasPrefix("---@meta\n"))
        #expect(meta.contains("---@field true_segment string? TEXT column"))
        #expect(meta.contains("---@field taken string[]"))
        #expect(try read(folder, "lua-types/luacheck_std.lua").contains("host = {"))
        // Written through a temporary file renamed into place: nothing else is left in the folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("lua-types").path).sorted()
        #expect(left == ["luacheck_std.lua", "persona-host.lua"])
    }

    /// With a database, `u` has its users table's columns, imported ones included; `--json` lists the files.
    @Test func theRowHasTheDatabasesColumnsAndJSONListsTheFiles() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("team.sqlite").path
        try Support.write(["users.csv": "user_id,age,favourite_colour\n1,30,blue\n"], in: folder)
        #expect(try CLIRunner.run(["data", "import", folder.appendingPathComponent("users.csv").path, "--db", db]).status == 0)
        let out = folder.appendingPathComponent("types/nested").path
        let result = try CLIRunner.run(["plugins", "types", "--out", out, "--db", db, "--json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["kind"] as? String } == ["luals", "luacheck"])
        #expect(files.compactMap { $0["path"] as? String } == ["\(out)/persona-host.lua", "\(out)/luacheck_std.lua"])
        #expect(json["columns_from"] as? String == "database")
        #expect((json["columns"] as? [String])?.contains("favourite_colour") == true)
        let meta = try read(URL(fileURLWithPath: out), "persona-host.lua")
        #expect(meta.contains("---@field favourite_colour string? TEXT column"))
        #expect(meta.contains("the database \(db)"))
        // Run again: the files are replaced, same inputs giving the same bytes.
        #expect(try CLIRunner.run(["plugins", "types", "--out", out, "--db", db], in: folder).status == 0)
        #expect(try read(URL(fileURLWithPath: out), "persona-host.lua") == meta)
    }

    @Test func anOutThatCannotBeAFolderIsAnInputError() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["file.txt": "not a folder"], in: folder)
        let onFile = try CLIRunner.run(["plugins", "types", "--out", "file.txt"], in: folder)
        #expect(onFile.status == 2)
        #expect(onFile.stderr.contains("--out file.txt is a file, not a folder"), "\(onFile.stderr)")
        let under = try CLIRunner.run(["plugins", "types", "--out", "file.txt/types"], in: folder)
        #expect(under.status == 2)
        #expect(under.stderr.contains("--out file.txt/types: cannot create the folder"), "\(under.stderr)")
        #expect(under.stdout.isEmpty)
        // A file that cannot be replaced (a folder in its place): the error names it, no temporary file stays.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("types/persona-host.lua"), withIntermediateDirectories: true)
        let blocked = try CLIRunner.run(["plugins", "types", "--out", "types"], in: folder)
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("cannot write types/persona-host.lua"), "\(blocked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("types").path) == ["persona-host.lua"])
    }

    @Test func aNamedDatabaseThatDoesNotExistIsAnInputError() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plugins", "types", "--db", "missing.sqlite"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("lua-types").path))
    }
}
