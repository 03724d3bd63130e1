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
            let left = a.ingredients.first { $0.id == id }.map { NumberFormat.value($0.level) } ?? "-"
            let right = b.ingredients.first { $0.id == id }.map { NumberFormat.value($0.level) } ?? "-"
            rows.append([id, left, right])
        }
        rows.append(["", "", ""])
        rows.append(["status", a.status, b.status])
        rows.append(["skin type", a.request.skinType, b.request.skinType])
        rows.append(["budget USD/kg", NumberFormat.value(a.constraints.budget), NumberFormat.value(b.constraints.budget)])
        rows.append(["max irritation", NumberFormat.score(a.constraints.maxIrritation), NumberFormat.score(b.constraints.maxIrritation)])
        rows.append(["cost USD/kg", NumberFormat.value(a.totals.costPerKilogram), NumberFormat.value(b.totals.costPerKilogram)])
        rows.append(["irritation", NumberFormat.score(a.totals.irritation), NumberFormat.score(b.totals.irritation)])
        rows.append(["efficacy /10", NumberFormat.score(a.totals.efficacy), NumberFormat.score(b.totals.efficacy)])
        rows.append(["safety /10", NumberFormat.score(a.totals.safety), NumberFormat.score(b.totals.safety)])
        rows.append(["stability", NumberFormat.score(a.totals.stability), NumberFormat.score(b.totals.stability)])
        rows.append(["not covered", a.notCovered.joined(separator: ", "), b.notCovered.joined(separator: ", ")])
        lines += Output.columns(rows).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
