import Builtins
import LuaBridge

/// Reading a formulation domain: the catalogue (every field of every ingredient), the personas
/// and the `multipliers` rules table, reporting every problem at once.
extension ContractReader {
    mutating func readFormulation(_ manifest: LuaValue) -> FormulationSpec? {
        let parts = ["ingredients", "personas", "multipliers"]
        let present = parts.filter { manifest[$0] != .nil }
        // `personas` alone (learning personas) is not a formulation domain.
        guard manifest["ingredients"] != .nil || manifest["multipliers"] != .nil else { return nil }
        guard present.count == 3 else {
            let missing = parts.filter { manifest[$0] == .nil }
            problem(at: ContractPath(missing[0]), message: "a formulation domain needs ingredients, personas and multipliers together; missing: \(missing.joined(separator: ", "))")
            return nil
        }
        let (ingredients, tables) = readCatalogue(manifest["ingredients"])
        let concerns = Set(ingredients.flatMap(\.concerns))
        var personas: [SkincarePersona] = []
        var personaTables: [String: LuaValue] = [:]
        if table(manifest["personas"], ContractPath("personas"), what: "a table of id = persona table") != nil {
            for (id, entry) in fields(manifest["personas"], ContractPath("personas")) {
                if let persona = readSkincarePersona(id: id, entry, concerns: concerns) {
                    personas.append(persona)
                    personaTables[id] = entry
                }
            }
        }
        let rules = readRules(manifest["multipliers"])
        guard let rules, !ingredients.isEmpty else { return nil }
        return FormulationSpec(ingredients: ingredients, ingredientTables: tables, personas: personas.sorted { $0.id < $1.id },
                               personaTables: personaTables, rules: rules)
    }

    private mutating func readCatalogue(_ value: LuaValue) -> ([Ingredient], [LuaValue]) {
        let path = ContractPath("ingredients")
        guard let items = list(value, path, what: "a list of ingredient tables") else { return ([], []) }
        if items.isEmpty { problem(path, "must not be empty: a formulation domain needs a catalogue") }
        var ingredients: [Ingredient] = []
        var tables: [LuaValue] = []
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let at = path.appending(index: i + 1)
            guard table(item, at) != nil else { continue }
            guard let ingredient = readIngredient(item, at) else { continue }
            if let first = seen[ingredient.id] {
                problem(at + "id", "'\(ingredient.id)' is already the id of ingredients[\(first)]")
                continue
            }
            seen[ingredient.id] = i + 1
            ingredients.append(ingredient)
            tables.append(item)
        }
        // A misspelt id in incompatibilities would silently allow an unsafe pair: refuse it. Ids of
        // entries that failed for another reason still count (their own problem is reported).
        for (i, item) in items.enumerated() {
            if let id = item["id"].stringValue, seen[id] == nil { seen[id] = i + 1 }
        }
        let ids = Array(seen.keys).sorted()
        for (i, ingredient) in ingredients.enumerated() {
            let at = path.appending(index: (seen[ingredient.id] ?? i + 1))
            for (field, list) in [("incompatibilities", ingredient.incompatibilities), ("synergies", ingredient.synergies)] {
                for (j, id) in list.enumerated() where seen[id] == nil {
                    problem(at: at + field, message: "\(at + field)[\(j + 1)] '\(id)' is not the id of any ingredient"
                            + "\(Suggestion.phrase(for: id, among: ids)) (in \(ingredient.id))")
                }
            }
        }
        return (ingredients, tables)
    }

    private mutating func readIngredient(_ t: LuaValue, _ at: ContractPath) -> Ingredient? {
        onlyKnownFields(t, at, shape: ContractSchema.ingredient)
        let before = problems.count
        let id = string(t["id"], at + "id", maxLength: 100)
        let name = optionalString(t["name"], at + "name") ?? nil
        let inci = optionalString(t["inci_name"], at + "inci_name") ?? nil
        let cls = string(t["class"], at + "class", maxLength: 100)
        let concerns = strings(t["concerns"] == .nil ? .array([]) : t["concerns"], at + "concerns") ?? []
        let efficacy = number(t["efficacy"], at + "efficacy", in: 0...10)
        let safety = number(t["safety"], at + "safety", in: 0...10)
        let bio = number(t["bioavailability"], at + "bioavailability", in: 0...1)
        let stability = number(t["stability"], at + "stability", in: 0...1)
        let ph = range(t["ph"], at + "ph", within: 0...14)
        let use = range(t["use_level"], at + "use_level", within: 0...100)
        let cost = number(t["cost_per_gram"], at + "cost_per_gram", in: 0...1_000_000)
        let natural = bool(t["natural"], at + "natural")
        let incompatible = strings(t["incompatibilities"] == .nil ? .array([]) : t["incompatibilities"], at + "incompatibilities") ?? []
        let synergies = strings(t["synergies"] == .nil ? .array([]) : t["synergies"], at + "synergies") ?? []
        let tags = strings(t["tags"] == .nil ? .array([]) : t["tags"], at + "tags") ?? []
        guard problems.count == before, let id, let cls, let efficacy, let safety, let bio, let stability, let ph, let use,
              let cost, let natural else { return nil }
        return Ingredient(id: id, name: name ?? id, inciName: inci ?? "", functionalClass: cls, concerns: concerns,
                          efficacy: efficacy, safety: safety, bioavailability: bio, stability: stability, ph: ph, useLevel: use,
                          costPerGram: cost, isNatural: natural, incompatibilities: incompatible, synergies: synergies, tags: tags)
    }

    /// `{ min = a, max = b }` with a ≤ b, both within `bounds`.
    mutating func range(_ value: LuaValue, _ at: ContractPath, within bounds: ClosedRange<Double>) -> ClosedRange<Double>? {
        guard table(value, at, what: "a table { min = …, max = … }") != nil else { return nil }
        onlyKnownFields(value, at, shape: ContractSchema.range)
        guard let low = number(value["min"], at + "min", in: bounds), let high = number(value["max"], at + "max", in: bounds) else { return nil }
        guard low <= high else {
            problem(at, "min \(low.formatted2) is above max \(high.formatted2)")
            return nil
        }
        return low...high
    }

    private mutating func readSkincarePersona(id: String, _ t: LuaValue, concerns: Set<String>) -> SkincarePersona? {
        let at = ContractPath("personas") + id
        guard table(t, at) != nil else { return nil }
        onlyKnownFields(t, at, shape: ContractSchema.skincarePersona)
        let before = problems.count
        if let given = t["id"].stringValue, given != id { problem(at + "id", "is '\(given)' but the persona is personas.\(id)") }
        let name = optionalString(t["name"], at + "name", maxLength: ContractDefaults.Limits.personaName) ?? nil
        let description = optionalString(t["description"], at + "description") ?? nil
        let skinType = string(t["skin_type"], at + "skin_type", maxLength: 100)
        let primary = strings(t["primary_concerns"], at + "primary_concerns", allowEmpty: false) ?? []
        for (i, concern) in primary.enumerated() where !concerns.isEmpty && !concerns.contains(concern) {
            problem(at: at + "primary_concerns", message: "\(at + "primary_concerns")[\(i + 1)] '\(concern)' is a concern no ingredient addresses"
                    + "\(Suggestion.phrase(for: concern, among: concerns))")
        }
        let sensitivity = number(t["sensitivity_level"], at + "sensitivity_level", in: 0...1)
        let budget = string(t["budget_preference"], at + "budget_preference", maxLength: 100)
        if let budget, !SkincarePersona.budgets.contains(budget) {
            problem(at + "budget_preference", "must be budget, mid-range or premium, got '\(budget)'\(Suggestion.phrase(for: budget, among: SkincarePersona.budgets))")
        }
        let preferences = strings(t["ingredient_preferences"] == .nil ? .array([]) : t["ingredient_preferences"], at + "ingredient_preferences") ?? []
        let aversions = strings(t["ingredient_aversions"] == .nil ? .array([]) : t["ingredient_aversions"], at + "ingredient_aversions") ?? []
        let tolerance = number(t["efficacy_tolerance"], at + "efficacy_tolerance", in: 0...1)
        let safety = number(t["safety_priority"], at + "safety_priority", in: 0...1)
        let natural = number(t["natural_preference"], at + "natural_preference", in: 0...1)
        guard problems.count == before, let skinType, let sensitivity, let budget, let tolerance, let safety, let natural else { return nil }
        return SkincarePersona(id: id, name: name ?? id, description: description ?? "", skinType: skinType, primaryConcerns: primary,
                               sensitivityLevel: sensitivity, budgetPreference: budget, ingredientPreferences: preferences,
                               ingredientAversions: aversions, efficacyTolerance: tolerance, safetyPriority: safety,
                               naturalPreference: natural)
    }

    private mutating func readRules(_ value: LuaValue) -> FormulationRulesSpec? {
        let path = ContractPath("multipliers")
        guard table(value, path, what: "a table of rules (weights, preference, confidence, budget, limits, exclusion, base_confidence)") != nil else {
            return nil
        }
        onlyKnownFields(value, path, shape: ContractSchema.multipliers)
        func required(_ name: String) -> FunctionHook? {
            if value[name] == .nil {
                problem(at: path + name, message: "\(path + name) is required: a function (see docs/PLUGINS.md, multipliers)")
                return nil
            }
            return hook(value[name], path + name)
        }
        let weights = required("weights"), preference = required("preference"), confidence = required("confidence")
        let budget = required("budget"), limits = required("limits")
        let exclusion = value["exclusion"] == .nil ? nil : hook(value["exclusion"], path + "exclusion")
        var base = ContractDefaults.baseConfidence
        if value["base_confidence"] != .nil, let b = number(value["base_confidence"], path + "base_confidence", in: 0...1) { base = b }
        guard let weights, let preference, let confidence, let budget, let limits else { return nil }
        return FormulationRulesSpec(weights: weights, preference: preference, confidence: confidence, budget: budget, limits: limits,
                                    exclusion: exclusion, baseConfidence: base)
    }
}
