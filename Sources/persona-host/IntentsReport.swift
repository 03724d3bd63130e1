import Builtins
import Host
import Plugins

/// What `persona-host intents` prints: the vocabulary as JSON, or as text for an 80-column
/// terminal, grouped by category.
struct IntentsReport: Encodable {
    var pluginsFolder: String
    var categories: [IntentVocabulary.Category]
    var skippedPlugins: [SkippedPlugin]

    var lines: [String] {
        var lines: [String] = []
        if let warning = SkippedPlugin.warningLine(skippedPlugins) { lines.append(warning) }
        let terms = categories.reduce(0) { $0 + $1.terms.count }
        lines += TextWrap.text("\(NumberFormat.count(categories.count)) intent categories, \(NumberFormat.count(terms)) terms, "
                               + "from the plugins in \(pluginsFolder).", lead: "", indent: "")
        lines += TextWrap.text("A term counts 0.90 as written, 0.85 inflected, 0.60 through a synonym; "
                               + "a category is detected at its threshold.", lead: "", indent: "")
        if categories.isEmpty { lines.append("No plugin declares intents: every goal would be refused.") }
        for category in categories {
            lines.append("")
            lines += header(category)
            for term in category.terms { lines += self.lines(term, in: category) }
        }
        return lines
    }

    /// `generation: audience, threshold 0.50 (default)`, then what else to know about the category.
    func header(_ category: IntentVocabulary.Category) -> [String] {
        var lines = TextWrap.text("\(category.category): \(category.plugin), threshold \(NumberFormat.score(category.threshold))"
                                  + (category.thresholdIsDefault ? " (default)" : ""), lead: "", indent: "  ")
        if category.plugins.count > 1 {
            lines += TextWrap.text("also declared by \(category.plugins.dropFirst().joined(separator: ", ")) "
                                   + "(terms merged; threshold from \(category.thresholdFrom))", lead: "  · ", indent: "    ")
        }
        if !category.synonymAloneDetects && category.terms.contains(where: { !$0.synonyms.isEmpty }) {
            lines += TextWrap.text("a synonym alone (0.60) does not reach the threshold", lead: "  · ", indent: "    ")
        }
        return lines
    }

    /// A term, its synonyms, and what it produces.
    func lines(_ term: IntentVocabulary.Term, in category: IntentVocabulary.Category) -> [String] {
        let name = "  " + term.term + (term.plugin == category.plugin ? "" : " (from \(term.plugin))")
        var lines = term.synonyms.isEmpty
            ? [name]
            : TextWrap.lines(term.synonyms, lead: name + "  synonyms: ", indent: "      ")
        for condition in term.conditions {
            lines += TextWrap.text("\(condition.condition) (\(condition.plugin))", lead: "    → ", indent: "      ")
        }
        if let reason = term.notApplied {
            lines += TextWrap.text(reason, lead: term.detectedAlone ? "    not applied: " : "    not detected alone: ", indent: "      ")
        }
        if !term.alsoMatches.isEmpty {
            lines += TextWrap.lines(term.alsoMatches.map { "\($0.term) (\($0.category))" }, lead: "    also matches: ", indent: "      ")
        }
        return lines
    }
}
