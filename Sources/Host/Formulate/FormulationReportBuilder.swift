import Builtins
import LuaBridge
import Plugins

/// Turns a search result into a `FormulationRun`: each choice with its numbers and reasons, the
/// totals, the concerns covered, and a plain sentence for every binding constraint.
struct FormulationReportBuilder {
    let domain: FormulationDomain
    let problem: FormulationProblem
    let assessments: [IngredientAssessment]
    let result: FormulationSearch.Result

    func run(persona: SkincarePersona, request: FormulationRun.Request, scoring: IngredientScoring, budgetMultiplier: Double,
             fired: [String], diagnosis: FormulationDiagnosis) -> FormulationRun {
        let totals = FormulationMetrics(result.picks, in: problem)
        let chosenIDs = result.picks.map { domain.ingredients[$0.index].id }
        let choices = result.picks.map { choice($0, chosen: chosenIDs, tight: totals.tightConstraints) }
        let notCovered = request.concerns.filter { !result.covered.contains($0) }
        let status = !result.isFeasible ? "infeasible" : notCovered.isEmpty ? "complete" : "partial"
        let excluded = domain.ingredients.indices.compactMap { i -> FormulationRun.Exclusion? in
            guard let reason = assessments[i].excluded, request.concerns.contains(where: domain.ingredients[i].addresses) else { return nil }
            return .init(id: domain.ingredients[i].id, reason: reason)
        }
        return FormulationRun(
            status: status, persona: persona, request: request, weights: scoring.weights, budgetMultiplier: budgetMultiplier,
            baseConfidence: scoring.baseConfidence, constraints: problem.constraints, rulesFired: fired + weightRules(scoring),
            ingredients: choices, totals: totals, covered: result.covered, notCovered: notCovered,
            binding: diagnosis.binding.map(binding), unaddressable: diagnosis.unaddressable, excluded: excluded,
            search: .init(candidates: domain.ingredients.count - problem.exclusions.count, nodes: result.nodes,
                          provenOptimal: result.provenOptimal, tolerance: problem.tolerance, gap: result.gap.rounded(places: 4), objective: result.isFeasible ? result.objective : nil,
                          objectiveSettings: problem.objective))
    }

    private func weightRules(_ scoring: IngredientScoring) -> [String] {
        let w = scoring.weights
        return ["weights: efficacy \(NumberFormat.value(w.efficacy)), safety \(NumberFormat.value(w.safety)), cost efficiency \(NumberFormat.value(w.costEfficiency)), "
                + "bioavailability \(NumberFormat.value(w.bioavailability)), stability \(NumberFormat.value(w.stability)), natural \(NumberFormat.value(w.natural))"]
    }

    private func choice(_ pick: FormulationSearch.Pick, chosen: [String], tight: [ConstraintKind]) -> FormulationRun.Choice {
        let ingredient = domain.ingredients[pick.index]
        let a = assessments[pick.index]
        let note: String
        let limits = tight.filter { $0 != .ingredientCount }.map(\.phrase)
        if pick.position >= 0.999 {
            note = "top of its range"
        } else if pick.position <= 0.001 {
            note = limits.isEmpty ? "bottom of its range" : "bottom of its range, held down by \(limits.joined(separator: " and "))"
        } else {
            note = limits.isEmpty ? "within its range" : "set by \(limits.joined(separator: " and "))"
        }
        var why = ["score \(NumberFormat.score(a.score)) = quality \(NumberFormat.score(a.quality)) x preference \(NumberFormat.score(a.preference)) x confidence \(NumberFormat.score(a.confidence))"]
        why += a.reasons
        let addresses = problem.targetConcerns.filter(ingredient.addresses)
        if addresses.isEmpty { why.append("supports the formula (addresses no target concern): value x\(NumberFormat.value(problem.objective.supportFactor))") }
        let partners = chosen.filter { id in
            id != ingredient.id && (domain.ingredients.first { $0.id == id }.map { ingredient.isSynergistic(with: $0) } ?? false)
        }
        return .init(id: ingredient.id, name: ingredient.name, inciName: ingredient.inciName, functionalClass: ingredient.functionalClass,
                     level: pick.level.rounded(places: 4), useRange: [ingredient.useLevel.lowerBound, ingredient.useLevel.upperBound],
                     levelNote: note, costPerKg: ingredient.costPerKilogram(atLevel: pick.level).rounded(places: 4),
                     score: a.score.rounded(places: 4), quality: a.quality.rounded(places: 4), preference: a.preference,
                     confidence: a.confidence.rounded(places: 4), addresses: addresses, synergiesWith: partners, why: why)
    }

    private func binding(_ finding: FormulationDiagnosis.Finding) -> FormulationRun.Binding {
        let c = problem.constraints
        let t = finding.totals
        let gain = finding.wouldCover.isEmpty ? "a formula at all" : finding.wouldCover.joined(separator: ", ")
        let detail: String
        switch finding.constraint {
        case .exclusions:
            // The excluded ingredients that give what is missing (not those that only support the formula).
            let excluded = finding.formula.filter { problem.exclusions[$0] != nil }
            let giving = excluded.filter { id in
                domain.ingredients.first { $0.id == id }.map { ingredient in finding.wouldCover.contains(where: ingredient.addresses) } ?? false
            }
            let used = (giving.isEmpty ? excluded : giving).map { "\($0) (\(problem.exclusions[$0]!))" }
            detail = "only excluded ingredients give \(gain): \(used.joined(separator: "; "))"
        case .incompatibility:
            let ingredients = finding.formula.compactMap { id in domain.ingredients.first { $0.id == id } }
            var pairs: [String] = []
            for (i, a) in ingredients.enumerated() { for b in ingredients[(i + 1)...] where a.isIncompatible(with: b) { pairs.append("\(a.id) + \(b.id)") } }
            detail = "\(gain) needs an incompatible pair: \(pairs.joined(separator: ", "))"
        case .ph:
            let ingredients = finding.formula.compactMap { id in domain.ingredients.first { $0.id == id } }
            let windows = ingredients.map { "\($0.id) pH \(NumberFormat.value($0.ph.lowerBound))-\(NumberFormat.value($0.ph.upperBound))" }
            detail = "\(gain) needs ingredients with no common pH window: \(windows.joined(separator: ", "))"
        case .budget:
            detail = "\(gain) needs \(NumberFormat.value(t.costPerKilogram)) USD/kg; the budget is \(NumberFormat.value(c.budget))"
        case .irritation:
            detail = "\(gain) needs irritation \(NumberFormat.value(t.irritation)); this persona's limit is \(NumberFormat.value(c.maxIrritation))"
        case .actives:
            detail = "\(gain) needs \(NumberFormat.value(t.totalActives)) % actives; the range is \(NumberFormat.value(c.actives.lowerBound))-\(NumberFormat.value(c.actives.upperBound)) %"
        case .ingredientCount:
            detail = "\(gain) needs \(finding.formula.count) ingredients; at most \(c.maxIngredients) are allowed"
        }
        return .init(constraint: finding.constraint.rawValue, wouldCover: finding.wouldCover, detail: detail)
    }
}

extension ConstraintKind {
    /// How a sentence names the constraint.
    var phrase: String {
        switch self {
        case .exclusions: "exclusions"
        case .incompatibility: "incompatibilities"
        case .ph: "the pH window"
        case .actives: "the actives range"
        case .budget: "the budget"
        case .irritation: "the irritation limit"
        case .ingredientCount: "the ingredient count"
        }
    }
}
