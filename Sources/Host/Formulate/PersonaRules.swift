import Builtins
import LuaBridge
import Plugins

/// The domain plugin's `multipliers` rules, called with a persona: its scoring weights, budget
/// multiplier, preference multipliers, confidence adjustments, exclusions and limits.
///
/// Every result is checked for shape; a wrong one is a plugin error naming the rule.
struct PersonaRules {
    let domain: FormulationDomain
    let persona: SkincarePersona

    private var plugin: Plugin { domain.plugin }
    private var rules: FormulationRulesSpec { domain.spec.rules }
    private var personaTable: LuaValue { domain.spec.personaTables[persona.id] ?? .nil }

    private func call(_ rule: KeyPath<FormulationRulesSpec, FunctionHook>, _ arguments: [LuaValue]) throws(PluginError) -> [LuaValue] {
        try plugin.call(rules[keyPath: rule], arguments)
    }

    private func bad(_ rule: String, _ problem: String) -> PluginError {
        let hook: FunctionHook? = switch rule {
        case "weights": rules.weights
        case "preference": rules.preference
        case "confidence": rules.confidence
        case "budget": rules.budget
        case "limits": rules.limits
        case "exclusion": rules.exclusion
        default: nil
        }
        return .badResult(plugin: plugin.name, hook: "multipliers.\(rule)", problem: problem, location: hook?.location)
    }

    /// `multipliers.base_confidence` (default `ContractDefaults.baseConfidence`), checked at load.
    func baseConfidence() -> Double { rules.baseConfidence }

    /// `multipliers.weights(persona)`.
    func weights() throws(PluginError) -> IngredientScoring.Weights {
        let table = try call(\.weights, [personaTable]).first ?? .nil
        guard table.isTable else { throw bad("weights", "must return a table of weights, got \(table.typeName)") }
        let f = LuaFieldReader(plugin: plugin.name, path: "multipliers.weights(\(persona.id))", table: table)
        let natural = table["natural"] == .nil ? 0 : try f.number("natural", in: 0...10)
        return .init(efficacy: try f.number("efficacy", in: 0...10), safety: try f.number("safety", in: 0...10),
                     costEfficiency: try f.number("cost_efficiency", in: 0...10),
                     bioavailability: try f.number("bioavailability", in: 0...10),
                     stability: try f.number("stability", in: 0...10), natural: natural)
    }

    /// `multipliers.budget(persona)`.
    func budgetMultiplier() throws(PluginError) -> Double {
        guard let d = try call(\.budget, [personaTable]).first?.doubleValue, d.isFinite, d > 0 else {
            throw bad("budget", "must return a positive number")
        }
        return d
    }

    /// `multipliers.preference(persona, ingredient)` → multiplier and reasons.
    func preference(_ index: Int) throws(PluginError) -> (multiplier: Double, reasons: [String]) {
        let results = try call(\.preference, [personaTable, domain.spec.ingredientTables[index]])
        guard let m = results.first?.doubleValue, m.isFinite, m >= 0 else {
            throw bad("preference", "must return a non-negative number for \(domain.ingredients[index].id)")
        }
        return (m, try reasons(results.dropFirst().first, rule: "preference"))
    }

    /// `multipliers.confidence(persona, ingredient)` → adjustment and reasons.
    func confidence(_ index: Int) throws(PluginError) -> (adjustment: Double, reasons: [String]) {
        let results = try call(\.confidence, [personaTable, domain.spec.ingredientTables[index]])
        guard let a = results.first?.doubleValue, a.isFinite else {
            throw bad("confidence", "must return a number for \(domain.ingredients[index].id)")
        }
        return (a, try reasons(results.dropFirst().first, rule: "confidence"))
    }

    /// `multipliers.exclusion(persona, request, ingredient)` → why the ingredient may not be used, or nil.
    /// A plugin without the rule excludes nothing.
    func exclusion(_ index: Int, request: LuaValue) throws(PluginError) -> String? {
        guard let exclusion = rules.exclusion else { return nil }
        let result = try plugin.call(exclusion, [personaTable, request, domain.spec.ingredientTables[index]]).first ?? .nil
        switch result {
        case .nil, .bool(false): return nil
        case .string(let why) where why.count <= ContractDefaults.Limits.text: return why
        default: throw bad("exclusion", "must return nil or a reason (a string of at most \(ContractDefaults.Limits.text) characters), got \(result.typeName)")
        }
    }

    /// `multipliers.limits(persona, request)` → the hard limits and the rules that set them.
    func limits(request: LuaValue, given budget: Double?) throws(PluginError) -> (FormulationConstraints, fired: [String]) {
        let table = try call(\.limits, [personaTable, request]).first ?? .nil
        guard table.isTable else { throw bad("limits", "must return a table, got \(table.typeName)") }
        let f = LuaFieldReader(plugin: plugin.name, path: "multipliers.limits(\(persona.id))", table: table)
        let actives = try f.range("actives", within: 0...100)
        let count = try f.number("max_ingredients", in: 1...20)
        guard count == count.rounded() else { throw f.fail("max_ingredients", "must be a whole number") }
        let planned = try f.number("budget", in: 0...1e12)
        let constraints = FormulationConstraints(
            actives: actives, budget: budget ?? planned,
            maxIrritation: try f.number("max_irritation", in: 0...1000), maxIngredients: Int(count))
        return (constraints, try reasons(table["fired"], rule: "limits"))
    }

    private func reasons(_ value: LuaValue?, rule: String) throws(PluginError) -> [String] {
        guard let value, value != .nil else { return [] }
        guard let items = value.arrayValue else { throw bad(rule, "reasons must be a list of strings") }
        guard items.count <= ContractDefaults.Limits.listItems else {
            throw bad(rule, "gave \(items.count) reasons; at most \(ContractDefaults.Limits.listItems)")
        }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue, s.count <= ContractDefaults.Limits.text else {
                throw bad(rule, "reasons must be strings of at most \(ContractDefaults.Limits.text) characters")
            }
            out.append(s)
        }
        return out
    }
}
