import Builtins
import LuaBridge
import Plugins

/// The intent taxonomy of a run: every plugin's `intents`, merged in load order.
///
/// Several plugins may declare the same category: their terms and synonyms are merged (the
/// first plugin to declare an alias wins), and the category's threshold is the one a plugin
/// declares explicitly (two different explicit thresholds are refused at load, see
/// `PluginSetCheck`), else the default.
public struct Taxonomy: Sendable {
    /// The merged categories, in order of first declaration.
    public var categories: [IntentScorer.Category]
    /// Which plugins declared each category, in load order.
    public var declaredBy: [String: [String]]

    /// Merges the intents of `plugins` (already in load order).
    public init(plugins: [Plugin]) {
        var categories: [IntentScorer.Category] = []
        var declaredBy: [String: [String]] = [:]
        var explicit = Set<String>()
        for plugin in plugins {
            for spec in plugin.contract.intents {
                declaredBy[spec.category, default: []].append(plugin.name)
                if let i = categories.firstIndex(where: { $0.name == spec.category }) {
                    for term in spec.terms where !categories[i].terms.contains(term) { categories[i].terms.append(term) }
                    for (alias, target) in spec.synonyms.sorted(by: { $0.key < $1.key }) where categories[i].synonyms[alias] == nil {
                        categories[i].synonyms[alias] = target
                    }
                    if !spec.thresholdIsDefault && !explicit.contains(spec.category) {
                        categories[i].threshold = spec.threshold
                    }
                } else {
                    categories.append(.init(name: spec.category, terms: spec.terms, synonyms: spec.synonyms, threshold: spec.threshold))
                }
                if !spec.thresholdIsDefault { explicit.insert(spec.category) }
            }
        }
        self.categories = categories
        self.declaredBy = declaredBy
    }

    /// The scorer over these categories.
    public var scorer: IntentScorer { IntentScorer(categories: categories) }
}

/// How the host read a goal: scores per category, the canonical terms that matched, and the
/// words that matched nothing.
public struct GoalReading: Sendable {
    public var text: String
    public var scores: [IntentScorer.Score]
    /// The goal's words some term or synonym matched (``IntentScorer/coveredWords(_:)``).
    public var coveredWords: Set<String>

    public init(text: String, taxonomy: Taxonomy) {
        self.text = text
        (scores, coveredWords) = taxonomy.scorer.read(text)
    }

    /// Categories at or above their threshold, in taxonomy order.
    public var detected: [IntentScorer.Score] { scores.filter(\.detected) }

    /// Canonical terms matched in detected categories.
    public var matchedTerms: [String] { detected.flatMap { $0.matches.map(\.term) } }

    /// The goal's words that no term of any category matched, without common function words
    /// ("who", "in", "about"): shown so a user sees what the host did not understand.
    public var unrecognisedWords: [String] {
        var seen = Set<String>()
        return TextNormalizer.tokens(text).filter { word in
            !coveredWords.contains(word) && !StopWords.english.contains(word) && !word.allSatisfy(\.isNumber) && seen.insert(word).inserted
        }
    }

    /// The `goal` table handed to `filters(goal)`: text, intents (category → confidence), matched (term → true).
    public var luaValue: LuaValue {
        var intents: [LuaKey: LuaValue] = [:]
        for score in detected { intents[.string(score.category)] = .number(score.confidence) }
        var matched: [LuaKey: LuaValue] = [:]
        for term in matchedTerms { matched[.string(term)] = .bool(true) }
        return .table([.string("text"): .string(text), .string("intents"): .table(intents), .string("matched"): .table(matched)])
    }
}
