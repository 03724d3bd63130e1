import Builtins
import LuaBridge
import Plugins

/// The table a plugin's feedback mapping receives: the feedback, the persona's current traits,
/// the interaction, and text measures the host computed on every text involved.
struct FeedbackTable {
    let input: FeedbackInput
    let interaction: InteractionRecord?
    let traits: [String: Double]

    var lua: LuaValue {
        var measures: [LuaKey: LuaValue] = [:]
        func measure(_ name: String, _ text: String) { measures[.string(name)] = Self.lua(TextMeasures(text)) }
        if let interaction { measure("output", interaction.output); measure("original", interaction.output) }
        switch input.value {
        case .string(let text):
            measure("text", text)
            if input.type == "correction" { measure("corrected", text) }
        case .object(let fields):
            for key in ["chosen", "rejected", "corrected", "original"] {
                if case .string(let text)? = fields[key] { measure(key, text) }
            }
        default: break
        }
        var table: [LuaKey: LuaValue] = [
            .string("type"): .string(input.type),
            .string("persona"): .string(input.persona),
            .string("value"): input.value.luaValue,
            .string("traits"): .table(Dictionary(uniqueKeysWithValues: traits.map { (LuaKey.string($0.key), LuaValue.number($0.value)) })),
            .string("measures"): .table(measures),
        ]
        if let target = input.target { table[.string("target")] = .string(target) }
        if let interaction {
            let context = (try? interaction.context.decode(JSONValue.self)) ?? .object([:])
            table[.string("interaction")] = .table([.string("id"): .integer(interaction.id), .string("input"): .string(interaction.input),
                                                    .string("output"): .string(interaction.output), .string("context"): context.luaValue])
        }
        return .table(table)
    }

    static func lua(_ m: TextMeasures) -> LuaValue {
        .table(Dictionary(uniqueKeysWithValues: m.dictionary().map { (LuaKey.string($0.key), LuaValue.number($0.value)) }))
    }
}
