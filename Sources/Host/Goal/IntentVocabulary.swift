import Builtins
import Plugins

/// The goal vocabulary in force (`persona-host intents`): every intent category of the loaded
/// plugins with the plugins that declare it, its threshold, its terms and their synonyms, and
/// the conditions each term produces.
///
/// A term's conditions come from the same code a run uses: the goal made of just that term is
/// read with the ``Taxonomy`` (``GoalReading``) and handed to ``FilterPlan``, which calls the
/// `filters` of every plugin that declares a detected category. The conditions shown are the
/// ones that say they apply the term; a term they do not apply gets the reason a run would give
/// ("not applied"), and a term that read alone does not reach its category's threshold says so.
public struct IntentVocabulary: Sendable {
    /// One condition a term produces, and the plugin whose `filters` returned it.
    public struct Condition: Sendable, Codable, Equatable {
        public var plugin: String
        /// The users-table column it reads.
        public var field: String
        /// `age between 18 and 25`.
        public var condition: String
    }

    /// Another category's term that the same words also match (a word two categories share).
    public struct OtherMatch: Sendable, Codable, Equatable {
        public var category: String
        public var term: String
    }

    /// One canonical term.
    public struct Term: Sendable, Codable {
        public var term: String
        /// The first plugin that declared the term in this category.
        public var plugin: String
        /// Aliases that stand for the term, sorted.
        public var synonyms: [String]
        /// What the goal made of just this term selects, in load order.
        public var conditions: [Condition]
        /// Why the term, read alone, selects nothing (nil when it has conditions).
        public var notApplied: String?
        /// Whether the term alone reaches the category's threshold.
        public var detectedAlone: Bool
        /// Other terms the same words match.
        public var alsoMatches: [OtherMatch]
    }

    /// One intent category, its declarations merged as a run merges them.
    public struct Category: Sendable, Codable {
        public var category: String
        /// The first plugin to declare the category.
        public var plugin: String
        /// The plugin whose threshold counts: the one that declares it, else the first.
        public var thresholdFrom: String
        /// Every plugin that declares the category, in load order.
        public var plugins: [String]
        public var threshold: Double
        /// Whether the threshold is the default (`ContractDefaults.intentThreshold`).
        public var thresholdIsDefault: Bool
        /// Whether one synonym alone (quality 0.60) reaches the threshold.
        public var synonymAloneDetects: Bool
        public var terms: [Term]
    }

    public var categories: [Category]

    /// Reads the vocabulary of `plugins` (in load order), calling their `filters` once per term.
    public init(plugins: [Plugin]) throws(PluginError) {
        let taxonomy = Taxonomy(plugins: plugins)
        var categories: [Category] = []
        for category in taxonomy.categories {
            let declarations = plugins.flatMap { plugin in
                plugin.contract.intents.filter { $0.category == category.name }.map { (plugin: plugin.name, spec: $0) }
            }
            guard let first = declarations.first else { continue }
            let explicit = declarations.first { !$0.spec.thresholdIsDefault }
            var terms: [Term] = []
            for term in category.terms {
                let owner = declarations.first { $0.spec.terms.contains(term) }?.plugin ?? first.plugin
                let synonyms = category.synonyms.filter { $0.value == term }.map(\.key).sorted()
                terms.append(try Self.read(term, category: category, owner: owner, synonyms: synonyms,
                                           taxonomy: taxonomy, plugins: plugins))
            }
            categories.append(Category(
                category: category.name, plugin: first.plugin, thresholdFrom: (explicit ?? first).plugin,
                plugins: declarations.map(\.plugin), threshold: category.threshold,
                thresholdIsDefault: explicit == nil,
                synonymAloneDetects: IntentScorer.MatchKind.synonym.quality >= category.threshold, terms: terms))
        }
        self.categories = categories
    }

    /// The goal "TERM", read and planned as a run would.
    static func read(_ term: String, category: IntentScorer.Category, owner: String, synonyms: [String],
                     taxonomy: Taxonomy, plugins: [Plugin]) throws(PluginError) -> Term {
        let reading = GoalReading(text: term, taxonomy: taxonomy)
        let score = reading.scores.first { $0.category == category.name }
        let detected = score?.detected == true && score?.matches.contains { $0.term == term } == true
        let others = reading.detected.flatMap { s in
            s.matches.filter { !(s.category == category.name && $0.term == term) }.map { OtherMatch(category: s.category, term: $0.term) }
        }
        guard detected else {
            let confidence = NumberFormat.score(score?.confidence ?? 0)
            return Term(term: term, plugin: owner, synonyms: synonyms, conditions: [],
                        notApplied: "read alone it gives \(category.name) a confidence of \(confidence), "
                            + "below the threshold \(NumberFormat.score(category.threshold)), so it selects nothing on its own",
                        detectedAlone: false, alsoMatches: others)
        }
        let plan = try FilterPlan(reading: reading, plugins: plugins, domain: nil)
        let conditions = plan.entries.filter { $0.terms.contains(term) }.map {
            Condition(plugin: $0.plugin, field: $0.condition.field, condition: $0.condition.description)
        }
        let reason = plan.notApplied.first { $0.category == category.name && $0.term == term }?.reason
        return Term(term: term, plugin: owner, synonyms: synonyms, conditions: conditions,
                    notApplied: conditions.isEmpty ? reason ?? "no condition applies it" : nil,
                    detectedAlone: true, alsoMatches: others)
    }
}
