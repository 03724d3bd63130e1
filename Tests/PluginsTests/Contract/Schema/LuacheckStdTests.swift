import Foundation
import Testing
import LuaBridge
@testable import Plugins
import TestSupport

/// The generated luacheck std, loaded by the repository's own `.luacheckrc`, lets plugins use
/// exactly the sandbox's globals and `host.*`, and plugin test files the test globals too.
@Suite struct LuacheckStdTests {
    /// A folder laid out like the repository: `.luacheckrc` (the repository's), the generated std
    /// where it loads it from, and `files` (path → source).
    func checkout(_ files: [String: String]) throws -> URL {
        let folder = try Support.temporaryFolder()
        let config = try String(contentsOf: Support.repository.appendingPathComponent(".luacheckrc"), encoding: .utf8)
        try Support.write(files.merging([".luacheckrc": config, ".build/lua-types/\(LuacheckStd.fileName)": LuacheckStd().text]) { $1 },
                          in: folder)
        return folder
    }

    /// Runs luacheck (installed by `make deps`) in `folder` on `paths`: its exit code and report.
    func luacheck(_ paths: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let executable = try #require(["/usr/bin/luacheck", "/usr/local/bin/luacheck"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                      "luacheck is not installed: run make deps")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--no-color", "--codes"] + paths
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func hostIsAllowedAndATypoIsFlagged() throws {
        let folder = try checkout([
            "plugins/good/init.lua": """
                host.log("info", host.names.person(1, "female") .. host.plugin)
                local m = host.modules("lib")
                return { name = "good", m = m, n = math.floor(2.5), s = string.format("%d", 1), t = os.time(), g = _G.print }
                """,
            "plugins/typo/init.lua": "hots.log(\"info\", \"x\")\nreturn {}\n",
            "plugins/field/init.lua": "host.nmes.person(1)\nreturn {}\n",
            "plugins/outside/init.lua": "local f = io.open(\"x\")\nos.execute(\"ls\")\nreturn { f, string.dump }\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try luacheck(["plugins/good"], in: folder)
        #expect(good.status == 0, "\(good.output)")
        let typo = try luacheck(["plugins/typo"], in: folder)
        #expect(typo.status == 1)
        #expect(typo.output.contains("accessing undefined variable 'hots'"), "\(typo.output)")
        let field = try luacheck(["plugins/field"], in: folder)
        #expect(field.output.contains("accessing undefined field 'nmes.person' of global 'host'"), "\(field.output)")
        let outside = try luacheck(["plugins/outside"], in: folder)
        #expect(outside.output.contains("accessing undefined variable 'io'"), "\(outside.output)")
        #expect(outside.output.contains("accessing undefined field 'execute' of global 'os'"), "\(outside.output)")
        #expect(outside.output.contains("accessing undefined field 'dump' of global 'string'"), "\(outside.output)")
    }

    @Test func testGlobalsExistOnlyInPluginTestFiles() throws {
        let folder = try checkout([
            "plugins/p/init.lua": "local t = test\nreturn { t }\n",
            "plugins/p/tests/basic.lua": "local t, g = test, _G.test\nreturn { t, g, host.plugin }\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = try luacheck(["plugins/p/init.lua"], in: folder)
        #expect(plugin.output.contains("accessing undefined variable 'test'"), "\(plugin.output)")
        let tests = try luacheck(["plugins/p/tests/basic.lua"], in: folder)
        #expect(tests.status == 0, "\(tests.output)")
    }

    /// Without the generated file the configuration refuses to load, saying how to make it.
    @Test func aMissingStdIsAnErrorNotAnEmptyStd() throws {
        let folder = try checkout(["plugins/p/init.lua": "return {}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".build/lua-types/\(LuacheckStd.fileName)"))
        let result = try luacheck(["plugins"], in: folder)
        #expect(result.status != 0)
        #expect(result.output.contains("make lint"), "\(result.output)")
    }

    /// The file is Lua returning the two stds, with every global of the schema.
    @Test func theStdIsLuaWithEveryGlobal() throws {
        let runtime = try LuaRuntime()
        let std = try runtime.call(try runtime.compile(LuacheckStd().text, chunkName: "=luacheck_std.lua")).first ?? .nil
        let globals = std["std"]["read_globals"].fields.map(\.name).sorted()
        #expect(globals == HostAPISchema.pluginGlobals.map(\.name).sorted())
        #expect(std["std"]["read_globals"]["host"]["fields"]["names"]["fields"]["person"].isTable)
        #expect(std["tests"]["read_globals"]["test"].isTable)
        #expect(std["std"]["read_globals"]["string"]["fields"]["dump"] == .nil)
    }
}
