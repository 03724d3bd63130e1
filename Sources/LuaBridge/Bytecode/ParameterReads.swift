/// Which fields a function reads from its first parameter, found in its bytecode: how the host
/// checks a feature formula's `u.column` reads against the plugin's columns and the users table
/// before any user is evaluated.
///
/// The analysis follows the parameter through register copies (`local v = u`) and into nested
/// closures (as an upvalue), and records every `u.name` (GETFIELD, GETTABUP, SELF with a
/// constant key) with its line. A computed key (`u[name]`), an integer key, or the parameter
/// escaping (passed to a call, stored in a table, returned) makes the reads open-ended: then
/// `isComplete` is false and the list holds only the reads that are certain.
public struct ParameterReads: Sendable, Equatable {
    /// One `u.name` read.
    public struct Read: Sendable, Equatable, Hashable {
        public var field: String
        /// The source line of the read (0 when the function has no debug information).
        public var line: Int
    }

    /// Every constant-key read, in code order (the same field may appear on several lines).
    public var reads: [Read]
    /// False when the function may also read fields it does not name (computed keys, the
    /// parameter passed elsewhere).
    public var isComplete: Bool
    /// Why the reads are open-ended, for messages (`u[key] on line 12`).
    public var openEndedBecause: String?

    /// The distinct fields read, in first-read order.
    public var fields: [String] {
        var seen = Set<String>()
        return reads.map(\.field).filter { seen.insert($0).inserted }
    }
}

/// The analysis itself, over a parsed dump.
enum ParameterReadAnalysis {
    static let move: UInt32 = 0, getUpval: UInt32 = 9, setUpval: UInt32 = 10, getTabUp: UInt32 = 11
    static let getTable: UInt32 = 12, getI: UInt32 = 13, getField: UInt32 = 14, setTabUp: UInt32 = 15
    static let setTable: UInt32 = 16, setI: UInt32 = 17, setField: UInt32 = 18, selfOp: UInt32 = 20
    static let len: UInt32 = 52, concat: UInt32 = 53, eq: UInt32 = 57, eqK: UInt32 = 60
    static let test: UInt32 = 66, testSet: UInt32 = 67, call: UInt32 = 68, tailCall: UInt32 = 69
    static let returnOp: UInt32 = 70, return1: UInt32 = 72, tforCall: UInt32 = 76, setList: UInt32 = 78
    static let closure: UInt32 = 79

    /// The reads of parameter 0 of `dump`.
    static func analyse(_ dump: FunctionDump) -> ParameterReads {
        var result = ParameterReads(reads: [], isComplete: true, openEndedBecause: nil)
        guard dump.parameterCount >= 1 else { return result }
        walk(dump, registers: [0], upvalues: [], into: &result)
        return result
    }

    private static func walk(_ f: FunctionDump, registers start: Set<Int>, upvalues: Set<Int>, into result: inout ParameterReads) {
        var alias = start
        func line(_ pc: Int) -> Int { pc < f.lines.count ? f.lines[pc] : f.lineDefined }
        func key(_ index: Int) -> String? {
            guard index < f.constants.count, case .string(let s) = f.constants[index] else { return nil }
            return s
        }
        func openEnded(_ why: String, _ pc: Int) {
            if result.isComplete { result.openEndedBecause = "\(why) on line \(line(pc))" }
            result.isComplete = false
        }
        for (pc, i) in f.code.enumerated() {
            let op = i & 0x7f
            let a = Int((i >> 7) & 0xff), k = (i >> 15) & 1 == 1
            let b = Int((i >> 16) & 0xff), c = Int((i >> 24) & 0xff), bx = Int(i >> 15)
            switch op {
            case move:
                if alias.contains(b) { alias.insert(a) } else { alias.remove(a) }
                continue
            case getField:
                if alias.contains(b), let name = key(c) { result.reads.append(.init(field: name, line: line(pc))) }
                alias.remove(a)
                continue
            case getTabUp:
                if upvalues.contains(b), let name = key(c) { result.reads.append(.init(field: name, line: line(pc))) }
                alias.remove(a)
                continue
            case getUpval:
                if upvalues.contains(b) { alias.insert(a) } else { alias.remove(a) }
                continue
            case getTable, getI:
                if alias.contains(b) { openEnded(op == getI ? "u[integer]" : "u[computed key]", pc) }
                alias.remove(a)
                continue
            case selfOp:
                // R[A+1] := u; R[A] := u[K[C]]: a read, and then u is passed to the method.
                let selfIsAlias = alias.contains(b)
                if selfIsAlias {
                    if k, let name = key(c) { result.reads.append(.init(field: name, line: line(pc))) } else { openEnded("u:method()", pc) }
                }
                alias.remove(a)
                if selfIsAlias { alias.insert(a + 1) } else { alias.remove(a + 1) }
                continue
            case closure:
                guard bx < f.prototypes.count else { continue }
                let child = f.prototypes[bx]
                var childUpvalues = Set<Int>()
                for (index, up) in child.upvalues.enumerated() where up.inStack ? alias.contains(up.index) : upvalues.contains(up.index) {
                    childUpvalues.insert(index)
                }
                if !childUpvalues.isEmpty { walk(child, registers: [], upvalues: childUpvalues, into: &result) }
                alias.remove(a)
                continue
            case call, tailCall:
                // Arguments R[A+1]…R[A+B-1]; B = 0 means up to the top (every register above A).
                let arguments = b == 0 ? alias.filter { $0 > a } : alias.filter { $0 > a && $0 < a + b }
                if !arguments.isEmpty || alias.contains(a) { openEnded("u passed to a function", pc) }
            case setTable, setI, setField:
                if !k, alias.contains(c) { openEnded("u stored in a table", pc) }
            case setTabUp:
                if !k, alias.contains(c) { openEnded("u stored in a table", pc) }
            case setUpval:
                if alias.contains(a) { openEnded("u stored in an upvalue", pc) }
            case returnOp:
                let values = b == 0 ? alias.filter { $0 >= a } : alias.filter { $0 >= a && $0 < a + b - 1 }
                if !values.isEmpty { openEnded("u returned", pc) }
            case return1:
                if alias.contains(a) { openEnded("u returned", pc) }
            case setList:
                if alias.contains(where: { $0 > a }) { openEnded("u stored in a table", pc) }
            case tforCall:
                if alias.contains(a) || alias.contains(a + 1) { openEnded("u iterated", pc) }
            default:
                break
            }
            // Any other instruction that writes R[A] ends that register's alias. (Comparisons,
            // tests and jumps write nothing; a stale alias there only over-reports.)
            if writesA(op) { alias.remove(a) }
        }
    }

    /// Whether `op` assigns register A (most do; stores, comparisons, jumps and returns do not).
    private static func writesA(_ op: UInt32) -> Bool {
        switch op {
        case setUpval, setTabUp, setTable, setI, setField, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66,
             returnOp, 71, return1, setList, 46, 47, 48, 82, 76, 77:
            return false
        default:
            return true
        }
    }
}

extension LuaRuntime {
    /// Where a Lua function is defined (its chunk name without the leading `@`, and line), or nil
    /// for a C function or a dump this build cannot read.
    public func location(of function: LuaFunctionRef) -> (file: String, line: Int)? {
        guard let bytes = dumpBytes(function, strip: false), let dump = FunctionDump.parse(bytes), let source = dump.source else {
            return nil
        }
        let file = source.hasPrefix("@") || source.hasPrefix("=") ? String(source.dropFirst()) : source
        return (file, dump.lineDefined)
    }

    /// The fields `function` reads from its first parameter, or nil for a C function or a dump
    /// this build cannot read.
    public func parameterReads(of function: LuaFunctionRef) -> ParameterReads? {
        guard LuaOpcodes.numberingVerified(in: self), let bytes = dumpBytes(function, strip: false),
              let dump = FunctionDump.parse(bytes) else { return nil }
        return ParameterReadAnalysis.analyse(dump)
    }
}
