import LuaBridge
import Builtins
/// Checks a manifest table field by field and says everything that is wrong with it at once.
///
/// Every problem names its path (`features.score must be a function, got number`), so a plugin
/// author can fix all of them in one pass.
struct ManifestValidator {
    private(set) var problems: [String] = []

    /// Validates `table` and returns the manifest when there are no problems.
    mutating func validate(_ table: LuaValue) -> PluginManifest? {
        let known = Set(["name", "version", "api", "description", "priority"] + HookKind.allCases.map(\.field))
        for (field, _) in table.fields where !known.contains(field) {
            let suggestion = Suggestion.phrase(for: field, among: known)
            problems.append("unknown field '\(field)'\(suggestion)")
        }
        if let keys = table.tableEntries?.keys, keys.contains(where: { if case .string = $0 { false } else { true } }) {
            problems.append("the manifest must be a table with named fields, not a list")
        }

        let name = require(table["name"], "name", "a string", \.stringValue)
        if let name, !PluginNaming.isValid(name) {
            problems.append("name must use lower-case letters, digits, '_' and '-', starting with a letter, got '\(name)'")
        }
        let version = require(table["version"], "version", "a version string such as \"1.0.0\"", \.stringValue)
        if let version, version.isEmpty { problems.append("version must not be empty") }
        let api = require(table["api"], "api", "an integer", \.intValue)
        let description = require(table["description"], "description", "a string", \.stringValue)
        var priority = PluginManifest.defaultPriority
        if table["priority"] != .nil {
            priority = require(table["priority"], "priority", "an integer", \.intValue) ?? priority
        }

        var hooks: [HookKind] = []
        for kind in HookKind.allCases where table[kind.field] != .nil {
            hooks.append(kind)
            checkHook(kind, table[kind.field], features: table["features"])
        }
        guard problems.isEmpty, let name, let version, let api, let description else { return nil }
        return PluginManifest(name: name, version: version, api: api, description: description, priority: priority, hooks: hooks)
    }

    // MARK: Hooks

    private mutating func checkHook(_ kind: HookKind, _ value: LuaValue, features: LuaValue) {
        let field = kind.field
        switch kind {
        case .filters, .persona:
            expect(value, field, "a function", \.functionValue)
        case .defaultDomain:
            expect(value, field, "a boolean", \.boolValue)
        case .selectedBy, .columns:
            checkStringList(value, field)
        case .features:
            guard expectTable(value, field) else { return }
            for (name, formula) in value.fields { expect(formula, "\(field).\(name)", "a function", \.functionValue) }
            if value.fields.isEmpty { problems.append("\(field) must name at least one formula") }
        case .feedback:
            guard expectTable(value, field) else { return }
            for (name, mapping) in value.fields { expect(mapping, "\(field).\(name)", "a function", \.functionValue) }
        case .intents:
            checkIntents(value)
        case .clustering:
            checkClustering(value, features: features)
        case .ingredients:
            guard let items = value.arrayValue else { problems.append("\(field) must be \(kind.expectation), got \(describe(value))"); return }
            for (i, item) in items.enumerated() where !item.isTable {
                problems.append("\(field)[\(i + 1)] must be a table, got \(describe(item))")
            }
        case .personas:
            guard expectTable(value, field) else { return }
            for (id, persona) in value.fields where !persona.isTable {
                problems.append("\(field).\(id) must be a table, got \(describe(persona))")
            }
        case .multipliers, .tagging:
            if value.functionValue == nil && !value.isTable {
                problems.append("\(field) must be \(kind.expectation), got \(describe(value))")
            }
        }
    }

    private mutating func checkIntents(_ value: LuaValue) {
        guard expectTable(value, "intents") else { return }
        for (category, spec) in value.fields {
            let path = "intents.\(category)"
            guard expectTable(spec, path) else { continue }
            let allowed: Set = ["terms", "synonyms", "threshold"]
            for (key, _) in spec.fields where !allowed.contains(key) {
                problems.append("\(path).\(key) is not a known field (terms, synonyms, threshold)")
            }
            checkStringList(spec["terms"], "\(path).terms", allowEmpty: false)
            if spec["synonyms"] != .nil, expectTable(spec["synonyms"], "\(path).synonyms") {
                for (alias, target) in spec["synonyms"].fields {
                    expect(target, "\(path).synonyms.\(alias)", "the term it stands for (a string)", \.stringValue)
                }
            }
            if spec["threshold"] != .nil {
                if let t = require(spec["threshold"], "\(path).threshold", "a number", \.doubleValue), !(t > 0 && t <= 1) {
                    problems.append("\(path).threshold must be in (0, 1], got \(t)")
                }
            }
        }
    }

    private mutating func checkClustering(_ value: LuaValue, features: LuaValue) {
        guard expectTable(value, "clustering") else { return }
        let declared = Set(features.fields.map(\.name))
        if value["weights"] != .nil, expectTable(value["weights"], "clustering.weights") {
            for (feature, weight) in value["weights"].fields {
                if let w = require(weight, "clustering.weights.\(feature)", "a number", \.doubleValue), w < 0 {
                    problems.append("clustering.weights.\(feature) must not be negative, got \(w)")
                }
                if !declared.isEmpty && !declared.contains(feature) {
                    problems.append("clustering.weights.\(feature) names no formula in features (\(declared.sorted().joined(separator: ", ")))")
                }
            }
        }
        if value["algorithm"] != .nil,
           let algorithm = require(value["algorithm"], "clustering.algorithm", "a string", \.stringValue),
           !["kmeans", "ward", "gmm"].contains(algorithm) {
            problems.append("clustering.algorithm must be 'kmeans', 'ward' or 'gmm', got '\(algorithm)'")
        }
        if value["k"] != .nil, expectTable(value["k"], "clustering.k") {
            let low = require(value["k"]["min"], "clustering.k.min", "an integer", \.intValue)
            let high = require(value["k"]["max"], "clustering.k.max", "an integer", \.intValue)
            if let low, let high, !(2 <= low && low <= high && high <= 50) {
                problems.append("clustering.k must satisfy 2 <= min <= max <= 50, got min = \(low), max = \(high)")
            }
        }
        if value["profile"] != .nil { checkStringList(value["profile"], "clustering.profile") }
        let allowed: Set = ["weights", "algorithm", "k", "min_share", "profile"]
        for (key, _) in value.fields where !allowed.contains(key) {
            problems.append("clustering.\(key) is not a known field (weights, algorithm, k, min_share, profile)")
        }
        if value["min_share"] != .nil,
           let share = require(value["min_share"], "clustering.min_share", "a number", \.doubleValue),
           !(share >= 0 && share < 0.5) {
            problems.append("clustering.min_share must be in [0, 0.5), got \(share)")
        }
    }

    // MARK: Helpers

    private mutating func checkStringList(_ value: LuaValue, _ path: String, allowEmpty: Bool = true) {
        guard let items = value.arrayValue else {
            problems.append("\(path) must be a list of strings, got \(describe(value))")
            return
        }
        if !allowEmpty && items.isEmpty { problems.append("\(path) must not be empty") }
        for (i, item) in items.enumerated() where item.stringValue == nil {
            problems.append("\(path)[\(i + 1)] must be a string, got \(describe(item))")
        }
    }

    @discardableResult
    private mutating func expectTable(_ value: LuaValue, _ path: String) -> Bool {
        if value.isTable { return true }
        problems.append("\(path) must be a table, got \(describe(value))")
        return false
    }

    private mutating func expect<T>(_ value: LuaValue, _ path: String, _ what: String, _ read: (LuaValue) -> T?) {
        _ = require(value, path, what, read)
    }

    private mutating func require<T>(_ value: LuaValue, _ path: String, _ what: String, _ read: (LuaValue) -> T?) -> T? {
        if let result = read(value) { return result }
        problems.append("\(path) must be \(what), got \(describe(value))")
        return nil
    }

    private func describe(_ value: LuaValue) -> String {
        switch value {
        case .nil: "nothing (nil)"
        case .integer(let i): "number \(i)"
        case .number(let d): "number \(d)"
        case .string(let s): "string \"\(s.prefix(40))\""
        default: value.typeName
        }
    }
}

/// Rules for plugin names.
enum PluginNaming {
    /// Lower-case letters, digits, `_` and `-`, starting with a letter; at most 64 characters.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
