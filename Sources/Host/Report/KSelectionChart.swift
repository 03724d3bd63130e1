import Builtins

/// The k-selection scores (silhouette per candidate k) as a bar chart in inline SVG, the chosen
/// k drawn darker and labelled; a table gives the same numbers.
struct KSelectionChart {
    var clustering: GoalRun.Clustering

    static let width = 480.0, height = 220.0, left = 44.0, bottom = 36.0, top = 16.0

    var svg: String {
        let scores = clustering.scores
        let plotHeight = Self.height - Self.top - Self.bottom
        let slot = (Self.width - Self.left - 8) / Double(max(scores.count, 1))
        let label = "Silhouette score for each number of clusters k tried; k = \(clustering.chosenK) was chosen"
        var out = "<svg class=\"chart kselection\" role=\"img\" aria-label=\"\(HTMLText.escaped(label))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
            + "width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\">"
        out += "<title>\(HTMLText.escaped(label))</title>"
        let base = Self.height - Self.bottom
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let y = base - tick * plotHeight
            out += "<line x1=\"\(Int(Self.left))\" y1=\"\(HTMLText.coordinate(y))\" x2=\"\(Int(Self.width - 8))\" y2=\"\(HTMLText.coordinate(y))\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(Int(Self.left - 6))\" y=\"\(HTMLText.coordinate(y + 4))\" text-anchor=\"end\">\(NumberFormat.score(tick))</text>"
        }
        for (i, score) in scores.enumerated() {
            let chosen = score.k == clustering.chosenK
            let h = max(0, min(score.silhouette, 1)) * plotHeight
            let x = Self.left + Double(i) * slot + slot * 0.2
            out += "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(base - h))\" width=\"\(HTMLText.coordinate(slot * 0.6))\" "
                + "height=\"\(HTMLText.coordinate(h))\" fill=\"\(chosen ? "#0B5FA5" : "#8BA9C7")\"><title>k = \(score.k): silhouette \(NumberFormat.score(score.silhouette))\(chosen ? " (chosen)" : "")</title></rect>"
            out += "<text x=\"\(HTMLText.coordinate(x + slot * 0.3))\" y=\"\(HTMLText.coordinate(base - h - 4))\" text-anchor=\"middle\">\(NumberFormat.score(score.silhouette))</text>"
            out += "<text x=\"\(HTMLText.coordinate(x + slot * 0.3))\" y=\"\(HTMLText.coordinate(base + 16))\" text-anchor=\"middle\"\(chosen ? " font-weight=\"bold\"" : "")>k=\(score.k)\(chosen ? " ✓" : "")</text>"
        }
        out += "<line x1=\"\(Int(Self.left))\" y1=\"\(HTMLText.coordinate(base))\" x2=\"\(Int(Self.width - 8))\" y2=\"\(HTMLText.coordinate(base))\" stroke=\"#333\"/>"
        out += "<text x=\"\(Int(Self.left))\" y=\"\(HTMLText.coordinate(Self.height - 4))\">silhouette (higher: better separated)</text>"
        return out + "</svg>"
    }

    /// The same numbers as a table.
    var table: String {
        var out = "<table><thead><tr><th scope=\"col\">k</th><th scope=\"col\">silhouette</th></tr></thead><tbody>"
        for s in clustering.scores {
            out += "<tr><th scope=\"row\">\(s.k)\(s.k == clustering.chosenK ? " (chosen)" : "")</th><td>\(NumberFormat.score(s.silhouette))</td></tr>"
        }
        return out + "</tbody></table>"
    }
}
