import Builtins
import LuaBridge

/// A photo after the rules: its facts, each score (0–100), the weighted `overall`, and whether
/// it is accepted or why not.
public struct ScoredPhoto: Sendable, Codable, Equatable {
    public var facts: PhotoFacts
    public var scores: [String: Double]
    public var overall: Double
    public var accepted: Bool
    public var reasons: [String]

    public init(facts: PhotoFacts, scores: [String: Double], overall: Double, accepted: Bool = true, reasons: [String] = []) {
        self.facts = facts
        self.scores = scores
        self.overall = overall
        self.accepted = accepted
        self.reasons = reasons
    }

    /// The photo as the rules see it once scored: its facts plus `scores` and `overall`, and
    /// `accepted` and `reasons` when `judged`.
    func luaValue(judged: Bool) -> LuaValue {
        guard case .table(var t) = facts.luaValue else { return facts.luaValue }
        t[.string("scores")] = .table(Dictionary(uniqueKeysWithValues: scores.map { (LuaKey.string($0.key), LuaValue.number($0.value)) }))
        t[.string("overall")] = .number(overall)
        if judged {
            t[.string("accepted")] = .bool(accepted)
            t[.string("reasons")] = .array(reasons.map { .string($0) })
        }
        return .table(t)
    }
}

/// The training gate's verdict on a set.
public struct PhotoGateVerdict: Sendable, Codable, Equatable {
    public var ready: Bool
    /// Every reason the set is not ready.
    public var reasons: [String]
    /// Advice that does not block training.
    public var notes: [String]
}

/// The validation gate's verdict on a trained model.
public struct ValidationVerdict: Sendable, Codable, Equatable {
    public var passed: Bool
    /// Every failed check.
    public var reasons: [String]
}
