import Foundation

/// Where and why Lua code failed: the parsed form of a Lua error message and its traceback.
public struct ScriptFailure: Sendable, Equatable, CustomStringConvertible {
    /// The message without its `file:line:` prefix.
    public var message: String
    /// The chunk the error points at (`plugins/parenting/init.lua`), when Lua named one.
    public var file: String?
    /// The line in `file`, when Lua named one.
    public var line: Int?
    /// Lua's `stack traceback:` lines, when the handler ran (memory errors have none).
    public var traceback: String

    public init(message: String, file: String? = nil, line: Int? = nil, traceback: String = "") {
        self.message = message
        self.file = file
        self.line = line
        self.traceback = traceback
    }

    /// Splits what the traceback handler produced: `file:line: message\nstack traceback:\n…`.
    init(luaMessage raw: String) {
        var text = raw
        var trace = ""
        if let range = raw.range(of: "\nstack traceback:\n") {
            text = String(raw[..<range.lowerBound])
            trace = String(raw[range.upperBound...])
        }
        self.init(message: text, traceback: trace)
        // "chunk:12: message": the first ':' followed by digits and ": ".
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let afterColon = text.index(after: colon)
            let digits = text[afterColon...].prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, text[digits.endIndex...].hasPrefix(": "), let number = Int(digits) {
                file = String(text[..<colon])
                line = number
                message = String(text[text.index(digits.endIndex, offsetBy: 2)...])
                return
            }
            index = afterColon
        }
    }

    /// `file:line: ` (or `file: `, or nothing), the prefix of a message about this failure.
    var location: String {
        file.map { "\($0)\(line.map { ":\($0)" } ?? ""): " } ?? ""
    }

    /// `file:line: message`, as a Lua programmer expects to read it.
    public var description: String {
        switch (file, line) {
        case let (file?, line?): "\(file):\(line): \(message)"
        case let (file?, nil): "\(file): \(message)"
        default: message
        }
    }
}

/// What can go wrong when the host runs Lua code.
public enum LuaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Lua could not create a state (out of memory at start-up).
    case stateCreation
    /// A chunk did not compile.
    case syntax(ScriptFailure)
    /// Lua code raised an error.
    case runtime(ScriptFailure)
    /// A call ran past its instruction budget.
    case instructionBudget(limit: Int64, ScriptFailure)
    /// The state ran past its memory budget.
    case memoryBudget(limitBytes: Int, ScriptFailure)
    /// A call ran past its wall-clock deadline (`LuaRuntime.Limits.deadline`).
    case timeout(limit: Duration, ScriptFailure)
    /// A value could not cross the bridge (cycle, nesting too deep, foreign function).
    case conversion(String)

    /// The parsed failure, when Lua code was involved.
    public var failure: ScriptFailure? {
        switch self {
        case .syntax(let f), .runtime(let f), .instructionBudget(_, let f), .memoryBudget(_, let f), .timeout(_, let f): f
        case .stateCreation, .conversion: nil
        }
    }

    public var description: String {
        switch self {
        case .stateCreation:
            "could not create a Lua state (out of memory)"
        case .syntax(let f), .runtime(let f):
            f.description
        case let .instructionBudget(limit, f):
            "\(f.location)instruction budget of \(limit) exceeded (an endless loop?)"
        case let .memoryBudget(limit, f):
            "\(f.location)memory budget of \(limit >> 20) MiB exceeded"
        case let .timeout(limit, f):
            "\(f.location)wall-clock deadline of \(LuaError.seconds(limit)) s exceeded"
        case .conversion(let why):
            "value cannot cross the Lua bridge: \(why)"
        }
    }
}

extension LuaError {
    /// A duration in seconds as the deadline message writes it ("5", "0.5"): C's "%g", which the
    /// control block's own message (Sources/CLua/shim.h) uses too.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%g", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
