import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// Values cross the bridge both ways unchanged.
@Suite struct LuaValueBridgeTests {
    let runtime: LuaRuntime
    let identity: LuaFunctionRef

    init() throws {
        runtime = try LuaRuntime()
        identity = try runtime.call(try runtime.compile("return function(...) return ... end", chunkName: "id"))[0].functionValue!
    }

    func roundTrip(_ value: LuaValue) throws -> LuaValue {
        try runtime.call(identity, [value])[0]
    }

    @Test func scalarsKeepTheirTypes() throws {
        #expect(try roundTrip(.integer(42)) == .integer(42))
        #expect(try roundTrip(.number(42)) == .number(42))
        #expect(try roundTrip(.number(0.1)) == .number(0.1))
        #expect(try roundTrip(.integer(.max)) == .integer(.max))
        #expect(try roundTrip(.bool(false)) == .bool(false))
        #expect(try roundTrip(.nil) == .nil)
    }

    @Test func integersAndFloatsStayDistinctInLua() throws {
        let types = try runtime.call(try runtime.compile("return function(a, b) return math.type(a), math.type(b) end", chunkName: "t"))[0].functionValue!
        #expect(try runtime.call(types, [.integer(3), .number(3)]) == [.string("integer"), .string("float")])
    }

    @Test func stringsWithNulBytesAndUnicodeSurvive() throws {
        let text = "Zoë \u{0}mom 🚀 ग्राहक"
        #expect(try roundTrip(.string(text)) == .string(text))
        let length = try runtime.call(try runtime.compile("return function(s) return #s end", chunkName: "len"))[0].functionValue!
        #expect(try runtime.call(length, [.string(text)]) == [.integer(Int64(text.utf8.count))])
    }

    @Test func invalidUTF8ComesBackAsBytes() throws {
        let bytes = try runtime.call(try runtime.compile("return '\\255\\0ab'", chunkName: "b"))
        #expect(bytes == [.bytes([255, 0, 97, 98])])
    }

    @Test func nestedTablesRoundTrip() throws {
        let value: LuaValue = [
            "name": "Gen Z Moms",
            "weights": ["a": 0.4, "b": .integer(3)],
            "list": [1, 2.5, "three", ["deep": [[[["deeper"]]]]]],
            "flags": .table([.integer(7): true, .string("x"): false]),
        ]
        #expect(try roundTrip(value) == value)
    }

    @Test func sequencesBecomeArraysAndSparseTablesDoNot() throws {
        let chunk = try runtime.compile("return {10, 20, 30}, {[1] = 'a', [3] = 'c'}, {}", chunkName: "s")
        let results = try runtime.call(chunk)
        #expect(results[0] == [10, 20, 30])
        #expect(results[1] == .table([.integer(1): "a", .integer(3): "c"]))
        #expect(results[2] == .table([:]))
    }

    @Test func cyclesAreRejectedButSharedTablesAreCopied() throws {
        let cyclic = try runtime.compile("local t = {a = {}}; t.a.back = t; return t", chunkName: "c")
        #expect(throws: LuaError.self) { try runtime.call(cyclic) }
        let shared = try runtime.compile("local s = {1}; return {x = s, y = s}", chunkName: "d")
        #expect(try runtime.call(shared) == [["x": [1], "y": [1]]])
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = try runtime.compile("local t = {} ; local r = t; for i = 1, 10000 do t[1] = {}; t = t[1] end; return r", chunkName: "deep")
        #expect {
            try runtime.call(deep)
        } throws: { error in
            (error as? LuaError)?.description.contains("nested deeper") == true
        }
        #expect(try roundTrip(42) == 42)
    }

    @Test func functionsComeBackAsCallableReferences() throws {
        let adder = try runtime.call(try runtime.compile("return function(a, b) return a + b end", chunkName: "f"))[0]
        guard case .function(let f) = adder else { Issue.record("not a function"); return }
        #expect(try runtime.call(f, [2, 3]) == [5])
        #expect(try runtime.callNumber(f, 1.5, 2, 0) == 3.5)
    }

    @Test func aFunctionFromAnotherRuntimeIsRefused() throws {
        let other = try LuaRuntime()
        let foreign = try other.compile("return 1", chunkName: "x")
        #expect(throws: LuaError.self) { try runtime.call(identity, [.function(foreign)]) }
    }

    @Test func hostFunctionsSeeArgumentsAndRaiseCleanErrors() throws {
        let twice = runtime.makeFunction { args in
            guard let x = args.first?.doubleValue else { throw LuaRuntime.HostFunctionError("twice: expected a number") }
            return [.number(x * 2)]
        }
        let user = try runtime.call(try runtime.compile("""
            return function(f)
              local ok, err = pcall(f, "nope")
              return f(21), ok, err
            end
            """, chunkName: "user.lua"))[0].functionValue!
        let results = try runtime.call(user, [.function(twice)])
        #expect(results[0] == .number(42))
        #expect(results[1] == .bool(false))
        #expect(results[2].stringValue?.contains("twice: expected a number") == true)
    }

    @Test func hostFunctionsWorkFromInsideCoroutines() throws {
        let echo = runtime.makeFunction { args in args }
        let user = try runtime.call(try runtime.compile("""
            return function(f)
              local co = coroutine.wrap(function(a) local x = f(a, "b") ; coroutine.yield(x) end)
              return co("a")
            end
            """, chunkName: "co.lua"))[0].functionValue!
        #expect(try runtime.call(user, [.function(echo)]) == ["a"])
    }
}
