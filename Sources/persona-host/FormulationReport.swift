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
        lines.append("Limits: actives \(NumberFormat.value(c.actives.lowerBound))-\(NumberFormat.value(c.actives.upperBound)) %, budget \(NumberFormat.value(c.budget)) USD/kg, "
                     + "irritation <= \(NumberFormat.value(c.maxIrritation)), at most \(NumberFormat.count(c.maxIngredients)) ingredients")
        lines.append("")
        if run.ingredients.isEmpty {
            lines.append("No formula satisfies every hard constraint.")
        } else {
            var rows = [["INGREDIENT", "CLASS", "LEVEL %", "RANGE %", "USD/KG", "SCORE", "ADDRESSES", "LEVEL"]]
            for i in run.ingredients {
                rows.append([i.name, i.functionalClass, NumberFormat.value(i.level), "\(NumberFormat.value(i.useRange[0]))-\(NumberFormat.value(i.useRange[1]))",
                             NumberFormat.value(i.costPerKg), NumberFormat.score(i.score), i.addresses.isEmpty ? "(support)" : i.addresses.joined(separator: ", "),
                             i.levelNote])
            }
            lines += Output.columns(rows, rightAligned: [2, 3, 4, 5]).map { "  " + $0 }
            let t = run.totals
            lines.append("")
            let ph = t.ph.map { "pH \(NumberFormat.value($0.lowerBound))-\(NumberFormat.value($0.upperBound))" } ?? "no pH window"
            lines.append("Totals: actives \(NumberFormat.value(t.totalActives)) %, cost \(NumberFormat.value(t.costPerKilogram)) USD/kg, irritation \(NumberFormat.value(t.irritation)), \(ph)")
            lines.append("Predicted: efficacy \(NumberFormat.value(t.efficacy))/10, safety \(NumberFormat.value(t.safety))/10, stability \(NumberFormat.score(t.stability)), "
                         + "synergy \(NumberFormat.score(t.synergy))" + (t.synergyPairs.isEmpty ? "" : " (\(t.synergyPairs.map { $0.joined(separator: " + ") }.joined(separator: ", ")))"))
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
        lines.append("Search: branch and bound over \(NumberFormat.count(s.candidates)) candidates, \(NumberFormat.count(s.nodes)) nodes, "
                     + (s.provenOptimal ? "proven optimal (to within \(NumberFormat.value(s.tolerance)) of the objective)" : "stopped at the node limit: the best found is within \(NumberFormat.value(s.gap)) of the optimum"))
        if let id = run.interactionID {
            lines.append("Logged as interaction \(id): report how it went with feedback add --persona \(run.persona.id) --interaction \(id) --type outcome")
        }
        return lines.joined(separator: "\n")
    }
}
