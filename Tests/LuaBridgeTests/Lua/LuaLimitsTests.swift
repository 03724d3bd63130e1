import Testing
@testable import LuaBridge

/// `LuaRuntime.Limits.fromEnvironment`: the defaults, the three variables, and a clear error
/// naming the variable and its value for anything that is not a valid limit.
@Suite struct LuaLimitsTests {
    @Test func theDefaultsWhenNothingIsSet() throws {
        let limits = try LuaRuntime.Limits.fromEnvironment(["HOME": "/root"])
        #expect(limits == .default)
        #expect(limits.instructions == 100_000_000)
        #expect(limits.memoryBytes == 256 << 20)
        #expect(limits.deadline == .seconds(5))
    }

    @Test func eachVariableSetsItsLimit() throws {
        let limits = try LuaRuntime.Limits.fromEnvironment([
            "PERSONA_HOST_LUA_INSTRUCTIONS": "5000",
            "PERSONA_HOST_LUA_MEMORY_MB": "64",
            "PERSONA_HOST_LUA_TIMEOUT": "0.5",
        ])
        #expect(limits == LuaRuntime.Limits(instructions: 5000, memoryBytes: 64 << 20, deadline: .milliseconds(500)))
        #expect(try LuaRuntime.Limits.fromEnvironment(["PERSONA_HOST_LUA_TIMEOUT": "30"]).deadline == .seconds(30))
        #expect(try LuaRuntime.Limits.fromEnvironment(["PERSONA_HOST_LUA_TIMEOUT": " 2.25 "]).deadline == .milliseconds(2250))
        #expect(try LuaRuntime.Limits.fromEnvironment(["PERSONA_HOST_LUA_MEMORY_MB": ""]) == .default)
    }

    @Test(arguments: [
        ("PERSONA_HOST_LUA_INSTRUCTIONS", "999"), ("PERSONA_HOST_LUA_INSTRUCTIONS", "1e8"),
        ("PERSONA_HOST_LUA_INSTRUCTIONS", "-5000"), ("PERSONA_HOST_LUA_INSTRUCTIONS", "lots"),
        ("PERSONA_HOST_LUA_MEMORY_MB", "0"), ("PERSONA_HOST_LUA_MEMORY_MB", "1.5"), ("PERSONA_HOST_LUA_MEMORY_MB", "99999999999999999"),
        ("PERSONA_HOST_LUA_TIMEOUT", "0"), ("PERSONA_HOST_LUA_TIMEOUT", "-1"), ("PERSONA_HOST_LUA_TIMEOUT", "nan"),
        ("PERSONA_HOST_LUA_TIMEOUT", "inf"), ("PERSONA_HOST_LUA_TIMEOUT", "1e3"), ("PERSONA_HOST_LUA_TIMEOUT", "5s"),
        ("PERSONA_HOST_LUA_TIMEOUT", "0x10"), ("PERSONA_HOST_LUA_TIMEOUT", "99999999999"),
    ])
    func aBadValueIsATypedErrorNamingTheVariableAndTheValue(variable: String, value: String) {
        #expect {
            _ = try LuaRuntime.Limits.fromEnvironment([variable: value])
        } throws: { error in
            guard let error = error as? LuaRuntime.LimitsError else { return false }
            return error.variable == variable && error.value == value
                && error.description.hasPrefix("\(variable)='\(value)' is not valid: expected ")
        }
    }

    @Test func aRuntimeEnforcesTheLimitsItWasGiven() throws {
        let limits = try LuaRuntime.Limits.fromEnvironment(["PERSONA_HOST_LUA_INSTRUCTIONS": "5000"])
        let runtime = try LuaRuntime(limits: limits)
        #expect {
            try runtime.call(try runtime.compile("for i = 1, 10000 do end", chunkName: "=loop"))
        } throws: { error in
            if case .instructionBudget(5000, _)? = error as? LuaError { return true }
            return false
        }
    }
}
