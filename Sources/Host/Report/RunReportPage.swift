import Builtins

/// The run report as one self-contained HTML page: inline CSS and SVG, no script, no external
/// URL, every plugin or user string escaped. Sections: the goal (intents, conditions, notes), a
/// card per persona with its z-score chart, the member scatter (or why it is absent), and the
/// k-selection scores; each chart has a text table in a `<details>` below it. The page holds
/// nothing that changes between renderings of the same run, so its bytes are the same.
struct RunReportPage {
    var report: RunReport

    var run: GoalRun { report.run }

    var html: String {
        let title = "Run \(report.runID): \(run.goal)"
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(HTMLText.escaped(title)) — persona-host</title><style>\(Self.css)</style></head><body><main>\n"
            + goal + personas + scatter + kSelection + footer
            + "</main></body></html>\n"
    }

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:1200px;margin:0 auto;padding:24px}
        h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 8px;border-bottom:1px solid #ccc}
        h3{font-size:1.05em;margin:0 0 4px}.meta{color:#444}
        table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
        td{font-variant-numeric:tabular-nums}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:16px}
        .persona{border:1px solid #bbb;border-top:6px solid var(--colour);border-radius:6px;padding:12px}
        .share{font-weight:600}.notice{background:#fff4d6;border-left:4px solid #8a5a00;padding:8px 12px;margin:8px 0}
        svg.chart{max-width:100%;height:auto;font-size:11px;fill:#1a1a1a}svg text{fill:#1a1a1a}
        .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
        .swatch{display:inline-block;width:12px;height:12px;margin-right:6px;border-radius:50%;vertical-align:-1px}
        details{margin:6px 0}summary{cursor:pointer;color:#0b4f8a}code{background:#f2f2f2;padding:0 3px}
        """

    var goal: String {
        var out = "<header><h1>\(HTMLText.escaped(run.goal))</h1><p class=\"meta\">Run \(report.runID)"
        if let at = run.createdAt { out += ", saved \(HTMLText.escaped(at))" }
        out += " · \(NumberFormat.count(run.matchedRows)) matched users · domain \(HTMLText.escaped(run.domain.plugin)) "
            + "(\(HTMLText.escaped(run.domain.reason))) · \(HTMLText.escaped(run.clustering.algorithm)), k = \(run.clustering.chosenK)</p></header>\n"
        for warning in run.warnings { out += "<p class=\"notice\">Warning: \(HTMLText.escaped(warning))</p>" }
        out += "<section aria-labelledby=\"goal\"><h2 id=\"goal\">Goal</h2><h3>Intents</h3>"
            + "<table><thead><tr><th scope=\"col\">intent</th><th scope=\"col\">confidence</th><th scope=\"col\">threshold</th>"
            + "<th scope=\"col\">detected</th><th scope=\"col\">matched words</th></tr></thead><tbody>"
        for intent in run.intents {
            let words = intent.matches.map { "\($0.text) → \($0.term)" }.joined(separator: ", ")
            out += "<tr><th scope=\"row\">\(HTMLText.escaped(intent.category))</th><td>\(NumberFormat.score(intent.confidence))</td>"
                + "<td>\(NumberFormat.score(intent.threshold))</td><td>\(intent.detected ? "yes" : "no")</td><td>\(HTMLText.escaped(words))</td></tr>"
        }
        out += "</tbody></table><h3>Conditions</h3>"
        if run.filter.conditions.isEmpty {
            out += "<p>No condition: every user matched.</p>"
        } else {
            out += "<ul>" + run.filter.conditions.map {
                "<li><code>\(HTMLText.escaped($0.condition))</code> from \(HTMLText.escaped($0.plugin))"
                    + ($0.terms.isEmpty ? "" : " (for \(HTMLText.escaped($0.terms.joined(separator: ", "))))") + "</li>"
            }.joined() + "</ul>"
        }
        for n in run.notApplied { out += "<p class=\"notice\">Not applied: \(HTMLText.escaped(n.words)) (\(HTMLText.escaped(n.category))): \(HTMLText.escaped(n.reason))</p>" }
        if !run.unrecognisedWords.isEmpty { out += "<p>Not recognised: \(HTMLText.escaped(run.unrecognisedWords.joined(separator: ", ")))</p>" }
        for note in run.notes { out += "<p class=\"notice\">Note: \(HTMLText.escaped(note))</p>" }
        return out + "</section>\n"
    }

    var personas: String {
        let scale = ZScoreChart.scale(of: run)
        var out = "<section aria-labelledby=\"personas\"><h2 id=\"personas\">Personas</h2><div class=\"cards\">"
        for (position, p) in run.personas.enumerated() {
            let colour = PersonaPalette.colour(position)
            let chart = ZScoreChart(persona: p, features: run.features, colour: colour, scale: scale)
            out += "<article class=\"persona\" data-persona=\"\(p.index)\" style=\"--colour:\(colour)\">"
                + "<h3 class=\"persona-name\">\(p.index). \(HTMLText.escaped(p.name))</h3>"
                + "<p><span class=\"share\">\(NumberFormat.count(p.size)) users · \(NumberFormat.share(p.share))</span> of the matched users</p>"
            let traits = Self.traitItems(p.traits)
            if !traits.isEmpty { out += "<p>Traits: " + traits.map(HTMLText.escaped).joined(separator: "; ") + "</p>" }
            if !p.distinguishing.isEmpty {
                out += "<p>Set apart by: " + p.distinguishing.map(HTMLText.escaped).joined(separator: ", ") + "</p>"
            }
            out += chart.svg + "<details><summary>Z-scores as a table</summary>\(chart.table)</details></article>"
        }
        return out + "</div></section>\n"
    }

    var scatter: String {
        var out = "<section aria-labelledby=\"scatter\"><h2 id=\"scatter\">Members in the clustering space</h2>"
        for note in report.scatterNotes { out += "<p class=\"notice\">Note: \(HTMLText.escaped(note)).</p>" }
        switch report.scatter {
        case .absent(let why):
            out += "<p class=\"notice\" id=\"no-scatter\">No member scatter: \(HTMLText.escaped(why)).</p>"
        case .shown(let data):
            let chart = MemberScatter(scatter: data, personas: run.personas)
            out += "<p>\(NumberFormat.count(data.points.count)) of the run's \(NumberFormat.count(data.members)) members (an even sample by user id), "
                + "placed with the domain's formulas in the run's weighted standardised space of \(HTMLText.escaped(data.features.joined(separator: ", "))) "
                + "and projected on its first two principal components.</p>"
                + chart.svg + chart.legend + "<details><summary>Scatter as a table</summary>\(chart.table)</details>"
        }
        return out + "</section>\n"
    }

    var kSelection: String {
        var out = "<section aria-labelledby=\"kselection\"><h2 id=\"kselection\">Choosing k</h2>"
        if run.clustering.scores.isEmpty {
            out += "<p>No k-selection scores: \(HTMLText.escaped(run.clustering.note ?? "k was not chosen by score")).</p>"
        } else {
            let chart = KSelectionChart(clustering: run.clustering)
            out += "<p>k = \(run.clustering.chosenK) by silhouette among k = \(run.clustering.kRange.map(String.init).joined(separator: "…")).</p>"
                + chart.svg + "<details><summary>Scores as a table</summary>\(chart.table)</details>"
            if let note = run.clustering.note { out += "<p>\(HTMLText.escaped(note))</p>" }
        }
        return out + "</section>\n"
    }

    var footer: String {
        let plugins = run.plugins.map { "\(HTMLText.escaped($0.name)) \(HTMLText.escaped($0.version))" }.joined(separator: ", ")
        return "<footer><p class=\"meta\">Plugins: \(plugins). Made by persona-host runs report.</p></footer>\n"
    }

    /// The traits as `key: value` items in key order (as the text report lists them).
    static func traitItems(_ traits: JSONValue) -> [String] {
        switch traits {
        case .object(let entries):
            entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value == .array([]) || $0.value == .object([:]) ? "none" : $0.value.text)" }
        case .null, .array([]): []
        default: [traits.text]
        }
    }
}
