import CLua

/// Reading a Lua function's bytecode to prove simple facts about it.
///
/// A function whose code is only loads, arithmetic, field reads and a return (no jumps, no
/// calls, no closures, no upvalue or global reads) always terminates within its few
/// instructions and cannot run plugin code through a metamethod when called with numbers or
/// with a fresh host-built table. The host uses that proof twice: such calls skip the
/// instruction hook (whose per-instruction cost would double a tiny formula's price), and such
/// feature formulas can be traced once and evaluated over whole columns in Swift.
extension LuaRuntime {
    /// What the bytecode of a function contains.
    public struct BytecodeSummary: Sendable, Equatable {
        /// The distinct opcodes of the function's own code (nested functions are not inspected).
        public var opcodes: Set<UInt8>
        /// The number of fixed parameters.
        public var parameterCount: Int

        /// True when the code is straight-line arithmetic over arguments, their fields and constants.
        public var isBoundedArithmetic: Bool { opcodes.isSubset(of: LuaOpcodes.boundedArithmetic) }
    }

    /// Summarises `function`'s bytecode, or nil when it is a C function or the dump is not understood.
    public func bytecode(of function: LuaFunctionRef) -> BytecodeSummary? {
        guard LuaOpcodes.numberingVerified(in: self) else { return nil }
        return dumpSummary(function)
    }

    func dumpSummary(_ function: LuaFunctionRef) -> BytecodeSummary? {
        dumpBytes(function, strip: true).flatMap(LuaOpcodes.parse)
    }

    /// `lua_dump` of a Lua function, or nil for a C function.
    func dumpBytes(_ function: LuaFunctionRef, strip: Bool) -> [UInt8]? {
        defer { resetStack() }
        lua_rawgeti(state, clua_registryindex(), lua_Integer(function.reference))
        guard lua_type(state, -1) == LUA_TFUNCTION, lua_iscfunction(state, -1) == 0 else { return nil }
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let writer: lua_Writer = { _, data, size, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            if let data, size > 0 { sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size)) }
            return 0
        }
        let status = withExtendedLifetime(sink) {
            lua_dump(state, writer, Unmanaged.passUnretained(sink).toOpaque(), strip ? 1 : 0)
        }
        return status == 0 ? sink.bytes : nil
    }
}

/// Lua 5.4's opcode numbers (lopcodes.h) and the dump format's header, checked at run time
/// against a function whose code is known, so a different Lua build disables the fast paths
/// instead of misreading them.
enum LuaOpcodes {
    static let move: UInt8 = 0, loadI: UInt8 = 1, loadF: UInt8 = 2, loadK: UInt8 = 3
    static let loadFalse: UInt8 = 5, loadTrue: UInt8 = 7, loadNil: UInt8 = 8
    static let getField: UInt8 = 14
    static let addI: UInt8 = 21, addK: UInt8 = 22, subK: UInt8 = 23, mulK: UInt8 = 24, modK: UInt8 = 25
    static let powK: UInt8 = 26, divK: UInt8 = 27, idivK: UInt8 = 28
    static let add: UInt8 = 34, sub: UInt8 = 35, mul: UInt8 = 36, mod: UInt8 = 37, pow: UInt8 = 38
    static let div: UInt8 = 39, idiv: UInt8 = 40
    static let mmBin: UInt8 = 46, mmBinI: UInt8 = 47, mmBinK: UInt8 = 48, unm: UInt8 = 49
    static let `return`: UInt8 = 70, return0: UInt8 = 71, return1: UInt8 = 72

    /// Opcodes that keep a function straight-line, call-free and bounded.
    static let boundedArithmetic: Set<UInt8> = [
        move, loadI, loadF, loadK, loadFalse, loadTrue, loadNil, getField,
        addI, addK, subK, mulK, modK, powK, divK, idivK, add, sub, mul, mod, pow, div, idiv,
        mmBin, mmBinI, mmBinK, unm, `return`, return0, return1,
    ]

    /// Whether this Lua build numbers opcodes as above (checked once per runtime, cheaply).
    static func numberingVerified(in runtime: LuaRuntime) -> Bool {
        if let known = runtime.opcodeCheck { return known }
        var verified = false
        if let probe = try? runtime.call(try runtime.compile("return function(a, b) return a.x * 2 + b end", chunkName: "=probe"))
            .first?.functionValue, let summary = runtime.dumpSummary(probe) {
            verified = summary.parameterCount == 2 && summary.opcodes == [getField, mulK, mmBinK, add, mmBin, return1, return0]
        }
        runtime.opcodeCheck = verified
        return verified
    }

    /// The summary of a (stripped) `lua_dump` of one function: its own opcodes and parameter count.
    static func parse(_ bytes: [UInt8]) -> LuaRuntime.BytecodeSummary? {
        guard let dump = FunctionDump.parse(bytes), !dump.code.isEmpty else { return nil }
        // Little-endian instructions: the opcode is the low 7 bits.
        return .init(opcodes: Set(dump.code.map { UInt8($0 & 0x7f) }), parameterCount: dump.parameterCount)
    }
}
