import Builtins
import Host
import Plugins
import LuaBridge

/// The human-readable formulation report: the formula as a table, its totals against the limits,
/// the concerns covered, what binds, and the rules that fired.
struct FormulationReport {
    let run: FormulationRun

    var text: String {
        var lines: [String] = []
        let r = run.request
        lines.append("Formulation for \(run.persona.name) (\(run.persona.id)): \(r.concerns.joined(separator: ", ")), \(r.skinType) skin")
        let c = run.constraints
        lines.append("Limits: actives \(c.actives.lowerBound.formatted2)-\(c.actives.upperBound.formatted2) %, budget \(c.budget.formatted2) USD/kg, "
                     + "irritation <= \(c.maxIrritation.formatted2), at most \(c.maxIngredients) ingredients")
        lines.append("")
        if run.ingredients.isEmpty {
            lines.append("No formula satisfies every hard constraint.")
        } else {
            var rows = [["INGREDIENT", "CLASS", "LEVEL %", "RANGE %", "USD/KG", "SCORE", "ADDRESSES", "LEVEL"]]
            for i in run.ingredients {
                rows.append([i.name, i.functionalClass, i.level.formatted2, "\(i.useRange[0].formatted2)-\(i.useRange[1].formatted2)",
                             i.costPerKg.formatted2, i.score.formatted3, i.addresses.isEmpty ? "(support)" : i.addresses.joined(separator: ", "),
                             i.levelNote])
            }
            lines += Output.columns(rows).map { "  " + $0 }
            let t = run.totals
            lines.append("")
            let ph = t.ph.map { "pH \($0.lowerBound.formatted2)-\($0.upperBound.formatted2)" } ?? "no pH window"
            lines.append("Totals: actives \(t.totalActives.formatted2) %, cost \(t.costPerKilogram.formatted2) USD/kg, irritation \(t.irritation.formatted2), \(ph)")
            lines.append("Predicted: efficacy \(t.efficacy.formatted2)/10, safety \(t.safety.formatted2)/10, stability \(t.stability.formatted2), "
                         + "synergy \(t.synergy.formatted2)" + (t.synergyPairs.isEmpty ? "" : " (\(t.synergyPairs.map { $0.joined(separator: " + ") }.joined(separator: ", ")))"))
            if !t.tightConstraints.isEmpty {
                lines.append("At its limit: \(t.tightConstraints.map(\.rawValue).joined(separator: ", "))")
            }
        }
        lines.append("")
        lines.append("Covered: \(run.covered.isEmpty ? "none" : run.covered.joined(separator: ", "))")
        if !run.notCovered.isEmpty { lines.append("Not covered: \(run.notCovered.joined(separator: ", "))") }
        for concern in run.unaddressable { lines.append("  no ingredient in the catalogue addresses \(concern)") }
        for b in run.binding { lines.append("  binding: \(b.constraint): \(b.detail)") }
        if run.status != "complete" && run.binding.isEmpty && run.unaddressable.isEmpty {
            lines.append("  no single constraint binds alone; several limit the request together")
        }
        lines.append("")
        lines.append("Why:")
        for i in run.ingredients { lines.append("  \(i.id): " + i.why.joined(separator: "; ")) }
        lines.append("Rules fired:")
        for rule in run.rulesFired { lines.append("  " + rule) }
        if !run.excluded.isEmpty {
            lines.append("Excluded (would address a target concern): " + run.excluded.map { "\($0.id) (\($0.reason))" }.joined(separator: ", "))
        }
        let s = run.search
        lines.append("Search: branch and bound over \(s.candidates) candidates, \(s.nodes) nodes, "
                     + (s.provenOptimal ? "proven optimal (to within \(s.tolerance.formatted2) of the objective)" : "stopped at the node limit: the best found is within \(s.gap.formatted2) of the optimum"))
        return lines.joined(separator: "\n")
    }
}
