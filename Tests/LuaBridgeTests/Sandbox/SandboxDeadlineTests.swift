import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// Every call into a plugin has a wall-clock deadline on top of the budgets: work the
/// instruction count undercounts (one VM instruction copying megabytes, C functions on big
/// strings) still ends, with a timeout error, and the runtime stays usable.
@Suite struct SandboxDeadlineTests {
    /// A budget no test reaches, so that only the deadline can stop the call.
    static let unlimitedInstructions: Int64 = 1 << 60

    func sandbox(deadline: Duration) throws -> Sandbox {
        try Support.sandbox(limits: .init(instructions: Self.unlimitedInstructions, memoryBytes: 64 << 20, deadline: deadline))
    }

    /// Runs `attack`, expects a timeout naming `deadline` (and `line`, when given), then checks
    /// the sandbox works again: the deadline restarts with every call.
    func expectTimeout(_ attack: String, deadline: Duration, line: Int? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let box = try sandbox(deadline: deadline)
        #expect(sourceLocation: sourceLocation) {
            _ = try box.evaluate(attack)
        } throws: { error in
            guard case .timeout(let limit, let failure)? = error as? LuaError else {
                Issue.record("expected a timeout, got: \(error)", sourceLocation: sourceLocation)
                return false
            }
            if let line, failure.line != line {
                Issue.record("the error names line \(failure.line.map(String.init) ?? "none"), not \(line): \(error)",
                             sourceLocation: sourceLocation)
            }
            return limit == deadline
                && String(describing: error).hasSuffix("wall-clock deadline of \(LuaError.seconds(deadline)) s exceeded")
        }
        #expect((try? box.evaluate("local n = 0 for i = 1, 1000 do n = n + i end return n")) == .integer(500_500),
                sourceLocation: sourceLocation)
    }

    @Test func repeatedUpperOnABigStringHitsTheDeadline() throws {
        try expectTimeout("local s = ('x'):rep(1 << 22)\nwhile true do local u = s:upper() end",
                          deadline: .milliseconds(500), line: 2)
    }

    @Test func concatenatingBigStringsInTheVMHitsTheDeadline() throws {
        // Each `..` is one instruction copying 8 MiB: the instruction count barely moves.
        try expectTimeout("local s = ('x'):rep(1 << 22)\nwhile true do local t = s .. s end",
                          deadline: .milliseconds(250), line: 2)
    }

    @Test func comparingBigStringsInTheVMHitsTheDeadline() throws {
        // `==` on two equal 4 MiB strings compares them whole in one instruction and allocates
        // nothing: only the count hook's own clock check can stop this loop.
        try expectTimeout("local a, b = ('x'):rep(1 << 22), ('x'):rep(1 << 21):rep(2)\nwhile a == b do end",
                          deadline: .milliseconds(250), line: 2)
    }

    @Test func anEndlessLoopWithAnUnlimitedBudgetHitsTheDeadline() throws {
        try expectTimeout("local x = 0\nwhile true do x = x + 1 end", deadline: .milliseconds(250), line: 2)
    }

    @Test func pcallCannotSwallowTheDeadline() throws {
        try expectTimeout("while true do pcall(function() while true do end end) end", deadline: .milliseconds(250))
    }

    @Test func theDeadlineErrorReadsLikeTheOthers() throws {
        let box = try sandbox(deadline: .milliseconds(200))
        #expect {
            _ = try box.evaluate("local x = 0\nwhile true do x = x + 1 end")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("plugins/test/eval-") && text.hasSuffix(".lua:2: wall-clock deadline of 0.2 s exceeded")
        }
    }

    @Test func aFormulaCallPerRowHasItsOwnDeadline() throws {
        let box = try sandbox(deadline: .milliseconds(200))
        let runtime = box.runtime
        let formula = try runtime.call(try runtime.compile(
            "return function(u) if u.a < 0 then while true do end end return u.a * 2 end", chunkName: "formula"))[0].functionValue!
        let columns = ColumnTable(userIDs: [1, 2, 3], numeric: ["a": [1, -1, 3]])
        #expect {
            _ = try runtime.evaluateRows(formula, columns: columns, fields: ["a"], rows: 0..<3)
        } throws: { error in
            guard let failure = error as? LuaRuntime.RowFailure, case .timeout = failure.error else { return false }
            return failure.row == 1
        }
        #expect(try runtime.evaluateRows(formula, columns: columns, fields: ["a"], rows: 0..<1) == [2])
    }

    @Test func boundedCallsAreNotTimed() throws {
        // Straight-line arithmetic runs unhooked: even a deadline of 1 ns cannot stop it.
        let box = try sandbox(deadline: .nanoseconds(1))
        let runtime = box.runtime
        let formula = try runtime.call(try runtime.compile("return function(a, b, c) return a * b + c end",
                                                           chunkName: "formula"))[0].functionValue!
        #expect(try runtime.callNumber(formula, 2, 3, 4) == 10)
    }
}
