import Builtins

/// Counts of a dataset as reports print them: personas (declared order, then any the plugin
/// does not declare), traits, who claimed the examples, and the malformed lines skipped.
public struct DatasetSummary: Sendable, Encodable {
    public struct PersonaCount: Sendable, Encodable {
        public var name: String
        /// nil for a persona the plugin does not declare.
        public var category: String?
        public var count: Int
        public var share: Double
    }

    public struct TraitCount: Sendable, Encodable {
        public var name: String
        public var count: Int
        public var share: Double
    }

    public struct ClaimCount: Sendable, Encodable {
        /// `source mental_health → empathetic_counselor`, `rule 5 → code_expert`, `fallback → …`.
        public var claim: String
        public var count: Int
    }

    public struct Problem: Sendable, Encodable {
        public var file: String
        public var line: Int
        public var column: Int?
        public var field: String?
        public var message: String
    }

    public var examples: Int
    public var personas: [PersonaCount]
    public var traits: [TraitCount]
    public var claims: [ClaimCount]
    /// Examples no rule claimed (the plugin's fallback persona), stated on its own.
    public var fallback: Int
    public var blankLines: Int
    public var skippedLines: Int
    /// The first malformed lines skipped (at most 100).
    public var problems: [Problem]

    init(counts: DatasetCounts, rules: DatasetRules, problems: [DatasetPass.Problem]) {
        examples = counts.examples
        let total = Double(max(1, counts.examples))
        let declared = rules.spec.personas
        let targets = rules.spec.targets
        var names = declared.filter { counts.personas[$0] != nil || true }
        names += counts.personas.keys.filter { !declared.contains($0) }.sorted()
        personas = names.map { name in
            let n = counts.personas[name] ?? 0
            return PersonaCount(name: name, category: targets?.category(of: name)?.name, count: n, share: Double(n) / total)
        }
        let traitTotals = counts.traitTotals
        var traitNames = rules.spec.rules?.traits.map(\.name) ?? []
        traitNames += traitTotals.keys.filter { !traitNames.contains($0) }.sorted()
        traits = traitNames.map { TraitCount(name: $0, count: traitTotals[$0] ?? 0, share: Double(traitTotals[$0] ?? 0) / total) }
        claims = counts.claims.sorted { Self.order($0.key) < Self.order($1.key) }.map { claim, n in
            ClaimCount(claim: Self.describe(claim, rules: rules), count: n)
        }
        fallback = counts.claims[.fallback] ?? 0
        blankLines = counts.blank
        skippedLines = counts.skipped
        self.problems = problems.map { Problem(file: $0.file, line: $0.line, column: $0.problem.column, field: $0.problem.field, message: $0.problem.message) }
    }

    static func order(_ claim: TagDecision.Claim) -> Int {
        switch claim {
        case .existing: 0
        case .function: 1
        case .source(let i): 10 + i
        case .rule(let i): 100_000 + i
        case .fallback: 1_000_000
        }
    }

    static func describe(_ claim: TagDecision.Claim, rules: DatasetRules) -> String {
        let table = rules.spec.rules
        switch claim {
        case .existing: return "already tagged (_persona in the input)"
        case .function: return "the tagging function"
        case .source(let i): return table.map { "source \"\($0.sources[i].match)\" → \($0.sources[i].persona)" } ?? "source \(i + 1)"
        case .rule(let i): return table.map { "rules[\(i + 1)] → \($0.rules[i].persona)" } ?? "rule \(i + 1)"
        case .fallback: return "no rule (fallback) → \(table?.fallback ?? "?")"
        }
    }
}
