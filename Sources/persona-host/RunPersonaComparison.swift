import Builtins
import Host

/// `persona compare run:A/N run:B/M`: two goal-run personas side by side — sizes, shares, and
/// every feature's mean and z-score, largest z-score difference first.
struct RunPersonaComparison: Encodable {
    /// One feature in both personas (nil where a run does not have the feature).
    struct Feature: Encodable {
        var name: String
        var firstMean: Double?
        var firstZ: Double?
        var secondMean: Double?
        var secondZ: Double?
        /// second z − first z (nil unless both have one).
        var zDifference: Double?
    }

    var first: RunPersonaView
    var second: RunPersonaView
    var features: [Feature]

    init(first: RunPersonaView, second: RunPersonaView) {
        self.first = first
        self.second = second
        var names = first.features.map(\.name)
        names += second.features.map(\.name).filter { !names.contains($0) }
        let a = Dictionary(first.features.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let b = Dictionary(second.features.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let unsorted = names.map { name -> Feature in
            let x = a[name], y = b[name]
            let difference = x?.zScore.flatMap { zx in y?.zScore.map { $0 - zx } }
            return Feature(name: name, firstMean: x?.mean, firstZ: x?.zScore, secondMean: y?.mean, secondZ: y?.zScore, zDifference: difference)
        }
        // Largest difference first; features only one run has last; ties in the first run's order.
        features = unsorted.enumerated().sorted { l, r in
            let dl = l.element.zDifference.map(abs) ?? -1, dr = r.element.zDifference.map(abs) ?? -1
            return dl != dr ? dl > dr : l.offset < r.offset
        }.map(\.element)
    }

    var text: String {
        let a = first, b = second
        var lines = ["\(a.id) \(a.persona.name) vs \(b.id) \(b.persona.name)"]
        if a.run == b.run {
            lines.append("Both from run \(a.run), goal \"\(a.goal)\", \(NumberFormat.count(a.matchedRows)) matched users.")
        } else {
            lines.append("From run \(a.run) (\"\(a.goal)\", \(NumberFormat.count(a.matchedRows)) matched) and run \(b.run) "
                         + "(\"\(b.goal)\", \(NumberFormat.count(b.matchedRows)) matched): each z-score is against its own run's matched users.")
        }
        lines.append("")
        var rows = [["", a.id.uppercased(), "", b.id.uppercased(), "", ""]]
        rows.append(["users", NumberFormat.count(a.persona.size), NumberFormat.share(a.persona.share),
                     NumberFormat.count(b.persona.size), NumberFormat.share(b.persona.share), ""])
        rows.append(["FEATURE", "MEAN", "Z", "MEAN", "Z", "Z DIFFERENCE"])
        for f in features {
            rows.append([f.name, f.firstMean.map(NumberFormat.value) ?? "-", f.firstZ.map(NumberFormat.score) ?? "-",
                         f.secondMean.map(NumberFormat.value) ?? "-", f.secondZ.map(NumberFormat.score) ?? "-",
                         f.zDifference.map(NumberFormat.score) ?? "-"])
        }
        lines += Output.columns(rows).map { "  " + $0 }
        let apart = features.prefix(3).compactMap { f in
            f.zDifference.flatMap { d in abs(d) >= 0.5 ? "\(f.name) (z \(NumberFormat.score(f.firstZ ?? 0)) vs \(NumberFormat.score(f.secondZ ?? 0)))" : nil }
        }
        lines.append("")
        lines.append("Set apart by: " + (apart.isEmpty ? "no feature differs by half a standard deviation or more." : apart.joined(separator: ", ") + "."))
        return lines.joined(separator: "\n")
    }
}
