import Builtins
import LuaBridge
import Plugins

/// Stage 2: the conditions plugins derive from a goal, each with the goal words it applies, and
/// every recognised goal word that no condition applies, with why.
///
/// A plugin's `filters(goal)` is consulted when the goal detected an intent category the plugin
/// declares, or when the plugin is the chosen domain. Conditions are AND-ed in load order.
/// A condition says which matched terms it applies (`term = "budget"` or `terms = {…}`); a
/// condition that says nothing applies the matched terms of the plugin's own detected category
/// when there is exactly one, and none otherwise (then those terms are reported as not applied,
/// never silently counted as applied). A second result `{ term = "why not" }` gives the reason
/// for terms the plugin could not turn into a condition.
public struct FilterPlan: Sendable {
    /// One contributed condition and where it came from.
    public struct Entry: Sendable {
        public var plugin: String
        public var condition: FilterCondition
        /// The canonical goal terms this condition applies.
        public var terms: [String]
    }

    /// A recognised goal word that no condition applies.
    public struct NotApplied: Sendable, Codable, Equatable {
        public var category: String
        public var term: String
        /// The goal's words that matched the term.
        public var words: String
        public var reason: String
    }

    /// Why a plugin's `filters` was called.
    public struct Consultation: Sendable, Codable {
        public var plugin: String
        public var because: String
    }

    public var entries: [Entry]
    public var notApplied: [NotApplied]
    public var consulted: [Consultation]

    /// The conditions alone.
    public var conditions: [FilterCondition] { entries.map(\.condition) }

    /// No conditions (a plugin test naming a cluster it describes itself).
    static let empty = FilterPlan(entries: [], notApplied: [], consulted: [])

    private init(entries: [Entry], notApplied: [NotApplied], consulted: [Consultation]) {
        self.entries = entries
        self.notApplied = notApplied
        self.consulted = consulted
    }

    /// Calls the relevant plugins' `filters` hooks and reads their conditions.
    public init(reading goal: GoalReading, plugins: [Plugin], domain: Plugin?) throws(PluginError) {
        let detected = Set(goal.detected.map(\.category))
        var entries: [Entry] = []
        var reasons: [String: String] = [:]
        var consulted: [Consultation] = []
        var attemptedBy: [String: [String]] = [:]  // category → plugins consulted for it
        for plugin in plugins {
            let owned = Set(plugin.contract.intents.map(\.category)).intersection(detected)
            guard let hook = plugin.contract.filters, plugin === domain || !owned.isEmpty else { continue }
            let because = owned.isEmpty ? "it is the domain" : "it declares \(owned.sorted().joined(separator: ", "))"
            consulted.append(.init(plugin: plugin.name, because: because))
            for category in owned { attemptedBy[category, default: []].append(plugin.name) }
            let ownedTerms = goal.detected.filter { owned.contains($0.category) }.flatMap { $0.matches.map(\.term) }
            let results = try plugin.call(hook, [goal.luaValue])
            let read = try FilterResult(results, plugin: plugin.name, hook: hook, matched: Set(goal.matchedTerms))
            for (condition, tagged) in read.conditions {
                let terms = tagged ?? (owned.count == 1 ? ownedTerms : [])
                entries.append(Entry(plugin: plugin.name, condition: condition, terms: terms))
            }
            for (term, reason) in read.reasons where reasons[term] == nil { reasons[term] = "\(plugin.name): \(reason)" }
            if read.conditions.contains(where: { $0.terms == nil }), owned.count > 1 {
                for term in ownedTerms where reasons[term] == nil {
                    reasons[term] = "\(plugin.name) gave conditions without saying which goal words they apply (term = …)"
                }
            }
        }
        let applied = Set(entries.flatMap(\.terms))
        var notApplied: [NotApplied] = []
        for score in goal.detected {
            for match in score.matches where !applied.contains(match.term) {
                let reason = reasons[match.term]
                    ?? attemptedBy[score.category].map { "no condition from \($0.joined(separator: ", "))" }
                    ?? "no plugin with a filters hook declares the \(score.category) intent"
                notApplied.append(.init(category: score.category, term: match.term, words: match.text, reason: reason))
            }
        }
        self.entries = entries
        self.notApplied = notApplied
        self.consulted = consulted
    }
}

/// What one `filters(goal)` call returned, checked: conditions with the terms they say they
/// apply, and reasons for terms not applied.
struct FilterResult {
    /// Each condition, and its declared terms (nil when it declares none).
    var conditions: [(condition: FilterCondition, terms: [String]?)] = []
    var reasons: [String: String] = [:]

    struct Problem: Error, CustomStringConvertible { var description: String }

    init(_ results: [LuaValue], plugin: String, hook: FunctionHook, matched: Set<String>) throws(PluginError) {
        func bad(_ problem: String) -> PluginError { .badResult(plugin: plugin, hook: hook.name, problem: problem, location: hook.location) }
        let first = results.first ?? .nil
        guard let list = first.arrayValue else { throw bad("must return a list of conditions, got \(first.typeName)") }
        guard list.count <= ContractDefaults.Limits.conditions else {
            throw bad("returned \(list.count) conditions; at most \(ContractDefaults.Limits.conditions)")
        }
        for (i, item) in list.enumerated() {
            do {
                conditions.append(try Self.condition(item, matched: matched))
            } catch {
                throw bad("condition \(i + 1): \(error.description)")
            }
        }
        if results.count > 1, results[1] != .nil {
            guard results[1].isTable else { throw bad("the second result must be a table of term = \"why it was not applied\"") }
            for (term, reason) in results[1].fields {
                guard let text = reason.stringValue, text.count <= ContractDefaults.Limits.text else {
                    throw bad("the second result's \(term) must be a reason (a string of at most \(ContractDefaults.Limits.text) characters)")
                }
                if matched.contains(term) { reasons[term] = text }
            }
        }
    }

    /// `{ field, op, value [, term = | terms = ] }` (or `field = , op = , value =`) → a condition.
    static func condition(_ item: LuaValue, matched: Set<String>) throws(Problem) -> (FilterCondition, [String]?) {
        guard item.isTable else { throw Problem(description: "must be a table { field, op, value }, got \(item.typeName)") }
        let allowed = Set(ContractSchema.condition.fieldNames)
        if let extra = item.fields.map(\.name).first(where: { !allowed.contains($0) }) {
            throw Problem(description: "unknown field '\(extra)'\(Suggestion.phrase(for: extra, among: allowed.sorted())) (a condition has field, op, value, term or terms)")
        }
        let parts = item.tableEntries ?? [:]
        func at(_ i: Int64, _ name: String) -> LuaValue { parts[.integer(i)] ?? item[name] }
        guard let field = at(1, "field").stringValue, !field.isEmpty else { throw Problem(description: "needs a field name (a string) first") }
        let opName = at(2, "op").stringValue
        guard let opName, let op = FilterCondition.Operator(rawValue: opName) else {
            let known = FilterCondition.Operator.allCases.map(\.rawValue).joined(separator: " ")
            throw Problem(description: "operator must be one of \(known), got \(opName ?? "nothing")")
        }
        let raw = at(3, "value")
        let condition: FilterCondition
        switch op {
        case .between:
            guard let pair = raw.arrayValue, pair.count == 2, let low = try value(pair[0]), let high = try value(pair[1]) else {
                throw Problem(description: "'between' needs a value { low, high }")
            }
            condition = .between(field, low, high)
        case .in:
            guard let list = raw.arrayValue, !list.isEmpty else { throw Problem(description: "'in' needs a non-empty list of values") }
            guard list.count <= ContractDefaults.Limits.inValues else {
                throw Problem(description: "'in' takes at most \(ContractDefaults.Limits.inValues) values, got \(list.count)")
            }
            var values: [FilterValue] = []
            for item in list {
                guard let v = try value(item) else { throw Problem(description: "'in' values must be numbers or strings") }
                values.append(v)
            }
            condition = .in(field, values)
        default:
            guard let v = try value(raw) else { throw Problem(description: "value must be a number, string or boolean, got \(raw.typeName)") }
            condition = FilterCondition(field, op, v)
        }
        var terms: [String]?
        if let term = item["term"].stringValue {
            terms = [term]
        } else if item["term"] != .nil {
            throw Problem(description: "term must be a string (a goal term this condition applies)")
        }
        if item["terms"] != .nil {
            guard let list = item["terms"].arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw Problem(description: "terms must be a list of goal terms")
            }
            terms = (terms ?? []) + list.compactMap(\.stringValue)
        }
        if let terms, let unknown = terms.first(where: { !matched.contains($0) }) {
            throw Problem(description: "says it applies '\(unknown)', which the goal did not match\(Suggestion.phrase(for: unknown, among: matched.sorted()))")
        }
        return (condition, terms)
    }

    static func value(_ value: LuaValue) throws(Problem) -> FilterValue? {
        switch value {
        case .integer(let i): return .integer(i)
        case .number(let d): return .real(d)
        case .string(let s):
            guard s.count <= ContractDefaults.Limits.text else {
                throw Problem(description: "a text value of at most \(ContractDefaults.Limits.text) characters, got \(s.count)")
            }
            return .text(s)
        case .bool(let b): return .integer(b ? 1 : 0)
        default: return nil
        }
    }
}
