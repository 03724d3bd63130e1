import Builtins
import LuaBridge
import Plugins

/// One ingredient scored for one persona and request: the numbers behind its composite score and
/// the rules that produced them, so a report can say why it was (or was not) chosen.
public struct IngredientAssessment: Sendable, Codable, Hashable {
    public var id: String
    /// Weighted mean of the normalised criteria, 0–1.
    public var quality: Double
    /// The plugin's preference multiplier (× any learned multiplier).
    public var preference: Double
    /// `clamp(base + adjustment, 0.1, 1)`.
    public var confidence: Double
    /// `quality × preference × confidence`.
    public var score: Double
    /// Why it may not be used, when it may not.
    public var excluded: String?
    /// The rules that fired for it (preference, confidence and learned-multiplier reasons).
    public var reasons: [String]
}

/// Scores a whole catalogue for one persona and request.
struct CatalogueAssessor {
    let rules: PersonaRules
    let scoring: IngredientScoring
    /// Learned multipliers by ingredient id (issue 5's feedback loop); 1 when absent.
    var learned: [String: Double] = [:]

    func assess(request: LuaValue) throws(PluginError) -> [IngredientAssessment] {
        var out: [IngredientAssessment] = []
        out.reserveCapacity(rules.domain.ingredients.count)
        for (i, ingredient) in rules.domain.ingredients.enumerated() {
            let preference = try rules.preference(i)
            let confidence = try rules.confidence(i)
            var multiplier = preference.multiplier
            var reasons = preference.reasons + confidence.reasons
            if let factor = learned[ingredient.id], factor != 1 {
                multiplier *= factor
                reasons.append("learned multiplier x\(NumberFormat.value(factor))")
            }
            let criteria = IngredientScoring.Criteria(ingredient)
            let quality = scoring.quality(criteria)
            let trust = scoring.confidence(adjustment: confidence.adjustment)
            out.append(IngredientAssessment(
                id: ingredient.id, quality: quality, preference: multiplier, confidence: trust,
                score: quality * multiplier * trust, excluded: try rules.exclusion(i, request: request), reasons: reasons))
        }
        return out
    }
}
