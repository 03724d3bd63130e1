import Builtins
import Host
import Plugins
import LuaBridge

/// What `persona show` prints: the profile, the weights, budget multiplier and limits its rules
/// give, its best-scored ingredients and the ones it never uses.
struct PersonaView: Encodable {
    struct Ranked: Encodable {
        var id: String
        var score: Double
        var reasons: [String]
    }

    var persona: SkincarePersona
    var weights: FormulationRunWeights
    var bestIngredients: [Ranked]
    var neverUsed: [FormulationRun.Exclusion]
    var learned: LearnedView?

    /// The weights and confidence base, as the persona's rules give them.
    struct FormulationRunWeights: Encodable {
        var efficacy, safety, costEfficiency, bioavailability, stability, natural, baseConfidence: Double
    }

    init(pipeline: FormulatePipeline, id: String, learned: LearnedView? = nil) throws(FormulationError) {
        self.learned = learned
        let persona = try pipeline.domain.persona(id)
        let (_, assessments, scoring) = try pipeline.assess(FormulationRun.Request(persona: id, concerns: persona.primaryConcerns))
        self.persona = persona
        let w = scoring.weights
        weights = .init(efficacy: w.efficacy, safety: w.safety, costEfficiency: w.costEfficiency, bioavailability: w.bioavailability,
                        stability: w.stability, natural: w.natural, baseConfidence: scoring.baseConfidence)
        bestIngredients = assessments.filter { $0.excluded == nil }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            .prefix(10)
            .map { Ranked(id: $0.id, score: $0.score.rounded(places: 4), reasons: $0.reasons) }
        neverUsed = assessments.compactMap { a in a.excluded.map { FormulationRun.Exclusion(id: a.id, reason: $0) } }
    }

    var text: String {
        let p = persona
        var lines = ["\(p.name) (\(p.id))"]
        if !p.description.isEmpty { lines.append("  \(p.description)") }
        lines.append("  skin type \(p.skinType); concerns \(p.primaryConcerns.joined(separator: ", "))")
        lines.append("  sensitivity \(p.sensitivityLevel.formatted2), safety priority \(p.safetyPriority.formatted2), "
                     + "efficacy tolerance \(p.efficacyTolerance.formatted2), natural preference \(p.naturalPreference.formatted2), budget \(p.budgetPreference)")
        lines.append("  prefers \(p.ingredientPreferences.isEmpty ? "nothing in particular" : p.ingredientPreferences.joined(separator: ", ")); "
                     + "avoids \(p.ingredientAversions.isEmpty ? "nothing" : p.ingredientAversions.joined(separator: ", "))")
        let w = weights
        lines.append("Weights: efficacy \(w.efficacy.formatted2), safety \(w.safety.formatted2), cost efficiency \(w.costEfficiency.formatted2), "
                     + "bioavailability \(w.bioavailability.formatted2), stability \(w.stability.formatted2), natural \(w.natural.formatted2); base confidence \(w.baseConfidence.formatted2)")
        lines.append("Best ingredients for its own concerns:")
        for r in bestIngredients { lines.append("  \(r.id)  \(r.score.formatted3)  \(r.reasons.joined(separator: "; "))") }
        if !neverUsed.isEmpty {
            lines.append("Never used (\(neverUsed.count)): " + neverUsed.map { "\($0.id)" }.joined(separator: ", "))
        }
        if let learned { lines.append(learned.summaryLine) }
        return lines.joined(separator: "\n")
    }
}
