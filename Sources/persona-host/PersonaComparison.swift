import Builtins
import Host
import Plugins
import LuaBridge

/// `persona compare`: one request under two personas, ingredient by ingredient.
struct PersonaComparison: Encodable {
    var first: FormulationRun
    var second: FormulationRun
    /// Ingredients both formulas use.
    var shared: [String]
    var onlyFirst: [String]
    var onlySecond: [String]

    init(first: FormulationRun, second: FormulationRun) {
        self.first = first
        self.second = second
        let a = first.ingredients.map(\.id), b = second.ingredients.map(\.id)
        shared = a.filter(b.contains)
        onlyFirst = a.filter { !b.contains($0) }
        onlySecond = b.filter { !a.contains($0) }
    }

    var text: String {
        let a = first, b = second
        var lines = ["\(a.request.concerns.joined(separator: ", ")): \(a.persona.id) vs \(b.persona.id)", ""]
        var rows = [["INGREDIENT", a.persona.id.uppercased() + " %", b.persona.id.uppercased() + " %"]]
        let ids = a.ingredients.map(\.id) + b.ingredients.map(\.id).filter { id in !a.ingredients.contains { $0.id == id } }
        for id in ids {
            let left = a.ingredients.first { $0.id == id }.map { $0.level.formatted2 } ?? "-"
            let right = b.ingredients.first { $0.id == id }.map { $0.level.formatted2 } ?? "-"
            rows.append([id, left, right])
        }
        rows.append(["", "", ""])
        rows.append(["status", a.status, b.status])
        rows.append(["skin type", a.request.skinType, b.request.skinType])
        rows.append(["budget USD/kg", a.constraints.budget.formatted2, b.constraints.budget.formatted2])
        rows.append(["max irritation", a.constraints.maxIrritation.formatted2, b.constraints.maxIrritation.formatted2])
        rows.append(["cost USD/kg", a.totals.costPerKilogram.formatted2, b.totals.costPerKilogram.formatted2])
        rows.append(["irritation", a.totals.irritation.formatted2, b.totals.irritation.formatted2])
        rows.append(["efficacy /10", a.totals.efficacy.formatted2, b.totals.efficacy.formatted2])
        rows.append(["safety /10", a.totals.safety.formatted2, b.totals.safety.formatted2])
        rows.append(["stability", a.totals.stability.formatted2, b.totals.stability.formatted2])
        rows.append(["not covered", a.notCovered.joined(separator: ", "), b.notCovered.joined(separator: ", ")])
        lines += Output.columns(rows).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
