import Builtins
import LuaBridge
import Plugins

/// An interaction as feedback mappings see it: the record, its context decoded, and the text
/// measures of its output (computed once, however many feedback name it).
struct LoadedInteraction {
    let record: InteractionRecord
    let context: JSONValue
    let outputMeasures: LuaValue

    /// - Throws: ``LearningError/damaged(_:)`` when the stored context does not decode: a
    ///   mapping never sees `{}` in place of a context it cannot read.
    init(_ record: InteractionRecord, database: String) throws(LearningError) {
        self.record = record
        do {
            context = try record.context.decode(JSONValue.self)
        } catch {
            throw .damaged(LearningDataError(database: database, record: "interactions, id \(record.id)", field: "context",
                                             problem: "not a JSON value this host can read (\(error))"))
        }
        outputMeasures = FeedbackTable.lua(TextMeasures(record.output))
    }
}

/// The table a plugin's feedback mapping receives: the feedback, the persona's current traits,
/// the interaction, and text measures the host computed on every text involved.
struct FeedbackTable {
    let input: FeedbackInput
    let interaction: LoadedInteraction?
    let traits: [String: Double]

    /// The table. `cache` keeps the measures of short texts already measured in this call (an
    /// import of categorical feedback measures the same dozen values again and again).
    func lua(cache: inout [String: LuaValue]) -> LuaValue {
        var measures: [LuaKey: LuaValue] = [:]
        func measure(_ name: String, _ text: String) {
            if let known = cache[text] { measures[.string(name)] = known; return }
            let value = Self.lua(TextMeasures(text))
            if text.utf8.count <= 256, cache.count < 10_000 { cache[text] = value }
            measures[.string(name)] = value
        }
        if let interaction {
            measures[.string("output")] = interaction.outputMeasures
            measures[.string("original")] = interaction.outputMeasures
        }
        switch input.value {
        case .string(let text):
            measure("text", text)
            if input.type == "correction" { measures[.string("corrected")] = measures[.string("text")] }
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
            let record = interaction.record
            table[.string("interaction")] = .table([.string("id"): .integer(record.id), .string("input"): .string(record.input),
                                                    .string("output"): .string(record.output),
                                                    .string("context"): interaction.context.luaValue])
        }
        return .table(table)
    }

    static func lua(_ m: TextMeasures) -> LuaValue {
        .table(Dictionary(uniqueKeysWithValues: m.dictionary().map { (LuaKey.string($0.key), LuaValue.number($0.value)) }))
    }
}
