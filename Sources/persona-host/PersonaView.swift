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
        lines.append("  sensitivity \(NumberFormat.score(p.sensitivityLevel)), safety priority \(NumberFormat.score(p.safetyPriority)), "
                     + "efficacy tolerance \(NumberFormat.score(p.efficacyTolerance)), natural preference \(NumberFormat.score(p.naturalPreference)), "
                     + "budget \(p.budgetPreference)")
        lines.append("  prefers \(p.ingredientPreferences.isEmpty ? "nothing in particular" : p.ingredientPreferences.joined(separator: ", ")); "
                     + "avoids \(p.ingredientAversions.isEmpty ? "nothing" : p.ingredientAversions.joined(separator: ", "))")
        let w = weights
        lines.append("Weights: efficacy \(NumberFormat.score(w.efficacy)), safety \(NumberFormat.score(w.safety)), "
                     + "cost efficiency \(NumberFormat.score(w.costEfficiency)), bioavailability \(NumberFormat.score(w.bioavailability)), "
                     + "stability \(NumberFormat.score(w.stability)), natural \(NumberFormat.score(w.natural)); "
                     + "base confidence \(NumberFormat.score(w.baseConfidence))")
        lines.append("Best ingredients for its own concerns:")
        for r in bestIngredients { lines.append("  \(r.id)  \(NumberFormat.score(r.score))  \(r.reasons.joined(separator: "; "))") }
        if !neverUsed.isEmpty {
            lines.append("Never used (\(NumberFormat.count(neverUsed.count))): " + neverUsed.map { "\($0.id)" }.joined(separator: ", "))
        }
        if let learned { lines.append(learned.summaryLine) }
        return lines.joined(separator: "\n")
    }
}
