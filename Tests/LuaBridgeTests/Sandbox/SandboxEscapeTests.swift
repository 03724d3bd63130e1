import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// Every way out of the sandbox is closed with a clear message, and the runtime keeps working.
@Suite struct SandboxEscapeTests {
    let sandbox: Sandbox

    init() throws { sandbox = try Support.sandbox() }

    /// Runs `attack`, expects a runtime error whose text contains `expected`, then checks the sandbox still works.
    func expectDenied(_ attack: String, mentions expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try sandbox.evaluate(attack)
        } throws: { error in
            let text = String(describing: error)
            if !text.contains(expected) { Issue.record("error '\(text)' does not mention '\(expected)'", sourceLocation: sourceLocation) }
            return true
        }
        #expect((try? sandbox.evaluate("return 1 + 1")) == .integer(2), sourceLocation: sourceLocation)
    }

    @Test func osExecuteIsDenied() {
        expectDenied("return os.execute('echo pwned')", mentions: "os.execute is not available in the plugin sandbox")
    }

    @Test func osExitGetenvAndRemoveAreDenied() {
        expectDenied("os.exit(1)", mentions: "os.exit is not available")
        expectDenied("return os.getenv('HOME')", mentions: "os.getenv is not available")
        expectDenied("return os.remove('/tmp/x')", mentions: "os.remove is not available")
    }

    @Test func ioIsDenied() {
        expectDenied("return io.open('/etc/passwd')", mentions: "io is not available in the plugin sandbox")
    }

    @Test func requireOfStandardModulesIsDenied() {
        expectDenied("return require 'os'", mentions: "require 'os' is not available in the plugin sandbox")
        expectDenied("return require 'io'", mentions: "require 'io' is not available")
    }

    @Test func requireOutsideThePluginFolderIsDenied() {
        expectDenied("return require '..secrets'", mentions: "is not a module name")
        expectDenied("return require 'missing'", mentions: "no file 'missing.lua' in the plugin's folder")
    }

    @Test func packageLoadlibIsDenied() {
        expectDenied("return package.loadlib('libc.so.6', 'system')", mentions: "package is not available")
    }

    @Test func binaryChunksAreRefused() throws {
        // A Lua 5.4 binary chunk header: ESC "Lua" 0x54.
        let result = try sandbox.evaluate(#"return select(2, load("\27Lua\84\0\25\147\r\n\26\n"))"#)
        #expect(result.stringValue?.contains("attempt to load a binary chunk") == true)
        let explicit = try sandbox.evaluate(#"return select(2, load("return 1", "x", "b"))"#)
        #expect(explicit.stringValue?.contains("only text chunks") == true)
        #expect(try sandbox.evaluate(#"return load("return 40 + 2")()"#) == .integer(42))
    }

    @Test func stringDumpIsDenied() {
        expectDenied("return string.dump(function() end)", mentions: "string.dump is not available")
    }

    @Test func debugIsDenied() {
        expectDenied("return debug.getinfo(1)", mentions: "debug is not available")
    }

    @Test func dofileAndLoadfileAreDenied() {
        expectDenied("return dofile('/etc/passwd')", mentions: "dofile is not available")
        expectDenied("return loadfile('/etc/passwd')", mentions: "loadfile is not available")
    }

    @Test func theStringMetatableIsProtected() throws {
        #expect(try sandbox.evaluate("return getmetatable('')") == .bool(false))
        expectDenied("setmetatable(getmetatable(''), {})", mentions: "bad argument")
        // Changing the string library table does not change string methods.
        #expect(try sandbox.evaluate("string.upper = function() return 'hacked' end; return ('abc'):upper()") == "ABC")
    }

    @Test func collectgarbageOnlyCounts() throws {
        #expect(try sandbox.evaluate("return collectgarbage('count')").doubleValue ?? 0 > 0)
        expectDenied("collectgarbage('stop')", mentions: "collectgarbage('stop') is not available")
    }

    @Test func mathRandomIsSeededPerStateAndReproducible() throws {
        let first = try Support.sandbox().evaluate("return {math.random(1000000), math.random(1000000)}")
        let second = try Support.sandbox().evaluate("return {math.random(1000000), math.random(1000000)}")
        #expect(first == second)
        expectDenied("math.randomseed()", mentions: "needs an explicit seed")
    }

    @Test func pluginsCannotSeeEachOthersGlobals() throws {
        let a = try Support.sandbox()
        let b = try Support.sandbox()
        _ = try a.evaluate("secret = 'from a'; rawset(_G, 'other', 1)")
        #expect(try a.evaluate("return secret") == "from a")
        #expect(try b.evaluate("return secret") == .nil)
        #expect(try b.evaluate("return other") == .nil)
    }

    @Test func theHostGlobalsAreNotReachable() throws {
        #expect(try sandbox.evaluate("return _G == _ENV") == .bool(true))
        #expect(try sandbox.evaluate("local n = 0 for k in pairs(_G) do n = n + 1 end return rawget(_G, 'io') == nil and n < 40") == .bool(true))
        expectDenied("setmetatable(_G, nil)", mentions: "cannot change a protected metatable")
    }
}

extension SandboxEscapeTests {
    @Test func finalizersAreRefused() throws {
        expectDenied("setmetatable({}, { __gc = function() while true do end end })", mentions: "__gc metamethods are not available")
        #expect(try sandbox.evaluate("return getmetatable(setmetatable({}, { __index = { x = 1 } })).__index.x") == .integer(1))
    }
}
