import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// The fields a formula reads from `u`, found in its bytecode, with their lines.
@Suite struct ParameterReadsTests {
    let sandbox: Sandbox

    init() throws { sandbox = try Support.sandbox() }

    func reads(_ source: String) throws -> ParameterReads {
        let function = try #require(try sandbox.evaluate(source).functionValue)
        return try #require(sandbox.runtime.parameterReads(of: function))
    }

    @Test func straightReadsAreFoundWithTheirLines() throws {
        let r = try reads("""
            return function(u)
              local a = u.privacy_pref * 0.4
              return a + u.price_sensitivity
            end
            """)
        #expect(r.reads == [.init(field: "privacy_pref", line: 2), .init(field: "price_sensitivity", line: 3)])
        #expect(r.isComplete)
    }

    @Test func branchesCopiesAndClosuresAreFollowed() throws {
        let r = try reads("""
            local limit = 3
            return function(u)
              local v = u
              if v.device_count > limit then return 1 end
              local f = function() return u.emi_flag end
              return f() + (u["age"] or 0)
            end
            """)
        #expect(r.fields == ["device_count", "emi_flag", "age"])
        #expect(r.isComplete)
    }

    @Test func computedKeysAndEscapesMakeTheReadsOpenEnded() throws {
        let dynamic = try reads("return function(u) local k = 'a' .. 'ge' return u[k] end")
        #expect(!dynamic.isComplete)
        #expect(dynamic.openEndedBecause?.contains("computed key") == true)
        let passed = try reads("local function helper(t) return t.x end return function(u) return helper(u) + u.y end")
        #expect(!passed.isComplete)
        #expect(passed.fields == ["y"])
        #expect(passed.openEndedBecause?.contains("passed to a function") == true)
    }

    @Test func readsOfOtherTablesAreNotTheParameters() throws {
        let r = try reads("local W = { a = 1 } return function(u, w) return W.a + w.b + u.c end")
        #expect(r.fields == ["c"])
        #expect(r.isComplete)
    }

    @Test func aFunctionKnowsWhereItIsDefined() throws {
        let function = try #require(try sandbox.evaluate("\n\nreturn function(u)\n return u.x\nend").functionValue)
        let location = try #require(sandbox.runtime.location(of: function))
        #expect(location.line == 3)
        #expect(location.file.hasPrefix("plugins/test/"))
    }
}
