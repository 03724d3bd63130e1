import Foundation
import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// `host.modules(folder)`: a plugin lists its own drop-in folder, and nothing outside it.
struct SandboxModulesTests {
    func sandbox(_ files: [String: String]) throws -> Sandbox {
        let folder = try Support.temporaryFolder()
        try Support.write(files, in: folder)
        return try Sandbox(spec: .init(root: folder, displayRoot: "plugins/test"), hostAPI: { _ in .table([:]) })
    }

    @Test func listsTheLuaModulesOfAFolderSorted() throws {
        let box = try sandbox(["personas/b.lua": "return 2", "personas/a.lua": "return 1", "personas/notes.txt": "x",
                               "personas/deeper/c.lua": "return 3", "personas/bad-name.lua": "return 4"])
        let listed = try box.evaluate(#"return table.concat(host.modules("personas"), ",")"#)
        #expect(listed == "personas.a,personas.b")
        #expect(try box.evaluate(#"return require(host.modules("personas")[2])"#) == 2)
    }

    @Test(arguments: ["../x", "/etc", "..", "a/../b", "missing"])
    func refusesFoldersOutsideThePlugin(folder: String) throws {
        let box = try sandbox(["personas/a.lua": "return 1"])
        #expect(throws: LuaError.self) { try box.evaluate("return host.modules(\"\(folder)\")") }
    }

    @Test func leavesOutSymlinksThatLeaveThePlugin() throws {
        let outside = try Support.temporaryFolder()
        try Support.write(["secret.lua": "return 'x'"], in: outside)
        let box = try sandbox(["personas/a.lua": "return 1"])
        try FileManager.default.createSymbolicLink(at: box.spec.root.appendingPathComponent("personas/s.lua"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.lua"))
        #expect(try box.evaluate(#"return #host.modules("personas")"#) == 1)
    }
}
