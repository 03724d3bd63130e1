import Builtins
import LuaBridge

/// `photos`: a face-persona plugin's rules (seed 001), read once at load. The host measures
/// each photo; these functions score it (0–100 per score, combined by `weights` into
/// `overall`), reject it with reasons, judge a set (the training gate), derive the training
/// configuration and judge a trained model (the validation gate). `PhotoRules` in Host calls
/// them and checks what they return.
public struct PhotoRulesSpec: Sendable {
    /// One named score.
    public struct Score: Sendable {
        public var name: String
        public var function: FunctionHook
        public var weight: Double
    }

    /// The scores, in name order.
    public var scores: [Score]
    public var reject: FunctionHook?
    /// Hash bits within which a later photo nearly duplicates an earlier one.
    public var duplicateDistance: Int
    public var gate: FunctionHook
    public var training: FunctionHook
    public var validation: FunctionHook

    /// The sum of the weights (> 0, checked at load).
    public var totalWeight: Double { scores.reduce(0) { $0 + $1.weight } }
}

extension ContractReader {
    mutating func readPhotos(_ value: LuaValue) -> PhotoRulesSpec? {
        let path = ContractPath("photos")
        guard table(value, path, what: "a table { scores = …, weights = …, gate = …, training = …, validation = … }") != nil else { return nil }
        onlyKnownFields(value, path, shape: ContractSchema.photos)
        let before = problems.count
        var functions: [(String, FunctionHook)] = []
        if table(value["scores"], path + "scores", what: "a table of name = function(photo)") != nil {
            for (name, entry) in fields(value["scores"], path + "scores") {
                if let hook = hook(entry, path + "scores" + name) { functions.append((name, hook)) }
            }
            if functions.isEmpty && problems.count == before { problem(path + "scores", "must name at least one score") }
        }
        var weights: [String: Double] = [:]
        if table(value["weights"], path + "weights", what: "a table of score name = weight") != nil {
            for (name, entry) in fields(value["weights"], path + "weights") {
                guard let w = number(entry, path + "weights" + name, in: 0...1_000) else { continue }
                if !functions.contains(where: { $0.0 == name }) && !functions.isEmpty {
                    problem(path + "weights" + name, "weighs a score `scores` does not define\(Suggestion.phrase(for: name, among: functions.map(\.0)))")
                }
                weights[name] = w
            }
        }
        for (name, _) in functions where weights[name] == nil {
            problem(path + "weights", "has no weight for score \"\(name)\" (give 0 to leave it out of overall)")
        }
        if !weights.isEmpty && weights.values.reduce(0, +) <= 0 { problem(path + "weights", "must not all be 0") }
        let reject = value["reject"] == .nil ? nil : hook(value["reject"], path + "reject")
        var distance = 6
        if value["duplicate_distance"] != .nil, let d = integer(value["duplicate_distance"], path + "duplicate_distance", in: 0...64) {
            distance = Int(d)
        }
        let gate = hook(value["gate"], path + "gate")
        let training = hook(value["training"], path + "training")
        let validation = hook(value["validation"], path + "validation")
        guard problems.count == before, let gate, let training, let validation else { return nil }
        return PhotoRulesSpec(scores: functions.map { .init(name: $0.0, function: $0.1, weight: weights[$0.0] ?? 0) },
                              reject: reject, duplicateDistance: distance, gate: gate, training: training, validation: validation)
    }
}
