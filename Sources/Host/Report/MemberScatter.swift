import Builtins

/// The member scatter in inline SVG: sampled members on the clustering space's first two
/// principal components, one colour per persona, each persona's centroid as a numbered ring.
/// A table gives, per persona, how many sampled members it has and where its centroid lies.
struct MemberScatter {
    var scatter: RunReport.Scatter
    var personas: [GoalRun.Persona]

    static let width = 640.0, height = 440.0, margin = 48.0

    /// Persona index → its position in the run's list (for its colour).
    var positions: [Int: Int] { Dictionary(uniqueKeysWithValues: personas.enumerated().map { ($1.index, $0) }) }

    var svg: String {
        let xs = scatter.points.map(\.x) + scatter.centroids.values.map(\.x)
        let ys = scatter.points.map(\.y) + scatter.centroids.values.map(\.y)
        let (x0, x1) = Self.range(xs), (y0, y1) = Self.range(ys)
        let w = Self.width - 2 * Self.margin, h = Self.height - 2 * Self.margin
        func px(_ x: Double) -> String { HTMLText.coordinate(Self.margin + (x - x0) / (x1 - x0) * w) }
        func yAt(_ y: Double) -> Double { Self.height - Self.margin - (y - y0) / (y1 - y0) * h }
        func py(_ y: Double) -> String { HTMLText.coordinate(yAt(y)) }
        let label = "Scatter of \(NumberFormat.count(scatter.points.count)) sampled members on the first two principal components "
            + "of the clustering space, coloured by persona; rings mark each persona's centroid"
        var out = "<svg class=\"chart scatter\" role=\"img\" aria-label=\"\(HTMLText.escaped(label))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
            + "width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\">"
        out += "<title>\(HTMLText.escaped(label))</title>"
        out += "<rect x=\"\(Int(Self.margin))\" y=\"\(Int(Self.margin))\" width=\"\(Int(w))\" height=\"\(Int(h))\" fill=\"#fafafa\" stroke=\"#999\"/>"
        let colour = positions
        out += "<g aria-hidden=\"true\">"
        for p in scatter.points {
            out += "<circle cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"2.5\" fill=\"\(PersonaPalette.colour(colour[p.persona] ?? 0))\" fill-opacity=\"0.7\"/>"
        }
        out += "</g>"
        for persona in personas {
            guard let c = scatter.centroids[persona.index] else { continue }
            let stroke = PersonaPalette.colour(colour[persona.index] ?? 0)
            out += "<g><title>Centroid of persona \(persona.index), \(HTMLText.escaped(persona.name))</title>"
                + "<circle cx=\"\(px(c.x))\" cy=\"\(py(c.y))\" r=\"10\" fill=\"#fff\" stroke=\"\(stroke)\" stroke-width=\"3\"/>"
                + "<text x=\"\(px(c.x))\" y=\"\(HTMLText.coordinate(yAt(c.y) + 4))\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#111\">\(persona.index)</text></g>"
        }
        out += "<text x=\"\(HTMLText.coordinate(Self.width / 2))\" y=\"\(HTMLText.coordinate(Self.height - 12))\" text-anchor=\"middle\">"
            + "principal component 1 (\(NumberFormat.share(scatter.shares.first ?? 0)) of the variance)</text>"
        out += "<text transform=\"translate(16 \(HTMLText.coordinate(Self.height / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + "principal component 2 (\(NumberFormat.share(scatter.shares.count > 1 ? scatter.shares[1] : 0)) of the variance)</text>"
        return out + "</svg>"
    }

    /// The legend: each persona's colour and name (HTML, so screen readers and copy-paste get it).
    var legend: String {
        "<ul class=\"legend\">" + personas.enumerated().map { position, p in
            "<li><span class=\"swatch\" style=\"background:\(PersonaPalette.colour(position))\"></span>\(p.index). \(HTMLText.escaped(p.name))</li>"
        }.joined() + "</ul>"
    }

    /// Per persona: sampled members and the centroid's coordinates.
    var table: String {
        var out = "<table><thead><tr><th scope=\"col\">persona</th><th scope=\"col\">sampled members</th>"
            + "<th scope=\"col\">centroid PC1</th><th scope=\"col\">centroid PC2</th></tr></thead><tbody>"
        for p in personas {
            let c = scatter.centroids[p.index]
            out += "<tr><th scope=\"row\">\(p.index). \(HTMLText.escaped(p.name))</th><td>\(NumberFormat.count(scatter.points.filter { $0.persona == p.index }.count))</td>"
                + "<td>\(NumberFormat.score(c?.x ?? 0))</td><td>\(NumberFormat.score(c?.y ?? 0))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    /// The shown range of `values`, padded by 5% (never empty).
    static func range(_ values: [Double]) -> (Double, Double) {
        guard let low = values.min(), let high = values.max(), high > low else {
            let v = values.first ?? 0
            return (v - 1, v + 1)
        }
        let pad = (high - low) * 0.05
        return (low - pad, high + pad)
    }
}
