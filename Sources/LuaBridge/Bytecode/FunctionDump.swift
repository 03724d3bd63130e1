/// A Lua 5.4 function prototype read back from `lua_dump` (with its debug information): what
/// the host needs to say where a function is and what it reads, without running it.
///
/// The format is ldump.c's: after the header, each function is its source, line span, parameter
/// count, code, constants, upvalue descriptors, nested prototypes and debug information (line
/// deltas, absolute lines, local names, upvalue names). Only what the analyses use is kept.
struct FunctionDump {
    /// A constant of the prototype (only the kinds the analyses read).
    enum Constant: Equatable {
        case string(String)
        case other
    }

    /// How a closure's upvalue is found when the closure is created: a register of the enclosing
    /// function (`inStack`) or one of the enclosing function's own upvalues.
    struct Upvalue: Equatable {
        var inStack: Bool
        var index: Int
    }

    /// The chunk name (`@plugins/x/init.lua`), inherited from the parent when not repeated.
    var source: String?
    var lineDefined: Int
    var parameterCount: Int
    var code: [UInt32]
    var constants: [Constant]
    var upvalues: [Upvalue]
    var prototypes: [FunctionDump]
    /// The source line of each instruction (empty when stripped).
    var lines: [Int]

    /// Parses a whole `lua_dump` of one function (header included).
    static func parse(_ bytes: [UInt8]) -> FunctionDump? {
        var reader = DumpReader(bytes: bytes)
        // "\x1bLua", version 0x54, format 0, LUAC_DATA (6), sizes of Instruction, lua_Integer and
        // lua_Number, then LUAC_INT and LUAC_NUM: 31 bytes in all; then the closure's upvalue count.
        guard bytes.count > 32, bytes[0...5] == [0x1b, 0x4c, 0x75, 0x61, 0x54, 0x00], bytes[12] == 4,
              bytes[13] == 8, bytes[14] == 8 else { return nil }
        reader.index = 31
        guard reader.byte() != nil else { return nil }
        return reader.function(parentSource: nil, depth: 0)
    }
}

/// The cursor over a dump's bytes.
private struct DumpReader {
    let bytes: [UInt8]
    var index = 0

    mutating func byte() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    /// ldump.c's dumpSize: groups of 7 bits, most significant first; the last byte has bit 7 set.
    mutating func size() -> Int? {
        var value = 0
        for _ in 0..<10 {
            guard let b = byte() else { return nil }
            value = (value << 7) | Int(b & 0x7f)
            if b & 0x80 != 0 { return value }
        }
        return nil
    }

    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, index + count <= bytes.count else { return false }
        index += count
        return true
    }

    /// dumpString: size 0 for NULL, else size + 1 then the bytes.
    mutating func string() -> String?? {
        guard let size = size() else { return nil }
        if size == 0 { return .some(nil) }
        let count = size - 1
        guard count >= 0, index + count <= bytes.count else { return nil }
        defer { index += count }
        return .some(String(decoding: bytes[index..<(index + count)], as: UTF8.self))
    }

    mutating func function(parentSource: String?, depth: Int) -> FunctionDump? {
        guard depth < 200, let sourceField = string() else { return nil }
        let source = sourceField ?? parentSource
        guard let lineDefined = size(), size() != nil,
              let parameters = byte(), byte() != nil, byte() != nil,
              let codeCount = size(), index + codeCount * 4 <= bytes.count else { return nil }
        var code: [UInt32] = []
        code.reserveCapacity(codeCount)
        for i in 0..<codeCount {
            let at = index + i * 4
            code.append(UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24)
        }
        index += codeCount * 4
        guard let constantCount = size() else { return nil }
        var constants: [FunctionDump.Constant] = []
        for _ in 0..<constantCount {
            guard let tag = byte() else { return nil }
            switch tag {
            case 0x03, 0x13:  // LUA_VNUMINT, LUA_VNUMFLT
                guard skip(8) else { return nil }
                constants.append(.other)
            case 0x04, 0x14:  // LUA_VSHRSTR, LUA_VLNGSTR
                guard let text = string() else { return nil }
                constants.append(text.map(FunctionDump.Constant.string) ?? .other)
            default:  // nil, false, true: no payload
                constants.append(.other)
            }
        }
        guard let upvalueCount = size() else { return nil }
        var upvalues: [FunctionDump.Upvalue] = []
        for _ in 0..<upvalueCount {
            guard let inStack = byte(), let idx = byte(), byte() != nil else { return nil }
            upvalues.append(.init(inStack: inStack != 0, index: Int(idx)))
        }
        guard let protoCount = size() else { return nil }
        var prototypes: [FunctionDump] = []
        for _ in 0..<protoCount {
            guard let child = function(parentSource: source, depth: depth + 1) else { return nil }
            prototypes.append(child)
        }
        // Debug information: per-instruction line deltas, absolute lines, locals, upvalue names.
        guard let deltaCount = size(), index + deltaCount <= bytes.count else { return nil }
        let deltas = bytes[index..<(index + deltaCount)].map { Int8(bitPattern: $0) }
        index += deltaCount
        guard let absoluteCount = size() else { return nil }
        var absolute: [Int: Int] = [:]
        for _ in 0..<absoluteCount {
            guard let pc = size(), let line = size() else { return nil }
            absolute[pc] = line
        }
        guard let localCount = size() else { return nil }
        for _ in 0..<localCount {
            guard string() != nil, size() != nil, size() != nil else { return nil }
        }
        guard let upvalueNameCount = size() else { return nil }
        for _ in 0..<upvalueNameCount {
            guard string() != nil else { return nil }
        }
        // luaG_getfuncline: walk the deltas from linedefined; -128 (ABSLINEINFO) takes the absolute line.
        var lines: [Int] = []
        if deltas.count == codeCount {
            var line = lineDefined
            for (pc, delta) in deltas.enumerated() {
                if delta == -128 { line = absolute[pc] ?? line } else { line += Int(delta) }
                lines.append(line)
            }
        }
        return FunctionDump(source: source, lineDefined: lineDefined, parameterCount: Int(parameters), code: code,
                            constants: constants, upvalues: upvalues, prototypes: prototypes, lines: lines)
    }
}
