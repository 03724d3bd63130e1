import Builtins
import LuaBridge

/// Reading the goal hooks: `intents`, `filters`, and the domain (`selected_by`, `default_domain`,
/// `columns`, `optional_columns`, `features`, `clustering`, `persona`).
extension ContractReader {
    mutating func readIntents(_ value: LuaValue) -> [IntentSpec] {
        let path = ContractPath("intents")
        guard table(value, path, what: "a table of category = { terms = {...}, synonyms = {...}, threshold = n }") != nil else { return [] }
        var out: [IntentSpec] = []
        for (category, spec) in fields(value, path) {
            let at = path + category
            guard table(spec, at) != nil else { continue }
            onlyKnownFields(spec, at, shape: ContractSchema.intent)
            let terms = strings(spec["terms"], at + "terms", allowEmpty: false) ?? []
            var synonyms: [String: String] = [:]
            if spec["synonyms"] != .nil, table(spec["synonyms"], at + "synonyms") != nil {
                for (alias, target) in fields(spec["synonyms"], at + "synonyms") {
                    let aliasPath = at + "synonyms" + alias
                    guard let term = string(target, aliasPath, maxLength: 200) else { continue }
                    if !terms.isEmpty, !terms.contains(term) {
                        problem(at: aliasPath, message: "\(aliasPath) stands for '\(term)', which is not a term of \(category)"
                                + "\(Suggestion.phrase(for: term, among: terms)) (terms: \(terms.joined(separator: ", ")))")
                        continue
                    }
                    synonyms[alias] = term
                }
            }
            var threshold = ContractDefaults.intentThreshold
            if spec["threshold"] != .nil, let t = number(spec["threshold"], at + "threshold") {
                if t > 0 && t <= 1 { threshold = t } else { problem(at + "threshold", "must be in (0, 1], got \(t.formatted2)") }
            }
            out.append(IntentSpec(category: category, terms: terms, synonyms: synonyms, threshold: threshold,
                                  thresholdIsDefault: spec["threshold"] == .nil))
        }
        return out
    }

    /// The domain, when the manifest has `features` (or says it is one with `selected_by` or
    /// `default_domain`, which then requires `features`).
    mutating func readDomain(_ manifest: LuaValue) -> DomainSpec? {
        let hasFeatures = manifest["features"] != .nil
        let selectedBy = manifest["selected_by"] == .nil ? [] : strings(manifest["selected_by"], ContractPath("selected_by")) ?? []
        let isDefault = manifest["default_domain"] == .nil ? false : bool(manifest["default_domain"], ContractPath("default_domain")) ?? false
        guard hasFeatures else {
            for field in ["selected_by", "default_domain", "columns", "optional_columns", "clustering", "persona"] where manifest[field] != .nil {
                problem(at: ContractPath(field), message: "\(field) belongs to a goal domain, which needs features (a table of name = function(u))")
            }
            return nil
        }
        let declared = manifest["columns"] == .nil ? nil : strings(manifest["columns"], ContractPath("columns"), allowEmpty: false)
        let optional = readOptionalColumns(manifest["optional_columns"])
        let features = readFeatures(manifest["features"], declared: declared, optional: optional)
        let clustering = readClustering(manifest["clustering"], features: manifest["features"].fields.map(\.name))
        let persona: FunctionHook?
        if manifest["persona"] == .nil {
            problem(at: ContractPath("persona"), message: "a goal domain (it has features) needs persona = function(cluster) returning { name = \"…\", traits = {…} }")
            persona = nil
        } else {
            persona = hook(manifest["persona"], ContractPath("persona"))
        }
        guard let persona, let clustering else { return nil }
        return DomainSpec(selectedBy: selectedBy, isDefault: isDefault, declaredColumns: declared, optionalColumns: optional,
                          features: features, clustering: clustering, persona: persona)
    }

    private mutating func readOptionalColumns(_ value: LuaValue) -> [OptionalColumn] {
        let path = ContractPath("optional_columns")
        guard value != .nil, table(value, path, what: "a table of column = default value") != nil else { return [] }
        var out: [OptionalColumn] = []
        for (name, standIn) in fields(value, path) {
            switch standIn {
            case .integer(let i): out.append(.init(name: name, value: .integer(i)))
            case .number(let d) where d.isFinite: out.append(.init(name: name, value: .real(d)))
            case .string(let s) where s.count <= ContractDefaults.Limits.text: out.append(.init(name: name, value: .text(s)))
            default: problem(path + name, "must be the number or string that stands in for the column, got \(Self.describe(standIn))")
            }
        }
        return out
    }

    private mutating func readFeatures(_ value: LuaValue, declared: [String]?, optional: [OptionalColumn]) -> [FeatureSpec] {
        let path = ContractPath("features")
        guard table(value, path, what: "a table of name = function(u)") != nil else { return [] }
        let entries = fields(value, path)
        if entries.isEmpty { problem(path, "must name at least one formula") }
        let known = declared.map { $0 + optional.map(\.name) }
        var out: [FeatureSpec] = []
        for (name, formula) in entries {
            let at = path + name
            guard let hook = hook(formula, at) else { continue }
            let reads = runtime.parameterReads(of: hook.function)
            if let known, let reads {
                for read in reads.reads where !known.contains(read.field) {
                    problem(at: at, message: "\(at) reads u.\(read.field), which is not in columns\(Suggestion.phrase(for: read.field, among: known))"
                            + " (columns: \(known.joined(separator: ", "))); add it to columns, or to optional_columns with a stand-in value",
                            location: hook.location.map { SourceLocation(file: $0.file, line: read.line) })
                }
            }
            out.append(FeatureSpec(name: name, hook: hook, reads: reads))
        }
        return out
    }

    private mutating func readClustering(_ value: LuaValue, features: [String]) -> ClusteringSpec? {
        let path = ContractPath("clustering")
        var spec = ClusteringSpec(weights: [:], algorithm: ContractDefaults.algorithm, kRange: ContractDefaults.kRange,
                                  minShare: ContractDefaults.minShare, profile: nil, defaulted: ["weights", "algorithm", "k", "min_share"])
        guard value != .nil else {
            spec.weights = Dictionary(uniqueKeysWithValues: features.map { ($0, ContractDefaults.featureWeight) })
            return spec
        }
        guard table(value, path) != nil else { return nil }
        onlyKnownFields(value, path, shape: ContractSchema.clustering)
        if value["weights"] != .nil, table(value["weights"], path + "weights") != nil {
            spec.defaulted.remove("weights")
            let before = problems.count
            for (feature, weight) in fields(value["weights"], path + "weights") {
                let at = path + "weights" + feature
                guard let w = number(weight, at) else { continue }
                if w < 0 { problem(at, "must not be negative, got \(w.formatted2)"); continue }
                if !features.contains(feature) {
                    problem(at: at, message: "\(at) names no formula in features\(Suggestion.phrase(for: feature, among: features)) (features: \(features.joined(separator: ", ")))")
                    continue
                }
                spec.weights[feature] = w
            }
            if problems.count == before, spec.weights.values.allSatisfy({ $0 == 0 }) {
                problem(path + "weights", "gives no feature a positive weight: there would be nothing to cluster on")
            }
        } else {
            spec.weights = Dictionary(uniqueKeysWithValues: features.map { ($0, ContractDefaults.featureWeight) })
        }
        if value["algorithm"] != .nil, let name = string(value["algorithm"], path + "algorithm") {
            if let algorithm = ClusteringAlgorithm(rawValue: name) {
                spec.algorithm = algorithm
                spec.defaulted.remove("algorithm")
            } else {
                let names = ClusteringAlgorithm.allCases.map(\.rawValue)
                problem(path + "algorithm", "must be 'kmeans', 'ward' or 'gmm', got '\(name)'\(Suggestion.phrase(for: name, among: names))")
            }
        }
        if value["k"] != .nil, table(value["k"], path + "k") != nil {
            onlyKnownFields(value["k"], path + "k", shape: ContractSchema.kRange)
            let low = integer(value["k"]["min"], path + "k" + "min")
            let high = integer(value["k"]["max"], path + "k" + "max")
            if let low, let high {
                if 2 <= low && low <= high && high <= 50 {
                    spec.kRange = Int(low)...Int(high)
                    spec.defaulted.remove("k")
                } else {
                    problem(path + "k", "must satisfy 2 <= min <= max <= 50, got min = \(low), max = \(high)")
                }
            }
        }
        if value["min_share"] != .nil, let share = number(value["min_share"], path + "min_share") {
            if share >= 0 && share < 0.5 {
                spec.minShare = share
                spec.defaulted.remove("min_share")
            } else {
                problem(path + "min_share", "must be in [0, 0.5), got \(share.formatted2)")
            }
        }
        if value["profile"] != .nil { spec.profile = strings(value["profile"], path + "profile") }
        return spec
    }
}
