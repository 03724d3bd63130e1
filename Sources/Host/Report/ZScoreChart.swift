import Builtins

/// One persona's feature z-scores as a horizontal bar chart in inline SVG: a bar per feature
/// from the zero line (the matched users' mean), to the right when the persona sits above it;
/// every persona's chart shares one scale so their bars compare. A table gives the same numbers.
struct ZScoreChart {
    var persona: GoalRun.Persona
    var features: [GoalRun.Feature]
    var colour: String
    /// The |z| the half-width stands for (the run's largest, at least 1).
    var scale: Double

    static let width = 380.0, labelWidth = 150.0, valueWidth = 44.0, rowHeight = 22.0, top = 8.0

    /// The run's common scale: its largest |z|, at least 1.
    static func scale(of run: GoalRun) -> Double {
        run.personas.flatMap { $0.zScores.values }.filter(\.isFinite).map(abs).reduce(1, max)
    }

    var svg: String {
        let height = Self.top * 2 + Double(features.count) * Self.rowHeight
        let plot = Self.width - Self.labelWidth - Self.valueWidth
        let zero = Self.labelWidth + plot / 2
        let label = "Feature z-scores of \(persona.name): how far its members' mean sits from all matched users' mean, in standard deviations"
        var out = "<svg class=\"chart zscores\" role=\"img\" aria-label=\"\(HTMLText.escaped(label))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" "
            + "width=\"\(Int(Self.width))\" height=\"\(Int(height))\">"
        out += "<title>\(HTMLText.escaped(label))</title>"
        for (row, feature) in features.enumerated() {
            let z = persona.zScores[feature.name] ?? 0
            let y = Self.top + Double(row) * Self.rowHeight
            let length = min(abs(z) / scale, 1) * plot / 2
            let x = z < 0 ? zero - length : zero
            let name = feature.name.count > 22 ? String(feature.name.prefix(21)) + "…" : feature.name
            out += "<text x=\"\(HTMLText.coordinate(Self.labelWidth - 6))\" y=\"\(HTMLText.coordinate(y + 15))\" text-anchor=\"end\">\(HTMLText.escaped(name))</text>"
            out += "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y + 4))\" width=\"\(HTMLText.coordinate(length))\" height=\"14\" "
                + "fill=\"\(colour)\"\(feature.weight == 0 ? " fill-opacity=\"0.45\"" : "")><title>\(HTMLText.escaped(feature.name)): z = \(NumberFormat.score(z))</title></rect>"
            out += "<text x=\"\(HTMLText.coordinate(Self.width - 4))\" y=\"\(HTMLText.coordinate(y + 15))\" text-anchor=\"end\">\(NumberFormat.score(z))</text>"
        }
        out += "<line x1=\"\(HTMLText.coordinate(zero))\" y1=\"2\" x2=\"\(HTMLText.coordinate(zero))\" y2=\"\(HTMLText.coordinate(height - 2))\" stroke=\"#333\"/>"
        return out + "</svg>"
    }

    /// The same numbers as a table.
    var table: String {
        var out = "<table><thead><tr><th scope=\"col\">feature</th><th scope=\"col\">z-score</th><th scope=\"col\">persona mean</th>"
            + "<th scope=\"col\">all matched: mean</th><th scope=\"col\">weight</th></tr></thead><tbody>"
        for f in features {
            out += "<tr><th scope=\"row\">\(HTMLText.escaped(f.name))</th><td>\(NumberFormat.score(persona.zScores[f.name] ?? 0))</td>"
                + "<td>\(NumberFormat.value(persona.centroid[f.name] ?? f.mean))</td><td>\(NumberFormat.value(f.mean))</td>"
                + "<td>\(NumberFormat.value(f.weight))\(f.weight == 0 ? " (describes only)" : "")</td></tr>"
        }
        return out + "</tbody></table>"
    }
}
