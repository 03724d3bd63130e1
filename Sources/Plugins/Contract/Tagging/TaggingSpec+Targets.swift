import Builtins
import LuaBridge

/// Reading `tagging.categories` and `tagging.mix` into ``DatasetTargets``.
extension ContractReader {
    mutating func readCategories(_ value: LuaValue, _ path: ContractPath) -> [DatasetTargets.Category]? {
        guard let items = list(value, path, what: "a list of { name, target = { min, max }, personas }") else { return nil }
        let before = problems.count
        var out: [DatasetTargets.Category] = []
        var owner: [String: String] = [:]
        for (i, item) in items.enumerated() {
            let at = path.appending(index: i + 1)
            guard table(item, at) != nil else { continue }
            onlyKnownFields(item, at, shape: ContractSchema.taggingCategory)
            let name = string(item["name"], at + "name", maxLength: 100)
            var range: ClosedRange<Double>?
            if let bounds = list(item["target"], at + "target", what: "a list { min, max }") {
                if bounds.count != 2 { problem(at + "target", "must hold two shares { min, max }, got \(bounds.count)") } else if
                    let lo = number(bounds[0], at.appending("target").appending(index: 1), in: 0...1),
                    let hi = number(bounds[1], at.appending("target").appending(index: 2), in: 0...1) {
                    if lo > hi { problem(at + "target", "has min \(lo.formatted2) above max \(hi.formatted2)") } else { range = lo...hi }
                }
            }
            let personas = strings(item["personas"], at + "personas", allowEmpty: false, maxLength: 100)
            for persona in personas ?? [] {
                if let other = owner[persona] {
                    problem(at + "personas", "lists \"\(persona)\", already in category \(other): a persona belongs to one category")
                }
                owner[persona] = name ?? "?"
            }
            if out.contains(where: { $0.name == name }) { problem(at + "name", "\"\(name ?? "")\" is used by two categories") }
            if let name, let range, let personas { out.append(.init(name: name, target: range, personas: personas)) }
        }
        return problems.count == before ? out : nil
    }

    struct MixReading {
        var settings: [String: DatasetTargets.PersonaSetting] = [:]
        var traits: [DatasetTargets.TraitTarget] = []
        var curriculum: [DatasetTargets.Phase] = []
    }

    mutating func readMix(_ value: LuaValue, _ path: ContractPath, declared: [String], traits: [String]) -> MixReading? {
        guard table(value, path) != nil else { return nil }
        onlyKnownFields(value, path, shape: ContractSchema.taggingMix)
        var out = MixReading()
        func declaredPersona(_ name: String, _ at: ContractPath) -> Bool {
            if declared.contains(name) { return true }
            problem(at, "names \"\(name)\", which no category declares\(Suggestion.phrase(for: name, among: declared))")
            return false
        }
        if value["personas"] != .nil, table(value["personas"], path + "personas") != nil {
            for (name, entry) in fields(value["personas"], path + "personas") {
                let at = path + "personas" + name
                guard declaredPersona(name, at), table(entry, at) != nil else { continue }
                onlyKnownFields(entry, at, shape: ContractSchema.mixPersona)
                var setting = out.settings[name] ?? .init()
                if entry["share"] != .nil { setting.share = number(entry["share"], at + "share", in: 0...1) }
                if entry["cap"] != .nil { setting.cap = number(entry["cap"], at + "cap", in: 0...1) }
                out.settings[name] = setting
            }
        }
        if value["upsample"] != .nil, table(value["upsample"], path + "upsample") != nil {
            for (name, entry) in fields(value["upsample"], path + "upsample") where declaredPersona(name, path + "upsample" + name) {
                if let factor = number(entry, path + "upsample" + name, in: 1...100) { out.settings[name, default: .init()].upsample = factor }
            }
        }
        if value["traits"] != .nil, table(value["traits"], path + "traits") != nil {
            for (name, entry) in fields(value["traits"], path + "traits") {
                let at = path + "traits" + name
                guard traits.contains(name) else {
                    problem(at, "names trait \"\(name)\", which tagging.traits does not define\(Suggestion.phrase(for: name, among: traits))")
                    continue
                }
                if let share = number(entry, at, in: 0...1) { out.traits.append(.init(name: name, share: share)) }
            }
        }
        if value["curriculum"] != .nil, let phases = list(value["curriculum"], path + "curriculum") {
            for (i, phase) in phases.enumerated() {
                let at = path.appending("curriculum").appending(index: i + 1)
                guard table(phase, at) != nil else { continue }
                onlyKnownFields(phase, at, shape: ContractSchema.curriculumPhase)
                let name = string(phase["name"], at + "name", maxLength: 100)
                var purpose: String?
                if phase["purpose"] != .nil { purpose = string(phase["purpose"], at + "purpose") }
                let rate = number(phase["learning_rate"], at + "learning_rate", in: 1e-12...10)
                var personas: [String]?? = .none
                if phase["personas"].stringValue == "all" { personas = .some(nil) } else if
                    let names = strings(phase["personas"], at + "personas", allowEmpty: false, maxLength: 100) {
                    personas = names.allSatisfy { declaredPersona($0, at + "personas") } ? .some(names) : .none
                }
                var shuffle = false
                if phase["shuffle"] != .nil { shuffle = bool(phase["shuffle"], at + "shuffle") ?? false }
                if let name, let rate, case .some(let list) = personas {
                    out.curriculum.append(.init(name: name, purpose: purpose, learningRate: rate, personas: list, shuffle: shuffle))
                }
            }
        }
        return out
    }
}
