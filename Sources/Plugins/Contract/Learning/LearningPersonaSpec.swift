import Builtins
import LuaBridge

/// A persona that learns (a `personas` entry with `traits`): its traits with their ranges, how
/// fast it learns, and the golden scenarios a new version must pass. Read and checked when the
/// plugin loads; a `traits` function is called once, then.
public struct LearningPersonaSpec: Sendable {
    /// A check a candidate version must pass before it becomes active.
    public struct Golden: Sendable {
        public var name: String
        public var trait: String?
        public var min: Double?
        public var max: Double?
        /// `check(traits) -> ok [, message]`, for rules a range cannot say.
        public var check: FunctionHook?
    }

    public var id: String
    public var name: String
    /// Traits sorted by name.
    public var traits: [TraitSpec]
    public var settings: LearningSettings
    public var golden: [Golden]
}

extension ContractReader {
    /// Every `personas` entry with `traits`, and the `feedback` mappings; a persona that learns
    /// needs mappings, and mappings need a persona.
    mutating func readLearning(_ manifest: LuaValue) -> (personas: [LearningPersonaSpec], feedback: [String: FunctionHook]) {
        var feedback: [String: FunctionHook] = [:]
        let fbPath = ContractPath("feedback")
        if manifest["feedback"] != .nil, table(manifest["feedback"], fbPath, what: "a table of feedback_type = function(fb)") != nil {
            for (type, mapping) in fields(manifest["feedback"], fbPath) {
                if let hook = hook(mapping, fbPath + type) { feedback[type] = hook }
            }
        }
        var personas: [LearningPersonaSpec] = []
        let path = ContractPath("personas")
        if manifest["personas"] != .nil, manifest["personas"].isTable {
            for (id, entry) in manifest["personas"].fields where entry.isTable && entry["traits"] != .nil {
                if manifest["ingredients"] == .nil {  // formulation personas are checked field by field there
                    onlyKnownFields(entry, path + id, shape: ContractSchema.learningPersona)
                }
                if let persona = readLearningPersona(id: id, entry, at: path + id) { personas.append(persona) }
            }
        } else if manifest["personas"] != .nil, manifest["ingredients"] == .nil {
            _ = table(manifest["personas"], path, what: "a table of id = persona table")
        }
        if !personas.isEmpty && feedback.isEmpty {
            problem(at: fbPath, message: "personas \(personas.map(\.id).joined(separator: ", ")) have traits but the plugin maps no feedback: "
                    + "add feedback = { type = function(fb) … end }")
        }
        if personas.isEmpty && !feedback.isEmpty {
            problem(at: fbPath, message: "feedback mappings need a persona that learns: a personas entry with traits")
        }
        return (personas.sorted { $0.id < $1.id }, feedback)
    }

    private mutating func readLearningPersona(id: String, _ t: LuaValue, at: ContractPath) -> LearningPersonaSpec? {
        let before = problems.count
        let name = optionalString(t["name"], at + "name", maxLength: ContractDefaults.Limits.personaName) ?? nil
        var traitTable = t["traits"]
        if let function = traitTable.functionValue {
            do {
                traitTable = try runtime.call(function).first ?? .nil
            } catch {
                problem(at: at + "traits", message: "\(at + "traits")() failed: \(error)")
                return nil
            }
        }
        var traits: [TraitSpec] = []
        if table(traitTable, at + "traits", what: "a table of trait = { value, min, max } (or a function returning one)") != nil {
            for (trait, spec) in fields(traitTable, at + "traits") {
                let tp = at + "traits" + trait
                guard table(spec, tp) != nil else { continue }
                onlyKnownFields(spec, tp, shape: ContractSchema.trait)
                let low = spec["min"] == .nil ? ContractDefaults.traitRange.lowerBound : number(spec["min"], tp + "min")
                let high = spec["max"] == .nil ? ContractDefaults.traitRange.upperBound : number(spec["max"], tp + "max")
                guard let low, let high else { continue }
                guard low < high else { problem(tp + "max", "must be above min (\(low.formatted2))"); continue }
                guard let value = number(spec["value"], tp + "value", in: low...high) else { continue }
                traits.append(TraitSpec(name: trait, range: low...high, initial: value))
            }
            if traits.isEmpty && problems.count == before { problem(at + "traits", "must declare at least one trait") }
        }
        var settings = ContractDefaults.learning
        let lp = at + "learning"
        if t["learning"] != .nil, table(t["learning"], lp) != nil {
            let l = t["learning"]
            onlyKnownFields(l, lp, shape: ContractSchema.learningSettings)
            func read(_ field: String, _ keyPath: WritableKeyPath<LearningSettings, Double>, _ range: ClosedRange<Double>) {
                if l[field] != .nil, let v = number(l[field], lp + field, in: range) { settings[keyPath: keyPath] = v }
            }
            read("learning_rate", \.learningRate, 0...1_000)
            read("max_step", \.maxStep, 0...1e9)
            read("window", \.window, 1e-3...1e12)
            read("max_change_per_window", \.maxChangePerWindow, 0...1e9)
            read("smoothing", \.smoothing, 1e-9...1)
            if l["batch_size"] != .nil, let n = integer(l["batch_size"], lp + "batch_size", in: 1...1_000_000) { settings.batchSize = Int(n) }
            for message in settings.problems { problem(lp, message) }
        }
        var golden: [LearningPersonaSpec.Golden] = []
        let gp = at + "golden"
        if t["golden"] != .nil, let items = list(t["golden"], gp, what: "a list of scenarios { name, trait, min, max, check }") {
            let names = traits.map(\.name)
            for (i, g) in items.enumerated() {
                let p = gp.appending(index: i + 1)
                guard table(g, p) != nil else { continue }
                onlyKnownFields(g, p, shape: ContractSchema.golden)
                let name = (optionalString(g["name"], p + "name") ?? nil) ?? "golden scenario \(i + 1)"
                let trait = optionalString(g["trait"], p + "trait", maxLength: 200) ?? nil
                if let trait, !names.isEmpty, !names.contains(trait) {
                    problem(p + "trait", "'\(trait)' is not a trait of \(id)\(Suggestion.phrase(for: trait, among: names))")
                }
                let low = g["min"] == .nil ? nil : number(g["min"], p + "min")
                let high = g["max"] == .nil ? nil : number(g["max"], p + "max")
                let check = g["check"] == .nil ? nil : hook(g["check"], p + "check")
                if trait == nil && check == nil { problem(p, "needs a trait with min/max, or a check function") }
                golden.append(.init(name: name, trait: trait, min: low, max: high, check: check))
            }
        }
        guard problems.count == before else { return nil }
        return LearningPersonaSpec(id: id, name: name ?? id, traits: traits.sorted { $0.name < $1.name }, settings: settings, golden: golden)
    }
}
