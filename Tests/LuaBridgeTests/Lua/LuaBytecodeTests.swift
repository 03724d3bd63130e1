import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// The bytecode proof behind the fast paths: only straight-line arithmetic counts as bounded.
@Suite struct LuaBytecodeTests {
    let runtime: LuaRuntime

    init() throws { runtime = try LuaRuntime() }

    func function(_ source: String) throws -> LuaFunctionRef {
        try #require(try runtime.call(try runtime.compile("return " + source, chunkName: "f")).first?.functionValue)
    }

    @Test func arithmeticOverArgumentsAndFieldsIsBounded() throws {
        for source in [
            "function(a, b, c) return a * 0.4 + b * 0.3 + c * 0.3 end",
            "function(u) return u.privacy_pref * 0.4 + u.price_sensitivity * 0.6 end",
            "function(u) return u.device_count / 8 * 0.6 + (1 - u.privacy_pref) * 0.4 end",
            "function(u) local x = u.a ^ 2 return -x % 3 + u.b // 2 end",
        ] {
            #expect(runtime.bytecode(of: try function(source))?.isBoundedArithmetic == true, "\(source)")
        }
    }

    @Test func branchesCallsLoopsAndOuterValuesAreNot() throws {
        for source in [
            "function(u) if u.a == 1 then return 1 end return 0 end",
            "function(u) return u.a > 1 and 1 or 0 end",
            "function(u) return math.max(u.a, 0) end",
            "function(u) local s = 0 for i = 1, 10 do s = s + i end return s end",
            "function(u) while true do end end",
            "function(u) return W + u.a end",
            "function(u) return (function() return 1 end)() end",
            "function(u) return u.name .. '!' end",
            "function(u) return #u.list end",
        ] {
            #expect(runtime.bytecode(of: try function(source))?.isBoundedArithmetic == false, "\(source)")
        }
    }

    @Test func boundedCallsStillEnforceErrorsAndTheMemoryBudget() throws {
        let f = try function("function(a, b, c) return a.x + b end")
        #expect(throws: LuaError.self) { try runtime.callNumber(f, 1, 2, 3) }
        // The hook is re-armed afterwards: an endless loop is still stopped.
        let loop = try runtime.compile("while true do end", chunkName: "loop")
        #expect(throws: LuaError.self) { try runtime.call(loop) }
        let fast = try function("function(a, b, c) return a * 0.4 + b * 0.3 + c * 0.3 end")
        #expect(try runtime.callNumber(fast, 1, 1, 1) == 1.0)
    }
}
