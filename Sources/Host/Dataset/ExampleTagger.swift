import Builtins
import LuaBridge
import Plugins

/// Tags examples for one worker thread: the plugin's compiled rules, and, when its rules call
/// Lua (`when` conditions or the function form), its own copy of the plugin, so workers never
/// share a `lua_State`.
final class ExampleTagger {
    let rules: DatasetRules
    /// The table form, compiled for this worker.
    private let compiled: CompiledTagRules?
    /// This worker's copy of the plugin, when its rules call Lua.
    private let copy: Plugin?
    private let spec: TaggingSpec
    let scanner: ExampleScanner
    let sourceField: String?

    // The example being tagged, for `when` functions.
    private var current: [String: String] = [:]
    private var currentSource = ""

    /// A tagger; `loader` loads the plugin's copy when Lua is needed.
    init(rules: DatasetRules, loader: PluginLoader, wantsTraits: Bool) throws(DatasetError) {
        self.rules = rules
        let needsLua = rules.spec.function != nil || !rules.spec.conditionFunctions.isEmpty
        if needsLua {
            do { copy = try loader.load(rules.plugin.source) } catch { throw .plugin("plugin \(rules.plugin.name) could not be loaded for a worker: \(error)") }
            spec = copy?.contract.tagging ?? rules.spec
        } else {
            copy = nil
            spec = rules.spec
        }
        if let table = spec.rules {
            do { compiled = try CompiledTagRules(table) } catch { throw .plugin("plugin \(rules.plugin.name): \(error)") }
        } else {
            compiled = nil
        }
        sourceField = spec.rules?.sourceField ?? "source"
        var wanted: Set<String> = ["instruction", "input", "output", "_persona"]
        if let sourceField { wanted.insert(sourceField) }
        wanted.formUnion(compiled?.fieldsRead ?? [])
        scanner = ExampleScanner(wanted: wanted, wantsTraits: wantsTraits)
    }

    /// The example's fields checked: instruction and output strings, input a string when given.
    func checkFields(_ line: ExampleLine) -> LineProblem? {
        if let sourceField, line.strings[sourceField] == nil, let field = line.field(sourceField) {
            return LineProblem(field: sourceField, message: "must be a string (it names the source dataset), found \(field.kind)")
        }
        for name in ["instruction", "output"] where line.strings[name] == nil {
            guard let field = line.field(name) else { return LineProblem(field: name, message: "missing (every example needs instruction and output)") }
            return LineProblem(field: name, message: "must be a string, found \(field.kind)")
        }
        if line.strings["input"] == nil, let field = line.field("input") { return LineProblem(field: "input", message: "must be a string, found \(field.kind)") }
        if line.strings["_persona"] == nil, let field = line.field("_persona") { return LineProblem(field: "_persona", message: "must be a string, found \(field.kind)") }
        return nil
    }

    /// The source dataset's name: the source field's value when it is a string, else the file's.
    func sourceName(of line: ExampleLine, fileSource: String) -> String {
        if let sourceField, let value = line.strings[sourceField] { return value }
        return fileSource
    }

    /// The persona and traits of `line` by the plugin's rules.
    func tag(_ line: ExampleLine, source: String, file: String, lineNumber: Int) throws(DatasetError) -> TagDecision {
        var strings = line.strings
        strings["instruction"] = PersonaPrefix.strip(strings["instruction"] ?? "")
        if strings["input"] == nil { strings["input"] = "" }
        if let compiled {
            current = strings
            currentSource = source
            do {
                return try compiled.tag(strings: strings, sourceName: source) { index in try self.callCondition(index) }
            } catch let error as DatasetError.Located {
                throw .rule(plugin: rules.plugin.name, rule: error.rule, file: file, line: lineNumber, message: error.message)
            } catch {
                throw .rule(plugin: rules.plugin.name, rule: "tagging", file: file, line: lineNumber, message: "\(error)")
            }
        }
        guard let function = spec.function, let copy else { throw .plugin("plugin \(rules.plugin.name) has no tagging rules") }
        let results: [LuaValue]
        do {
            results = try copy.call(function, [Self.example(strings, source: source), Self.measures(strings["output"] ?? "")])
        } catch {
            throw .rule(plugin: rules.plugin.name, rule: "tagging", file: file, line: lineNumber, message: Self.message(error))
        }
        let answer = results.first ?? .nil
        guard answer.isTable, let persona = answer["persona"].stringValue, !persona.isEmpty else {
            throw .rule(plugin: rules.plugin.name, rule: "tagging", file: file, line: lineNumber,
                        message: "must return { persona = \"name\", traits = { … } }, got \(answer.typeName)\(answer.isTable ? " without a persona string" : "")")
        }
        var traits: [String] = []
        if answer["traits"] != .nil {
            guard let items = answer["traits"].arrayValue, let names = Optional(items.compactMap(\.stringValue)), names.count == items.count else {
                throw .rule(plugin: rules.plugin.name, rule: "tagging", file: file, line: lineNumber, message: "traits must be a list of strings")
            }
            traits = Array(Set(names)).sorted()
        }
        return TagDecision(persona: persona, traits: traits, claim: .function)
    }

    /// Calls condition function `index` on the current example.
    private func callCondition(_ index: Int) throws -> Bool {
        guard let copy else { return false }
        let hook = spec.conditionFunctions[index]
        let results: [LuaValue]
        do {
            results = try copy.call(hook, [Self.example(current, source: currentSource), Self.measures(current["output"] ?? "")])
        } catch {
            throw DatasetError.Located(rule: hook.name, message: Self.message(error))
        }
        guard let holds = results.first?.boolValue else {
            throw DatasetError.Located(rule: hook.name, message: "must return true or false, got \(results.first?.typeName ?? "nothing")")
        }
        return holds
    }

    static func message(_ error: any Error) -> String {
        if case .hook(_, _, let lua) = error as? PluginError { return lua.description }
        return "\(error)"
    }

    static func example(_ strings: [String: String], source: String) -> LuaValue {
        var table: [LuaKey: LuaValue] = [:]
        for (name, value) in strings where name != "_persona" { table[.string(name)] = .string(value) }
        table[.string("source")] = .string(source)
        return .table(table)
    }

    static func measures(_ output: String) -> LuaValue {
        var text = output
        let measured = text.withUTF8 { ByteTextMeasures.measure($0) }
        var table: [LuaKey: LuaValue] = [:]
        for (i, name) in TextMeasures.measureNames.enumerated() {
            let value = measured.value(at: i)
            table[.string(name)] = value.rounded() == value && abs(value) < 1e15 ? .integer(Int64(value)) : .number(value)
        }
        return .table(table)
    }
}

extension DatasetError {
    /// A rule's failure before the file and line are known.
    struct Located: Error {
        var rule: String
        var message: String
    }
}
