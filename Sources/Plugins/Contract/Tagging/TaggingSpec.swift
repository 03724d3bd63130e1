import Builtins
import LuaBridge

/// `tagging`: how training examples get a persona and secondary traits (seed 003), read once
/// at load. Either a function `tagging(example, measures)` (full control, one Lua call per
/// example) or a table of declarative rules the host compiles (sources, phrase and pattern
/// rules, traits from text measures), with the dataset's categories, targets and curriculum.
public struct TaggingSpec: Sendable {
    /// The function form.
    public var function: FunctionHook?
    /// The table form's rules.
    public var rules: TagRules?
    /// The table form's categories, targets and curriculum (nil without `categories`).
    public var targets: DatasetTargets?
    /// The `when` functions of the table form; `TagRules.Conditions.function` indexes them.
    public var conditionFunctions: [FunctionHook] = []

    public init(function: FunctionHook? = nil) { self.function = function }

    /// The declared personas (empty when the plugin declares no categories: any name goes).
    public var personas: [String] { targets?.personas ?? [] }
}

extension ContractReader {
    mutating func readTagging(_ value: LuaValue) -> TaggingSpec? {
        let path = ContractPath("tagging")
        if value.functionValue != nil { return hook(value, path).map { TaggingSpec(function: $0) } }
        guard table(value, path, what: "a function(example, measures) or a table of rules") != nil else { return nil }
        onlyKnownFields(value, path, shape: ContractSchema.tagging)
        let before = problems.count
        var spec = TaggingSpec()
        let categories = value["categories"] == .nil ? nil : readCategories(value["categories"], path + "categories")
        let declared = categories?.flatMap(\.personas) ?? []
        func persona(_ value: LuaValue, _ at: ContractPath) -> String? {
            guard let name = string(value, at, maxLength: 100) else { return nil }
            if !declared.isEmpty && !declared.contains(name) {
                problem(at, "names \"\(name)\", which no category declares\(Suggestion.phrase(for: name, among: declared))")
                return nil
            }
            return name
        }
        let fallback = persona(value["fallback"], path + "fallback")
        var prefix = false
        if value["prefix"] != .nil { prefix = bool(value["prefix"], path + "prefix") ?? false }
        var sourceField: String? = "source"
        if value["source_field"] != .nil { sourceField = string(value["source_field"], path + "source_field", maxLength: 100) }
        var sources: [TagRules.SourceRule] = []
        if value["sources"] != .nil, let items = list(value["sources"], path + "sources") {
            for (i, item) in items.enumerated() {
                let at = path.appending("sources").appending(index: i + 1)
                guard table(item, at) != nil else { continue }
                onlyKnownFields(item, at, shape: ContractSchema.taggingSource)
                if let match = string(item["match"], at + "match", maxLength: 200), let name = persona(item["persona"], at + "persona") {
                    if match.isEmpty { problem(at + "match", "must not be empty (it would match every source)") } else {
                        sources.append(.init(match: match, persona: name))
                    }
                }
            }
        }
        var rules: [TagRules.PersonaRule] = []
        if value["rules"] != .nil, let items = list(value["rules"], path + "rules") {
            for (i, item) in items.enumerated() {
                let at = path.appending("rules").appending(index: i + 1)
                guard table(item, at) != nil else { continue }
                onlyKnownFields(item, at, shape: ContractSchema.taggingRule)
                let name = persona(item["persona"], at + "persona")
                if let conditions = readConditions(item, at, defaultFields: ["instruction", "input"], functions: &spec.conditionFunctions), let name {
                    rules.append(.init(persona: name, conditions: conditions))
                }
            }
        }
        var traits: [TagRules.TraitRule] = []
        if value["traits"] != .nil, table(value["traits"], path + "traits") != nil {
            for (name, entry) in fields(value["traits"], path + "traits") {
                let at = path + "traits" + name
                let alternatives: [LuaValue] = entry.arrayValue.map { $0.isEmpty ? [entry] : $0 } ?? [entry]
                var read: [TagRules.Conditions] = []
                for (i, alternative) in alternatives.enumerated() {
                    let where_ = alternatives.count > 1 || entry.arrayValue != nil ? at.appending(index: i + 1) : at
                    guard table(alternative, where_, what: "a table of conditions") != nil else { continue }
                    onlyKnownFields(alternative, where_, shape: ContractSchema.taggingConditions)
                    if let c = readConditions(alternative, where_, defaultFields: ["output"], functions: &spec.conditionFunctions) { read.append(c) }
                }
                traits.append(.init(name: name, alternatives: read))
            }
        }
        if let categories {
            let mix = value["mix"] == .nil ? nil : readMix(value["mix"], path + "mix", declared: declared, traits: traits.map(\.name))
            spec.targets = DatasetTargets(categories: categories, settings: mix?.settings ?? [:], traits: mix?.traits ?? [],
                                          curriculum: mix?.curriculum ?? [])
        } else if value["mix"] != .nil {
            problem(path + "mix", "needs `categories` (the personas and their targets) in the same table")
        }
        guard problems.count == before, let fallback else { return nil }
        spec.rules = TagRules(prefix: prefix, sourceField: sourceField, fallback: fallback, sources: sources, rules: rules, traits: traits)
        return spec
    }

    /// The conditions of a rule or trait (`phrases`, `pattern`, measure bounds, `when`, `fields`).
    mutating func readConditions(_ value: LuaValue, _ path: ContractPath, defaultFields: [String],
                                 functions: inout [FunctionHook]) -> TagRules.Conditions? {
        let before = problems.count
        var conditions = TagRules.Conditions(fields: defaultFields, label: path.description)
        if value["fields"] != .nil, let names = strings(value["fields"], path + "fields", allowEmpty: false, maxLength: 100) {
            conditions.fields = names
        }
        if value["phrases"] != .nil, let phrases = strings(value["phrases"], path + "phrases", allowEmpty: false) {
            if let empty = phrases.firstIndex(where: \.isEmpty) {
                problem(path.appending("phrases").appending(index: empty + 1), "must not be empty")
            }
            conditions.phrases = phrases
        }
        if value["pattern"] != .nil, let pattern = string(value["pattern"], path + "pattern") {
            do { _ = try PatternMatcher(pattern) } catch { problem(path + "pattern", "is not a valid extended regular expression (\(error.message))") }
            conditions.pattern = pattern
        }
        for name in TextMeasures.measureNames where value[name] != .nil {
            let at = path + name
            guard table(value[name], at, what: "a table { min = …, max = … }") != nil else { continue }
            onlyKnownFields(value[name], at, shape: ContractSchema.measureBound)
            var bound = TagRules.MeasureBound(measure: name)
            if value[name]["min"] != .nil { bound.min = number(value[name]["min"], at + "min") }
            if value[name]["max"] != .nil { bound.max = number(value[name]["max"], at + "max") }
            if bound.min == nil && bound.max == nil { problem(at, "needs min, max or both") }
            if let min = bound.min, let max = bound.max, min > max { problem(at, "has min \(min.formatted2) above max \(max.formatted2)") }
            conditions.bounds.append(bound)
        }
        if value["when"] != .nil, let function = hook(value["when"], path + "when") {
            functions.append(function)
            conditions.function = functions.count - 1
        }
        if conditions.phrases.isEmpty && conditions.pattern == nil && conditions.bounds.isEmpty && conditions.function == nil {
            problem(path, "has no condition: give phrases, a pattern, measure bounds (words = { min = … }) or when")
        }
        return problems.count == before ? conditions : nil
    }
}
