import Builtins
import Logging
import LuaBridge

/// Builds the `host` table a plugin sees: the Swift primitives plugins may call.
///
/// Every function validates its arguments and raises a Lua error naming itself
/// (`host.names.person: index must be an integer`) rather than guessing.
struct HostAPIBuilder {
    /// The plugin the table is for (tagged on its log lines).
    var pluginName: String
    var logger: Logger
    /// Where `host.reject` records that the user's input, not the plugin, is wrong.
    var rejection: InputRejection

    func build(in runtime: LuaRuntime) -> LuaValue {
        let logger = logger
        let plugin = pluginName
        let log = runtime.makeFunction { arguments in
            let levels: [String: Logger.Level] = ["debug": .debug, "info": .info, "warn": .warning, "error": .error]
            guard arguments.count >= 2, let levelName = arguments[0].stringValue, let level = levels[levelName] else {
                throw LuaRuntime.HostFunctionError("host.log: call as host.log(level, message) with level debug, info, warn or error")
            }
            logger.log(level: level, "\(HostAPIBuilder.text(arguments[1]))", metadata: ["plugin": .string(plugin)])
            return []
        }
        let person = runtime.makeFunction { arguments in
            guard let index = arguments.first?.intValue else {
                throw LuaRuntime.HostFunctionError("host.names.person: index must be an integer")
            }
            var gender = PersonNames.Gender.neutral
            if arguments.count > 1, arguments[1] != .nil {
                guard let name = arguments[1].stringValue, let g = PersonNames.Gender(rawValue: name) else {
                    throw LuaRuntime.HostFunctionError("host.names.person: gender must be 'female', 'male' or 'neutral'")
                }
                gender = g
            }
            return [.string(PersonNames.person(Int(truncatingIfNeeded: index), gender: gender))]
        }
        let rejection = rejection
        let reject = runtime.makeFunction { arguments in
            guard let message = arguments.first?.stringValue, !message.isEmpty else {
                throw LuaRuntime.HostFunctionError("host.reject: call as host.reject(message) with a message for the user")
            }
            rejection.record(message)
            throw LuaRuntime.HostFunctionError(message)
        }
        let suggest = runtime.makeFunction { arguments in
            guard let word = arguments.first?.stringValue, let list = arguments.dropFirst().first?.arrayValue else {
                throw LuaRuntime.HostFunctionError("host.suggest: call as host.suggest(word, { candidates... })")
            }
            let candidates = list.compactMap(\.stringValue)
            return [Suggestion.closest(to: word, among: candidates).map(LuaValue.string) ?? .nil]
        }
        return [
            "api_version": .integer(HostAPI.version),
            "reject": .function(reject),
            "suggest": .function(suggest),
            "plugin": .string(pluginName),
            "log": .function(log),
            "names": ["person": .function(person)],
        ]
    }

    static func text(_ value: LuaValue) -> String {
        switch value {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .bool(let b): String(b)
        default: value.typeName
        }
    }
}
