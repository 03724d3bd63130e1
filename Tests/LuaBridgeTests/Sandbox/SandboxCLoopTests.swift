import Testing
import Builtins
@testable import LuaBridge
import TestSupport

/// Library functions that would loop in C for ever on plugin input (where the count hook cannot
/// see them) charge their work to the instruction budget: each attack below used to hang the
/// process, and now fails with a budget error naming the plugin's line, after which the same
/// runtime works normally.
@Suite struct SandboxCLoopTests {
    /// The catastrophic backtracking pattern: 40 'a's against `a*a*…a*b` (about 40^40 steps).
    static let backtracking = "('a'):rep(40):find(('a*'):rep(40) .. 'b')"

    let sandbox: Sandbox

    init() throws { sandbox = try Support.sandbox() }

    /// Runs `attack`, expects an instruction budget error on `line` (when given), then checks
    /// the sandbox still works.
    func expectBudget(_ attack: String, line: Int? = nil, in box: Sandbox? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let box = box ?? sandbox
        #expect(sourceLocation: sourceLocation) {
            _ = try box.evaluate(attack)
        } throws: { error in
            guard case .instructionBudget(let limit, let failure)? = error as? LuaError else {
                Issue.record("expected an instruction budget error, got: \(error)", sourceLocation: sourceLocation)
                return false
            }
            if let line, failure.line != line {
                Issue.record("the error names line \(failure.line.map(String.init) ?? "none"), not \(line): \(error)",
                             sourceLocation: sourceLocation)
            }
            return limit == box.runtime.limits.instructions
                && String(describing: error).contains("instruction budget of \(limit) exceeded")
        }
        #expect((try? box.evaluate("return ('abc'):find('b') + #table.concat({'x', 'y'})")) == .integer(4),
                sourceLocation: sourceLocation)
    }

    @Test func aBacktrackingPatternRunsOutOfInstructions() {
        expectBudget("local x = 1\nreturn \(Self.backtracking)", line: 2)
    }

    @Test func everyPatternFunctionAndTheStringMethodsAreBounded() {
        let subject = "('a'):rep(40)"
        let pattern = "('a*'):rep(40) .. 'b'"
        expectBudget("return string.find(\(subject), \(pattern))")
        expectBudget("return string.match(\(subject), \(pattern))")
        expectBudget("return (\(subject)):match(\(pattern))")
        expectBudget("return string.gsub(\(subject), \(pattern), 'x')")
        expectBudget("return (\(subject)):gsub(\(pattern), 'x')")
        expectBudget("for m in string.gmatch(\(subject), \(pattern)) do end")
        expectBudget("for m in (\(subject)):gmatch(\(pattern)) do end")
        expectBudget("local find = string.find string.find = nil return find(\(subject), \(pattern))")
    }

    @Test func theStatesRealGlobalsAreBoundedToo() throws {
        // A chunk compiled by the host runs with the state's real globals, not the plugin's copies.
        let runtime = sandbox.runtime
        for source in ["return string.find(('a'):rep(40), ('a*'):rep(40) .. 'b')",
                       "return \(Self.backtracking)",
                       "local t = {} table.move(t, 1, 1e15, 2)",
                       "return load(os.time)"] {
            #expect {
                try runtime.call(try runtime.compile(source, chunkName: "=host"))
            } throws: { error in
                if case .instructionBudget? = error as? LuaError { return true }
                if case .memoryBudget? = error as? LuaError { return source.contains("load") }
                return false
            }
        }
    }

    @Test func pcallCannotSwallowAPatternBudgetError() {
        expectBudget("while true do pcall(string.find, ('a'):rep(40), ('a*'):rep(40) .. 'b') end")
        // Not even as the call's very last act, when no further instruction would raise it again.
        expectBudget("local x = 1\nreturn pcall(string.rep, '', 1e18)", line: 2)
        expectBudget("return load(os.time)")
    }

    @Test func aBacktrackingFormulaFailsOnItsRowAndTheRuntimeCarriesOn() throws {
        let runtime = sandbox.runtime
        let slow = try runtime.call(try runtime.compile("return function(u) return \(Self.backtracking) and 1 or u.a end",
                                                        chunkName: "formula"))[0].functionValue!
        let fast = try runtime.call(try runtime.compile("return function(u) if u.a > 1 then return 1 end return u.a end",
                                                        chunkName: "formula"))[0].functionValue!
        let columns = ColumnTable(userIDs: [1, 2, 3], numeric: ["a": [0.5, 2, 0.25]])
        #expect {
            _ = try runtime.evaluateRows(slow, columns: columns, fields: ["a"], rows: 0..<3)
        } throws: { error in
            guard let failure = error as? LuaRuntime.RowFailure, case .instructionBudget = failure.error else { return false }
            return failure.row == 0
        }
        #expect(try runtime.evaluateRows(fast, columns: columns, fields: ["a"], rows: 0..<3) == [0.5, 1, 0.25])
        // The same attack through repeated calls: every call gets a fresh budget and fails alike.
        for _ in 0..<3 {
            #expect(throws: LuaError.self) { try sandbox.call(slow, [["a": 1]]) }
            #expect(try sandbox.call(fast, [["a": 0.5]]) == [.number(0.5)])
        }
    }

    @Test func patternsBehaveAsInStockLua() throws {
        #expect(try sandbox.evaluate("return select(2, ('hello world'):gsub('o', '0'))") == .integer(2))
        #expect(try sandbox.evaluate("return ('key = value'):match('^(%w+)%s*=%s*(%w+)$')") == "key")
        #expect(try sandbox.evaluate("return ('(a(b)c)'):find('%b()')") == .integer(1))
        #expect(try sandbox.evaluate("local n = 0 for w in ('one two three'):gmatch('%a+') do n = n + 1 end return n") == .integer(3))
        #expect(throws: LuaError.self) { try sandbox.evaluate("return ('x'):find('[a')") }
        // A long but linear match is well within the budget.
        #expect(try sandbox.evaluate("return #(('a'):rep(100000):match('^a*$'))") == .integer(100_000))
    }

    @Test func plainFindsOverAHugeStringRunOutOfInstructions() throws {
        // 200 plain finds over 64 MiB: memchr is fast, but 12.8 GB is not free, and a needle
        // whose first byte is everywhere costs one try per byte.
        // The default budgets; a generous deadline, so that only the instruction budget can stop it.
        let box = try Support.sandbox(limits: .init(deadline: .seconds(60)))
        let big = "local s = ('a'):rep(1024):rep(65536)\n"
        expectBudget(big + "for i = 1, 200 do assert(not s:find('x')) end", line: 2, in: box)
        expectBudget(big + "for i = 1, 200 do assert(not s:find('ab', 1, true)) end", line: 2, in: box)
    }

    @Test func anEmptyStringRepeatedForeverRunsOutOfInstructions() {
        expectBudget("return string.rep('', 1e18)")
        expectBudget("return ('').rep('', 1e15, '')")
        expectBudget("return #string.rep('ab', 1e7, ',')")  // 10^7 pieces: within memory, not instructions
    }

    @Test func stringRepStillWorks() throws {
        #expect(try sandbox.evaluate("return string.rep('ab', 3, '-')") == "ab-ab-ab")
        #expect(try sandbox.evaluate("return string.rep('', 5)") == "")
        #expect(try sandbox.evaluate("return string.rep('x', 0)") == "")
    }

    @Test func aHugeTableMoveRunsOutOfInstructions() {
        expectBudget("local t = {1, 2, 3} table.move(t, 1, 1e15, 2)")
        expectBudget("local t = {1, 2, 3} table.move(t, 1, 1e15, 1, {})")
    }

    @Test func aConcatOverACFunctionIndexRunsOutOfInstructions() {
        // No Lua instruction runs while table.concat calls a C __index: the count hook never fires.
        expectBudget("local P = setmetatable({}, {__index = table.concat}) return table.concat(P, '', 1, 1e15)")
    }

    @Test func sortingAProxyWithAHugeLengthRunsOutOfInstructions() {
        expectBudget("""
            local P = setmetatable({}, {__len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawequal})
            table.sort(P)
            """)
        expectBudget("""
            local P = setmetatable({}, {__len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawequal})
            table.sort(P, rawequal)
            """)
    }

    @Test func insertRemoveAndUnpackOnAProxyAreBounded() {
        let proxy = "local P = setmetatable({}, {__len = function() return 1e15 end, __index = rawlen, __newindex = rawequal})"
        expectBudget("\(proxy) table.insert(P, 1, 'x')")
        expectBudget("\(proxy) table.remove(P, 1)")
        #expect(throws: LuaError.self) { try sandbox.evaluate("return table.unpack({}, 1, 1e15)") }  // "too many results"
    }

    @Test func loadFedForeverByACFunctionIsStopped() {
        // os.time returns digits for ever: one number token that grows until something gives.
        #expect {
            _ = try sandbox.evaluate("local f, why = load(os.time) return f, why")
        } throws: { error in
            switch error as? LuaError {
            case .instructionBudget?, .memoryBudget?: true
            default: false
            }
        }
        #expect((try? sandbox.evaluate("return load('return 1 + 1')()")) == .integer(2))
    }

    @Test func utf8FunctionsStillWork() throws {
        #expect(try sandbox.evaluate("return utf8.len('Zoë')") == .integer(3))
        #expect(try sandbox.evaluate("return utf8.char(72, 233)") == "Hé")
        #expect(try sandbox.evaluate("local n = 0 for _, c in utf8.codes('añb') do n = n + c end return n") == .integer(97 + 241 + 98))
        expectBudget("local s = ('\\x80'):rep(1 << 20) local f = utf8.codes(s) while true do f(s, 0) end")
    }

    @Test func numeralsAndDateFormatsAreCharged() throws {
        // Each call reads a whole megabyte: a handful of instructions each, but 10^6 bytes of work.
        let digits = "local s = ('1'):rep(1 << 20)\n"
        expectBudget(digits + "while true do local n = tonumber(s) end", line: 2)
        expectBudget(digits + "while true do local n = s + 0 end", line: 2)
        expectBudget("local f = ('%c'):rep(1 << 12)\nwhile true do local d = os.date(f, 0) end", line: 2)
        #expect(try sandbox.evaluate("return tonumber('  0x10  ') + tonumber('z', 36) + ('2' * '3')") == .integer(16 + 35 + 6))
        #expect(try sandbox.evaluate("return os.date('!%Y-%m-%d', 86400)") == "1970-01-02")
        #expect(try sandbox.evaluate("return os.date('!*t', 0).year") == .integer(1970))
        #expect {
            _ = try sandbox.evaluate("return os.date('%Ez')")
        } throws: { error in
            String(describing: error).contains("bad argument #1 to 'date' (invalid conversion specifier '%Ez')")
        }
    }
}
