import Builtins
import Foundation

/// The budgets a runtime applies to untrusted code, and reading them from the environment.
extension LuaRuntime {
    /// Budgets for untrusted code, applied per call into Lua (loading a plugin, one hook call,
    /// one formula call on one row).
    public struct Limits: Sendable, Equatable {
        /// VM instructions one call may execute (checked every 1,000), work done inside library
        /// functions included (see docs/PLUGINS.md, section "The sandbox").
        public var instructions: Int64
        /// Bytes the whole state may hold while plugin code runs.
        public var memoryBytes: Int
        /// Wall-clock time one call may take, checked with the instruction count (no signals);
        /// `.zero` turns it off. Calls proven bounded (straight-line arithmetic) are not timed:
        /// they cannot run long.
        public var deadline: Duration

        public init(instructions: Int64 = 100_000_000, memoryBytes: Int = 256 << 20, deadline: Duration = .seconds(5)) {
            self.instructions = instructions
            self.memoryBytes = memoryBytes
            self.deadline = deadline
        }

        /// The defaults: 10⁸ instructions and 5 seconds per call, 256 MiB per state.
        public static let `default` = Limits()

        /// The environment variable that sets `instructions` (an integer, at least 1000).
        public static let instructionsVariable = "PERSONA_HOST_LUA_INSTRUCTIONS"
        /// The environment variable that sets `memoryBytes`, in MiB (an integer, at least 1).
        public static let memoryVariable = "PERSONA_HOST_LUA_MEMORY_MB"
        /// The environment variable that sets `deadline`, in seconds (a decimal number above 0).
        public static let timeoutVariable = "PERSONA_HOST_LUA_TIMEOUT"

        /// The defaults, overridden by `PERSONA_HOST_LUA_INSTRUCTIONS` (integer ≥ 1000),
        /// `PERSONA_HOST_LUA_MEMORY_MB` (integer ≥ 1) and `PERSONA_HOST_LUA_TIMEOUT` (seconds,
        /// decimal > 0) where they are set. A variable that is set but empty counts as unset.
        public static func fromEnvironment(_ environment: [String: String]) throws(LimitsError) -> Limits {
            var limits = Limits.default
            if let text = value(instructionsVariable, in: environment) {
                guard let count = Int64(text), count >= 1000 else {
                    throw LimitsError(variable: instructionsVariable, value: text, expected: "an integer of at least 1000")
                }
                limits.instructions = count
            }
            if let text = value(memoryVariable, in: environment) {
                guard let megabytes = Int(text), megabytes >= 1, megabytes <= Int.max >> 20 else {
                    throw LimitsError(variable: memoryVariable, value: text, expected: "a whole number of MiB of at least 1")
                }
                limits.memoryBytes = megabytes << 20
            }
            if let text = value(timeoutVariable, in: environment) {
                // Plain decimal notation only ("5", "0.5"): no hex, exponents, inf or nan.
                guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                      let seconds = Double(text), seconds > 0, seconds <= maximumTimeout else {
                    throw LimitsError(variable: timeoutVariable, value: text,
                                      expected: "a number of seconds greater than 0 (such as 5 or 0.5), at most \(Int(maximumTimeout))")
                }
                limits.deadline = .nanoseconds(Int64((seconds * 1e9).rounded()))
            }
            return limits
        }

        /// The longest deadline `fromEnvironment` accepts: a year.
        static let maximumTimeout: Double = 365 * 24 * 3600

        private static func value(_ name: String, in environment: [String: String]) -> String? {
            guard let raw = environment[name] else { return nil }
            let text = raw.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }

        /// `deadline` in nanoseconds, as the control block keeps it (0: none).
        var deadlineNanoseconds: Int64 {
            let (seconds, attoseconds) = deadline.components
            guard seconds >= 0, attoseconds >= 0, deadline > .zero else { return 0 }
            guard seconds < Int64.max / 1_000_000_000 - 1 else { return Int64.max / 2 }
            return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        }
    }

    /// An environment variable that should set a Lua limit holds something that is not one.
    public struct LimitsError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The variable (`PERSONA_HOST_LUA_TIMEOUT`).
        public var variable: String
        /// What it held.
        public var value: String
        /// What it should hold, in words.
        public var expected: String

        public var description: String {
            "\(variable)='\(value)' is not valid: expected \(expected)"
        }
    }
}

/// A bad `$PERSONA_HOST_LUA_*` value is the user's input: exit 2.
extension LuaRuntime.LimitsError: UserFacingError {
    public var exitStatus: ExitStatus { .usage }
}
