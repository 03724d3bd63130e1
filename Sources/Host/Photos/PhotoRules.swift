import Builtins
import LuaBridge
import Plugins

/// A plugin's `photos` rules, called with photos and sets; every result is checked (a score
/// outside 0–100, a gate without `ready`, a configuration missing a field) and a wrong one is a
/// plugin error naming the rule, the photo and the field.
public struct PhotoRules {
    public let plugin: Plugin
    public let spec: PhotoRulesSpec

    /// The rules of `plugins`' photo plugin: the one named `name`, or the only one with `photos`.
    public init(from plugins: PluginSet, named name: String?) throws(PhotoCheckError) {
        let plugin: Plugin
        do {
            plugin = try plugins.single(providing: .photos, named: name, rules: "`photos` rules", shipped: "plugins/face_persona")
        } catch { throw .plugin(error.description) }
        guard let spec = plugin.contract.photos else { throw .plugin("plugin \(plugin.name) has no `photos` rules") }
        self.init(plugin: plugin, spec: spec)
    }

    public init(plugin: Plugin, spec: PhotoRulesSpec) {
        self.plugin = plugin
        self.spec = spec
    }

    private func bad(_ rule: String, _ problem: String, _ hook: FunctionHook?) -> PluginError {
        .badResult(plugin: plugin.name, hook: "photos.\(rule)", problem: problem, location: hook?.location)
    }

    /// Scores `facts` and applies `reject`.
    public func score(_ facts: PhotoFacts) throws(PluginError) -> ScoredPhoto {
        let photo = facts.luaValue
        var scores: [String: Double] = [:]
        var weighted = 0.0
        for score in spec.scores {
            let value = try plugin.call(score.function, [photo]).first ?? .nil
            guard let d = value.doubleValue, d.isFinite, (0...100).contains(d) else {
                throw bad("scores.\(score.name)", "must return a number from 0 to 100 for \(facts.file), got \(value.shownInMessage)", score.function)
            }
            scores[score.name] = d
            weighted += d * score.weight
        }
        let overall = (weighted / spec.totalWeight * 100).rounded() / 100
        var scored = ScoredPhoto(facts: facts, scores: scores, overall: overall)
        if let reject = spec.reject {
            let value = try plugin.call(reject, [scored.luaValue(judged: false)]).first ?? .nil
            scored.reasons = try strings(value, rule: "reject", what: "for \(facts.file)", hook: reject)
            scored.accepted = scored.reasons.isEmpty
        }
        return scored
    }

    /// The set as the gate and the training rule see it.
    private func setValue(_ photos: [ScoredPhoto]) -> LuaValue {
        ["photos": .array(photos.map { $0.luaValue(judged: true) }),
         "accepted": .integer(Int64(photos.filter(\.accepted).count)), "total": .integer(Int64(photos.count))]
    }

    /// `gate(set)`.
    public func gate(_ photos: [ScoredPhoto]) throws(PluginError) -> PhotoGateVerdict {
        let value = try plugin.call(spec.gate, [setValue(photos)]).first ?? .nil
        guard value.isTable else { throw bad("gate", "must return a table { ready = …, reasons = {…} }, got \(value.shownInMessage)", spec.gate) }
        guard let ready = value["ready"].boolValue else {
            throw bad("gate", "ready must be true or false, got \(value["ready"].shownInMessage)", spec.gate)
        }
        let reasons = try strings(value["reasons"], rule: "gate", what: "reasons", hook: spec.gate)
        let notes = try strings(value["notes"], rule: "gate", what: "notes", hook: spec.gate)
        if !ready && reasons.isEmpty { throw bad("gate", "says not ready without a reason: give reasons", spec.gate) }
        if ready && !reasons.isEmpty { throw bad("gate", "says ready but gives reasons against it (\(reasons[0])); advice goes in notes", spec.gate) }
        return PhotoGateVerdict(ready: ready, reasons: reasons, notes: notes)
    }

    /// `training(set)`, checked against the training configuration's fields.
    public func training(_ photos: [ScoredPhoto]) throws(PluginError) -> JSONValue {
        let value = try plugin.call(spec.training, [setValue(photos)]).first ?? .nil
        guard value.isTable, !value.fields.isEmpty else {
            throw bad("training", "must return a table of settings, got \(value.shownInMessage)", spec.training)
        }
        let f = LuaFieldReader(plugin: plugin.name, path: "photos.training(set)", table: value)
        _ = try f.string("model_base")
        for field in ["training_steps", "rank"] {
            let n = try f.number(field, in: 1...10_000_000)
            guard n == n.rounded() else { throw f.fail(field, "must be a whole number, got \(n.formatted2)") }
        }
        if value["batch_size"] != .nil {
            let n = try f.number("batch_size", in: 1...100_000)
            guard n == n.rounded() else { throw f.fail("batch_size", "must be a whole number, got \(n.formatted2)") }
        }
        for field in ["learning_rate", "alpha"] where try f.number(field) <= 0 { throw f.fail(field, "must be above 0") }
        if value["dropout"] != .nil { _ = try f.number("dropout", in: 0...1) }
        for field in ["optimizer", "scheduler", "mixed_precision"] where value[field] != .nil { _ = try f.string(field) }
        if value["gradient_checkpointing"] != .nil { _ = try f.bool("gradient_checkpointing") }
        for (key, item) in value.fields where item.functionValue != nil {
            throw f.fail(key, "must be a value the trainer can read (a function is not)")
        }
        return JSONValue(value)
    }

    /// `validation(scores)`.
    public func validation(_ scores: [String: Double]) throws(PluginError) -> ValidationVerdict {
        let table = LuaValue.table(Dictionary(uniqueKeysWithValues: scores.map { (LuaKey.string($0.key), LuaValue.number($0.value)) }))
        let value = try plugin.call(spec.validation, [table]).first ?? .nil
        guard value.isTable, let passed = value["passed"].boolValue else {
            throw bad("validation", "must return { passed = true|false, reasons = {…} }, got \(value.shownInMessage)", spec.validation)
        }
        let reasons = try strings(value["reasons"], rule: "validation", what: "reasons", hook: spec.validation)
        if !passed && reasons.isEmpty { throw bad("validation", "says not passed without a reason: give reasons", spec.validation) }
        return ValidationVerdict(passed: passed, reasons: reasons)
    }

    private func strings(_ value: LuaValue, rule: String, what: String, hook: FunctionHook) throws(PluginError) -> [String] {
        if value == .nil { return [] }
        if let s = value.stringValue { return [s] }
        guard let items = value.arrayValue, items.count <= ContractDefaults.Limits.listItems else {
            throw bad(rule, "must give \(what) as a list of strings, got \(value.shownInMessage)", hook)
        }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue, s.count <= ContractDefaults.Limits.text else {
                throw bad(rule, "must give \(what) as strings of at most \(ContractDefaults.Limits.text) characters, got \(item.shownInMessage)", hook)
            }
            out.append(s)
        }
        return out
    }
}
