/// ``TagRules`` ready to run: every phrase of every rule in one automaton, the patterns
/// compiled, the measures read only when a bound needs them.
///
/// One instance per worker thread: it keeps scratch state (the phrases found in each field,
/// the reply's measures, a cache of source names) and its own compiled patterns.
public final class CompiledTagRules {
    public let rules: TagRules
    private let matcher: PhraseMatcher
    /// Field names the phrases and patterns read (index = field id).
    private let fieldNames: [String]
    private let conditionsOfRules: [Compiled]
    private let conditionsOfTraits: [[Compiled]]
    private var patterns: [PatternMatcher]
    private let sourceMatches: [[UInt8]]

    // Scratch for the current example.
    private var found: [PhraseSet]
    private var scanned: [Bool]
    private var texts: [String?]
    private var measures: TextMeasures?
    private var sourceCache: [String: Int] = [:]

    private struct Compiled {
        var fields: [Int]
        var phraseIDs: [Int]
        var pattern: Int?
        var bounds: [(index: Int, min: Double?, max: Double?)]
        var function: Int?
    }

    /// Compiles `rules` (a pattern the regex library refuses is an error naming it).
    public init(_ rules: TagRules) throws(PatternError) {
        self.rules = rules
        var phrases: [String] = []
        var phraseIndex: [String: Int] = [:]
        var fields: [String] = []
        var patterns: [PatternMatcher] = []
        func compile(_ c: TagRules.Conditions) throws(PatternError) -> Compiled {
            let fieldIDs = c.fields.map { name -> Int in
                if let i = fields.firstIndex(of: name) { return i }
                fields.append(name)
                return fields.count - 1
            }
            let ids = c.phrases.map { phrase -> Int in
                let key = phrase.lowercased()
                if let i = phraseIndex[key] { return i }
                phrases.append(phrase)
                phraseIndex[key] = phrases.count - 1
                return phrases.count - 1
            }
            var pattern: Int?
            if let text = c.pattern {
                patterns.append(try PatternMatcher(text))
                pattern = patterns.count - 1
            }
            let bounds = c.bounds.map { bound in
                (index: TextMeasures.measureNames.firstIndex(of: bound.measure) ?? 0, min: bound.min, max: bound.max)
            }
            return Compiled(fields: fieldIDs, phraseIDs: ids, pattern: pattern, bounds: bounds, function: c.function)
        }
        var ruleConditions: [Compiled] = []
        for rule in rules.rules { ruleConditions.append(try compile(rule.conditions)) }
        var traitConditions: [[Compiled]] = []
        for trait in rules.traits {
            var alternatives: [Compiled] = []
            for alternative in trait.alternatives { alternatives.append(try compile(alternative)) }
            traitConditions.append(alternatives)
        }
        conditionsOfRules = ruleConditions
        conditionsOfTraits = traitConditions
        self.patterns = patterns
        fieldNames = fields
        matcher = PhraseMatcher(phrases: phrases)
        found = fields.map { _ in PhraseSet(capacity: phrases.count) }
        scanned = fields.map { _ in false }
        texts = fields.map { _ in nil }
        sourceMatches = rules.sources.map { Array($0.match.lowercased().utf8) }
    }

    /// The string fields the rules read (the scanner decodes these).
    public var fieldsRead: [String] { fieldNames }

    /// Tags one example: `strings` holds its decoded string fields, `sourceName` the source
    /// dataset's name, `call` runs condition function `i` of the plugin on the example.
    public func tag(strings: [String: String], sourceName: String, call: (Int) throws -> Bool) rethrows -> TagDecision {
        for i in fieldNames.indices {
            texts[i] = strings[fieldNames[i]]
            scanned[i] = false
        }
        measures = nil
        let output = strings["output"] ?? ""
        var persona = rules.fallback
        var claim = TagDecision.Claim.fallback
        if let source = sourceRule(for: sourceName) {
            persona = rules.sources[source].persona
            claim = .source(source)
        } else {
            for (index, conditions) in conditionsOfRules.enumerated() where try holds(conditions, output: output, call: call) {
                persona = rules.rules[index].persona
                claim = .rule(index)
                break
            }
        }
        var traits: [String] = []
        for (index, alternatives) in conditionsOfTraits.enumerated() {
            for conditions in alternatives where try holds(conditions, output: output, call: call) {
                traits.append(rules.traits[index].name)
                break
            }
        }
        return TagDecision(persona: persona, traits: traits, claim: claim)
    }

    /// The first source rule whose `match` is in `name` (ignoring case), cached by name.
    func sourceRule(for name: String) -> Int? {
        if sourceMatches.isEmpty || name.isEmpty { return nil }
        if let cached = sourceCache[name] { return cached < 0 ? nil : cached }
        let lowered = Array(name.lowercased().utf8)
        var result = -1
        for (i, match) in sourceMatches.enumerated() where Self.contains(lowered, match) {
            result = i
            break
        }
        if sourceCache.count < 4_096 { sourceCache[name] = result }
        return result < 0 ? nil : result
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for j in 0..<needle.count where haystack[start + j] != needle[j] { continue outer }
            return true
        }
        return false
    }

    private func holds(_ c: Compiled, output: String, call: (Int) throws -> Bool) rethrows -> Bool {
        if !c.bounds.isEmpty {
            if measures == nil {
                var text = output
                measures = text.withUTF8 { ByteTextMeasures.measure($0) }
            }
            for bound in c.bounds {
                let value = measures!.value(at: bound.index)
                if let min = bound.min, value < min { return false }
                if let max = bound.max, value > max { return false }
            }
        }
        if !c.phraseIDs.isEmpty {
            var any = false
            search: for field in c.fields {
                if !scanned[field] {
                    found[field].removeAll()
                    if var text = texts[field] { text.withUTF8 { matcher.scan($0, into: &found[field]) } }
                    scanned[field] = true
                }
                for id in c.phraseIDs where found[field].contains(id) {
                    any = true
                    break search
                }
            }
            if !any { return false }
        }
        if let pattern = c.pattern {
            let regex = patterns[pattern]
            var any = false
            for field in c.fields {
                guard var text = texts[field] else { continue }
                if text.withUTF8({ regex.matches($0) }) { any = true; break }
            }
            if !any { return false }
        }
        if let function = c.function { return try call(function) }
        return true
    }
}
