import Foundation
import Testing
@testable import LuaBridge
import TestSupport

/// Plugin files are bytes, as Lua sees them: a file that is not UTF-8 (Latin-1 string literals)
/// loads, its strings reach Lua byte for byte, and chunk names, errors and `require` still work.
@Suite struct SandboxSourceBytesTests {
    /// "return '\u{E1}lo', #'\u{E1}lo'" in Latin-1: the literal is 3 bytes, 0xE1 'l' 'o'.
    static let latin1Main: [UInt8] = Array("return '".utf8) + [0xE1] + Array("lo', #'".utf8) + [0xE1] + Array("lo'\n".utf8)

    func sandbox(_ files: [String: [UInt8]]) throws -> Sandbox {
        let folder = try Support.temporaryFolder()
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return try Sandbox(spec: .init(root: folder, displayRoot: "plugins/latin"))
    }

    @Test func aLatin1FileLoadsAndItsStringsAreTheExactBytes() throws {
        let box = try sandbox(["init.lua": Self.latin1Main])
        #expect(try box.runFile("init.lua") == [.bytes([0xE1, 0x6C, 0x6F]), .integer(3)])
    }

    @Test func requireLoadsALatin1Module() throws {
        let module: [UInt8] = Array("return { name = '".utf8) + [0x4A, 0x6F, 0xE3, 0x6F] + Array("' }\n".utf8)
        let main = Array("local m = require 'lib.names'\nreturn m.name, #m.name\n".utf8)
        let box = try sandbox(["init.lua": main, "lib/names.lua": module])
        #expect(try box.runFile("init.lua") == [.bytes([0x4A, 0x6F, 0xE3, 0x6F]), .integer(4)])
    }

    @Test func errorsInALatin1FileNameTheChunkAndLine() throws {
        let broken: [UInt8] = Array("local s = '".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array("'\nreturn s +\n".utf8)
        let failing: [UInt8] = Array("local s = '".utf8) + [0xE9] + Array("'\nerror('bad ' .. s)\n".utf8)
        let box = try sandbox(["broken.lua": broken, "failing.lua": failing])
        #expect {
            _ = try box.runFile("broken.lua")
        } throws: { error in
            let failure = (error as? LuaError)?.failure
            return failure?.file == "plugins/latin/broken.lua" && failure?.line == 3
        }
        #expect {
            _ = try box.runFile("failing.lua")
        } throws: { error in
            let failure = (error as? LuaError)?.failure
            return failure?.file == "plugins/latin/failing.lua" && failure?.line == 2
                && failure?.message.hasPrefix("bad ") == true
        }
    }

    @Test func aUTF8FileStillComesBackAsStrings() throws {
        let box = try sandbox(["init.lua": Array("return 'Zoë'\n".utf8)])
        #expect(try box.runFile("init.lua") == ["Zoë"])
    }
}
