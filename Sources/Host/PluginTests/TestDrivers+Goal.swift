import Builtins
import LuaBridge
import Plugins

extension TestDrivers {
    /// `test.goal(goal [, options])`: the goal read with every plugin of the folder. With
    /// `users = "fixture.csv"` the whole run (as `run goal --json`, not saved); without, only the
    /// reading, the domain and the conditions. Either way the table adds `detected` (category
    /// names), `conditions` (condition texts) and, after a run, `names` (persona names).
    func goal(_ arguments: [LuaValue]) throws -> LuaValue {
        let usage = "test.goal(goal [, { users = \"users.csv\", seed = 42, k = 4 or \"2-6\", algo = \"kmeans\", strict = true }])"
        guard let text = arguments.first?.stringValue else { throw Failure("call as \(usage)") }
        let given = try Self.options(arguments.count > 1 ? arguments[1] : .nil, of: "test.goal",
                                     known: ["users", "seed", "k", "algo", "strict"])
        var options = GoalPipeline.Options(goal: text)
        options.save = false
        options.strict = given["strict"].boolValue ?? false
        if let seed = given["seed"].intValue { options.seed = UInt64(bitPattern: seed) }
        if given["algo"] != .nil {
            guard let name = given["algo"].stringValue, let algorithm = ClusteringAlgorithm(rawValue: name) else {
                throw Failure("test.goal: algo must be \"kmeans\", \"ward\" or \"gmm\"")
            }
            options.algorithm = algorithm
        }
        if given["k"] != .nil { options.k = try Self.kRange(given["k"]) }
        guard let csv = given["users"].stringValue else {
            if given["users"] != .nil { throw Failure("test.goal: users must be the name of a CSV file beside the test") }
            let plan = try GoalPlan(goal: text, plugins: set.plugins, strict: options.strict)
            return Self.document(plan, goal: text)
        }
        let run = try GoalPipeline(plugins: set, database: try users(csv), loader: loader).run(options)
        let conditions = run.filter.conditions.map { LuaValue.string($0.condition) }
        return Self.adding([
            "detected": .array(run.intents.filter(\.detected).map { .string($0.category) }),
            "conditions": .array(conditions),
            "names": .array(run.personas.map { .string($0.name) }),
        ], to: try Self.lua(run))
    }

    static func kRange(_ value: LuaValue) throws -> ClosedRange<Int> {
        if let k = value.intValue, (2...50).contains(k) { return Int(k)...Int(k) }
        if let text = value.stringValue {
            let parts = text.split(separator: "-").map { Int($0) }
            if parts.count == 2, let low = parts[0], let high = parts[1], low >= 2, high <= 50, low <= high { return low...high }
        }
        throw Failure("test.goal: k must be a number from 2 to 50 or a range such as \"2-6\", got \(TestValue.render(value))")
    }

    /// The reading of a goal without users, in the run document's field names.
    static func document(_ plan: GoalPlan, goal: String) -> LuaValue {
        let intents: [LuaValue] = plan.reading.scores.map { score in
            ["category": .string(score.category), "confidence": .number(score.confidence), "detected": .bool(score.detected),
             "threshold": .number(score.threshold),
             "matches": .array(score.matches.map { ["text": .string($0.text), "term": .string($0.term)] })]
        }
        let conditions = plan.filters.entries.map { entry -> LuaValue in
            ["plugin": .string(entry.plugin), "condition": .string(entry.condition.description),
             "terms": .array(entry.terms.map(LuaValue.string))]
        }
        let notApplied = plan.filters.notApplied.map { n -> LuaValue in
            ["category": .string(n.category), "term": .string(n.term), "words": .string(n.words), "reason": .string(n.reason)]
        }
        return [
            "goal": .string(goal),
            "intents": .array(intents),
            "detected": .array(plan.reading.detected.map { .string($0.category) }),
            "unrecognised_words": .array(plan.reading.unrecognisedWords.map(LuaValue.string)),
            "filter": ["conditions": .array(conditions)],
            "conditions": .array(plan.filters.entries.map { .string($0.condition.description) }),
            "not_applied": .array(notApplied),
            "domain": ["plugin": .string(plan.choice.plugin.name), "reason": .string(plan.choice.reason)],
        ]
    }

    /// `test.feature(name, user)`: one feature formula of the plugin on one user (a table of
    /// column values), evaluated as a run evaluates it (traced or per row, strict `u`).
    func feature(_ arguments: [LuaValue]) throws -> LuaValue {
        guard arguments.count >= 2, let name = arguments[0].stringValue, arguments[1].isTable else {
            throw Failure("call as test.feature(name, { column = value, … })")
        }
        let domain = try ownDomain("test.feature")
        guard domain.features.contains(where: { $0.name == name }) else {
            throw Failure("test.feature: \(plugin.name) has no feature '\(name)'\(Suggestion.phrase(for: name, among: domain.features.map(\.name)))"
                          + " (features: \(domain.features.map(\.name).joined(separator: ", ")))")
        }
        return try features(of: arguments[1], only: name)[name] ?? .nil
    }

    /// `test.features(user)`: every feature of the plugin on one user, by name.
    func features(_ arguments: [LuaValue]) throws -> LuaValue {
        guard let user = arguments.first, user.isTable else { throw Failure("call as test.features({ column = value, … })") }
        return .table(Dictionary(uniqueKeysWithValues: try features(of: user, only: nil).map { (LuaKey.string($0.key), $0.value) }))
    }

    private func features(of user: LuaValue, only name: String?) throws -> [String: LuaValue] {
        var domain = try ownDomain("test.feature")
        if let name { domain.features = domain.features.filter { $0.name == name } }
        var numeric: [String: [Double]] = [:]
        var text: [String: TextColumn] = [:]
        for (column, value) in user.fields {
            if let d = value.doubleValue {
                numeric[column] = [d]
            } else if let s = value.stringValue {
                text[column] = TextColumn(name: column, [s])
            } else {
                throw Failure("test.feature: user.\(column) must be a number or a string, got \(value.typeName)")
            }
        }
        let table = ColumnTable(userIDs: [1], numeric: numeric, text: text)
        let computed = try FeatureEngine(loader: loader).compute(plugin, domain: domain, over: table, fields: table.columnNames)
        return Dictionary(uniqueKeysWithValues: zip(computed.names, computed.values).map { ($0, LuaValue.number($1[0])) })
    }

    /// `test.persona(cluster)`: the plugin's naming hook on a cluster summary, answered and
    /// checked as in a run. Fields the test leaves out take neutral values (see PLUGINS.md).
    func persona(_ arguments: [LuaValue]) throws -> LuaValue {
        guard let given = arguments.first, given.isTable else { throw Failure("call as test.persona({ z = { … }, size = …, … })") }
        let domain = try ownDomain("test.persona")
        let known = ["index", "size", "share", "means", "z", "profile", "filter", "taken", "attempt"]
        for (name, _) in given.fields where !known.contains(name) {
            throw Failure("test.persona: cluster.\(name) is not a field of a cluster\(Suggestion.phrase(for: name, among: known)) (fields: \(known.joined(separator: ", ")); distinguishing is computed from z)")
        }
        func numbers(_ field: String) throws -> [String: Double] {
            var out: [String: Double] = [:]
            for (k, v) in given[field].fields {
                guard let d = v.doubleValue else { throw Failure("test.persona: cluster.\(field).\(k) must be a number") }
                out[k] = d
            }
            return out
        }
        let z = try numbers("z")
        let summary = ClusterSummary(
            index: Int(given["index"].intValue ?? 1), size: Int(given["size"].intValue ?? 100),
            share: given["share"].doubleValue ?? 1, means: try numbers("means"), z: z,
            distinguishing: z.map { (feature: $0.key, z: $0.value) }.sorted { (abs($0.z), $1.feature) > (abs($1.z), $0.feature) },
            profile: Dictionary(uniqueKeysWithValues: given["profile"].fields.map { ($0.name, JSONValue($0.value)) }))
        let filter = Dictionary(uniqueKeysWithValues: given["filter"].fields.map { ($0.name, $0.value) })
        let taken = (given["taken"].arrayValue ?? []).compactMap(\.stringValue)
        let namer = PersonaNamer(plugin: plugin, hook: domain.persona, filter: FilterPlan.empty)
        let answer = try namer.answer(summary, fields: filter, taken: taken, attempt: Int(given["attempt"].intValue ?? 1))
        return ["name": .string(answer.name), "traits": answer.traits.luaValue]
    }

    private func ownDomain(_ call: String) throws -> DomainSpec {
        guard let domain = plugin.contract.domain else {
            throw Failure("\(call): \(plugin.name) has no goal domain (no `features`); test a domain plugin's features and names")
        }
        return domain
    }
}
