import Foundation
import Testing
@testable import LuaBridge
import TestSupport

/// The sandbox's `pairs` visits keys in a stable order, so a plugin that loops with `pairs` gives
/// the same answer on every run (Lua's own order for string keys depends on a per-state seed).
struct SandboxPairsTests {
    static let listing = """
        local t = { zeta = 1, alpha = 2, [3] = "c", [1] = "a", mid = 3, [2.5] = "x", [true] = 4, [false] = 5, [10] = "j" }
        local out = {}
        for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
        return table.concat(out, ",")
        """

    @Test func visitsNumbersThenStringsThenBooleansInOrder() throws {
        let box = try Support.sandbox()
        #expect(try box.evaluate(Self.listing) == "1=a,2.5=x,3=c,10=j,alpha=2,mid=3,zeta=1,false=5,true=4")
    }

    @Test func theOrderIsTheSameInEveryState() throws {
        // Many string keys: Lua's own order would differ between states with different seeds.
        let source = """
            local t = {}
            for i = 1, 200 do t["key" .. i] = i end
            local out = {}
            for k in pairs(t) do out[#out + 1] = k end
            return table.concat(out, ",")
            """
        let first = try Support.sandbox().evaluate(source)
        for _ in 0..<5 { #expect(try Support.sandbox().evaluate(source) == first) }
        let expected = (1...200).map { "key\($0)" }.sorted().joined(separator: ",")
        #expect(first == .string(expected))
    }

    @Test func removingKeysDuringTheLoopIsAllowedAndSkipsThem() throws {
        let box = try Support.sandbox()
        let result = try box.evaluate("""
            local t = { a = 1, b = 2, c = 3, d = 4 }
            local seen = {}
            for k in pairs(t) do
              seen[#seen + 1] = k
              if k == "a" then t.c = nil end
              t[k] = nil
            end
            return table.concat(seen, ",") .. ";" .. tostring(next(t))
            """)
        #expect(result == "a,b,d;nil")
    }

    @Test func aPairsMetamethodIsHonoured() throws {
        let box = try Support.sandbox()
        let result = try box.evaluate("""
            local t = setmetatable({}, { __pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end })
            local out = {}
            for k, v in pairs(t) do out[#out + 1] = k .. v end
            return table.concat(out)
            """)
        #expect(result == "1one")
    }

    @Test func pairsOfANonTableFailsAsInLua() throws {
        let box = try Support.sandbox()
        #expect(throws: LuaError.self) { try box.evaluate("for k in pairs(nil) do end") }
    }
}
