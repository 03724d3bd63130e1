/// Scores how strongly a goal ("Gen Z Moms in tier-1 cities") speaks of each intent category.
///
/// Each term of a category is matched on word boundaries with a quality q:
/// 0.90 when the words appear as written (or as a spelling variant: `gen-z`, `genz`, `tier1`),
/// 0.85 when they match after plural/inflection folding (`moms`, `families`),
/// 0.60 when a declared synonym matched (`mother` for `mom`).
/// A category's confidence is the noisy-OR over its distinct matched terms, `1 − Π(1 − q)`,
/// so one exact term gives 0.90 and more evidence only raises it; it is detected at or above
/// its threshold.
public struct IntentScorer: Sendable {
    /// One category of a taxonomy, as plugins declare it.
    public struct Category: Sendable, Equatable {
        public var name: String
        public var terms: [String]
        /// alias → canonical term
        public var synonyms: [String: String]
        public var threshold: Double

        public init(name: String, terms: [String], synonyms: [String: String] = [:], threshold: Double = 0.5) {
            self.name = name
            self.terms = terms
            self.synonyms = synonyms
            self.threshold = threshold
        }
    }

    /// How a term was found.
    public enum MatchKind: String, Sendable, Codable {
        case exact, variant, inflection, synonym

        /// The match quality q of this kind.
        public var quality: Double {
            switch self {
            case .exact, .variant: 0.90
            case .inflection: 0.85
            case .synonym: 0.60
            }
        }
    }

    /// One piece of evidence: the canonical term, the words of the goal that matched it, and how.
    public struct Match: Sendable, Equatable, Codable {
        public var term: String
        public var text: String
        public var kind: MatchKind
        public var quality: Double
    }

    /// The score of one category.
    public struct Score: Sendable, Equatable, Codable {
        public var category: String
        public var confidence: Double
        public var detected: Bool
        public var threshold: Double
        public var matches: [Match]
    }

    public var categories: [Category]

    public init(categories: [Category]) {
        self.categories = categories
    }

    /// Scores every category against `goal`, in taxonomy order.
    public func score(_ goal: String) -> [Score] { read(goal).scores }

    /// The goal's words that some term or synonym of some category matches, whether or not that
    /// match is the best for its term ("baby boomer" covers "baby" even where "boomer" alone
    /// scores higher): the words a reading understood.
    public func coveredWords(_ goal: String) -> Set<String> { read(goal).covered }

    /// One pass over the taxonomy: every category's score, and the words any phrase matched.
    public func read(_ goal: String) -> (scores: [Score], covered: Set<String>) {
        let words = TextNormalizer.tokens(goal)
        let lemmas = words.map(TextNormalizer.lemma)
        var covered = Set<String>()
        let scores = categories.map { category in
            var best: [String: Match] = [:]
            func consider(_ phrase: String, canonical: String, synonym: Bool) {
                guard let (kind, text) = find(phrase, in: words, lemmas: lemmas) else { return }
                covered.formUnion(TextNormalizer.tokens(text))
                let finalKind = synonym ? .synonym : kind
                let match = Match(term: canonical, text: text, kind: finalKind, quality: finalKind.quality)
                if let existing = best[canonical], existing.quality >= match.quality { return }
                best[canonical] = match
            }
            for term in category.terms { consider(term, canonical: term, synonym: false) }
            for (alias, canonical) in category.synonyms.sorted(by: { $0.key < $1.key }) {
                consider(alias, canonical: canonical, synonym: true)
            }
            let order = Dictionary(uniqueKeysWithValues: category.terms.enumerated().map { ($0.element, $0.offset) })
            let matches = best.values.sorted { (order[$0.term] ?? .max, $0.term) < (order[$1.term] ?? .max, $1.term) }
            let confidence = matches.isEmpty ? 0 : 1 - matches.reduce(1.0) { $0 * (1 - $1.quality) }
            return Score(category: category.name, confidence: confidence, detected: confidence >= category.threshold,
                         threshold: category.threshold, matches: matches)
        }
        return (scores, covered)
    }

    /// Finds `phrase` in the goal's words: as written, as a joined or split spelling, or after folding.
    func find(_ phrase: String, in words: [String], lemmas: [String]) -> (MatchKind, String)? {
        let parts = TextNormalizer.tokens(phrase)
        guard !parts.isEmpty, !words.isEmpty else { return nil }
        let partLemmas = parts.map(TextNormalizer.lemma)
        let joined = parts.joined()
        var found: (MatchKind, String)?
        func keep(_ kind: MatchKind, _ text: String) {
            if found == nil || kind.quality > found!.0.quality { found = (kind, text) }
        }
        // Consecutive words.
        if parts.count <= words.count {
            for start in 0...(words.count - parts.count) {
                let window = start..<(start + parts.count)
                let text = words[window].joined(separator: " ")
                if Array(words[window]) == parts {
                    keep(.exact, text)
                } else if Array(lemmas[window]) == partLemmas || pluralOfLast(Array(words[window]), parts) {
                    keep(.inflection, text)
                }
            }
        }
        // A multi-word term written as one word ("genz", "tier1"), possibly plural ("genzs").
        if parts.count > 1 {
            for word in words where word == joined || word == joined + "s" {
                keep(word == joined ? .variant : .inflection, word)
            }
        }
        // A one-word term written in parts ("e commerce" for "ecommerce") is left alone: too loose.
        return found
    }

    /// `gen zs` for `gen z`: the last word pluralised with a bare `s`, however short.
    private func pluralOfLast(_ window: [String], _ parts: [String]) -> Bool {
        guard parts.count > 1, window.dropLast() == parts.dropLast(), let last = window.last else { return false }
        return last == parts.last! + "s"
    }
}
