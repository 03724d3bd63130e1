import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// Denial of service is stopped by the instruction and memory budgets, and the runtime survives it.
@Suite struct SandboxBudgetTests {
    let sandbox: Sandbox

    init() throws { sandbox = try Support.sandbox() }

    func expectBudget(_ attack: String, instructions: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try sandbox.evaluate(attack)
        } throws: { error in
            switch error as? LuaError {
            case .instructionBudget?: return instructions
            case .memoryBudget?: return !instructions
            default:
                Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
                return false
            }
        }
        #expect((try? sandbox.evaluate("local t = {} for i = 1, 1000 do t[i] = i end return #t")) == .integer(1000),
                sourceLocation: sourceLocation)
    }

    @Test func anEndlessLoopRunsOutOfInstructions() {
        expectBudget("while true do end", instructions: true)
    }

    @Test func catchingTheBudgetErrorDoesNotHelp() {
        expectBudget("while true do pcall(function() while true do end end) end", instructions: true)
    }

    @Test func aCoroutineThatLoopsForeverIsStopped() {
        expectBudget("local co = coroutine.wrap(function() while true do end end) co()", instructions: true)
        expectBudget("while true do coroutine.resume(coroutine.create(function() while true do end end)) end", instructions: true)
    }

    @Test func aHugeStringIsRefused() {
        // Lua refuses 10 GB outright; 100 MB is within Lua's limits but not within the 32 MiB budget.
        #expect {
            _ = try sandbox.evaluate("return string.rep('x', 1e10)")
        } throws: { error in
            String(describing: error).contains("string too large") || error is LuaError
        }
        expectBudget("return string.rep('x', 1e8)", instructions: false)
    }

    @Test func aGrowingTableRunsOutOfMemory() {
        // (The 1,000-byte piece is made once: string.rep charges one instruction per piece.)
        expectBudget("local t = {} local i = 0 local x = string.rep('x', 1000) while true do i = i + 1 t[i] = x .. i end",
                     instructions: false)
    }

    @Test func unboundedRecursionIsAClearError() {
        #expect {
            _ = try sandbox.evaluate("local function f(n) return 1 + f(n + 1) end return f(1)")
        } throws: { error in
            String(describing: error).contains("stack overflow") || error is LuaError
        }
        #expect((try? sandbox.evaluate("return 2 * 21")) == .integer(42))
    }

    @Test func theBudgetErrorNamesTheLimitAndTheLine() {
        #expect {
            _ = try sandbox.evaluate("local x = 0\nwhile true do x = x + 1 end")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("instruction budget of 2000000 exceeded") && text.contains(":2")
        }
    }

    @Test func memoryIsReturnedAfterATrip() throws {
        expectBudget("local t = {} for i = 1, 1e8 do t[i] = i end", instructions: true)
        let before = sandbox.runtime.memoryInUse
        #expect(before < 8 << 20)
    }
}
