import Builtins
import LuaBridge
import Plugins

/// The intent taxonomy of a run: every plugin's `intents`, merged in load order.
///
/// Several plugins may declare the same category: their terms and synonyms are merged (the
/// first plugin to declare an alias wins), and the category's threshold is the first declared.
public struct Taxonomy: Sendable {
    /// The merged categories, in order of first declaration.
    public var categories: [IntentScorer.Category]
    /// Which plugins declared each category.
    public var declaredBy: [String: [String]]

    /// Merges the `intents` hooks of `plugins` (already in load order).
    public init(plugins: [Plugin]) {
        var categories: [IntentScorer.Category] = []
        var declaredBy: [String: [String]] = [:]
        for plugin in plugins where plugin.provides(.intents) {
            for (name, spec) in plugin.hook(.intents).fields {
                let terms = spec["terms"].arrayValue?.compactMap(\.stringValue) ?? []
                let synonyms = spec["synonyms"].fields.compactMap { alias, target in target.stringValue.map { (alias, $0) } }
                declaredBy[name, default: []].append(plugin.name)
                if let i = categories.firstIndex(where: { $0.name == name }) {
                    for term in terms where !categories[i].terms.contains(term) { categories[i].terms.append(term) }
                    for (alias, target) in synonyms where categories[i].synonyms[alias] == nil { categories[i].synonyms[alias] = target }
                } else {
                    categories.append(.init(name: name, terms: terms, synonyms: Dictionary(uniqueKeysWithValues: synonyms),
                                            threshold: spec["threshold"].doubleValue ?? 0.5))
                }
            }
        }
        self.categories = categories
        self.declaredBy = declaredBy
    }

    /// The scorer over these categories.
    public var scorer: IntentScorer { IntentScorer(categories: categories) }
}

/// How the host read a goal: scores per category, and the canonical terms that matched.
public struct GoalReading: Sendable {
    public var text: String
    public var scores: [IntentScorer.Score]

    public init(text: String, taxonomy: Taxonomy) {
        self.text = text
        scores = taxonomy.scorer.score(text)
    }

    /// Categories at or above their threshold, in taxonomy order.
    public var detected: [IntentScorer.Score] { scores.filter(\.detected) }

    /// Canonical terms matched in detected categories.
    public var matchedTerms: [String] { detected.flatMap { $0.matches.map(\.term) } }

    /// The `goal` table handed to `filters(goal)`: text, intents (category → confidence), matched (term → true).
    public var luaValue: LuaValue {
        var intents: [LuaKey: LuaValue] = [:]
        for score in detected { intents[.string(score.category)] = .number(score.confidence) }
        var matched: [LuaKey: LuaValue] = [:]
        for term in matchedTerms { matched[.string(term)] = .bool(true) }
        return .table([.string("text"): .string(text), .string("intents"): .table(intents), .string("matched"): .table(matched)])
    }
}
