import Builtins
import Foundation
import LuaBridge
import Plugins

/// Stage 5: the domain plugin names each cluster; the host keeps the names distinct.
///
/// When a name is already taken, the hook is asked again with `cluster.taken` and
/// `cluster.attempt = 2` so it can choose another angle (its second distinguishing feature);
/// if it still repeats itself, the host adds " (2)", " (3)"… so two personas never share a name.
/// Each answer is checked against the hook's spec: a non-empty one-line name of at most
/// `ContractDefaults.Limits.personaName` characters, and traits whose JSON fits in
/// `ContractDefaults.Limits.traitsBytes`.
struct PersonaNamer {
    let plugin: Plugin
    let hook: FunctionHook
    let filter: FilterPlan

    /// `field = value` conditions, as `cluster.filter` shows them (`gender = "female"`).
    var filterFields: [String: LuaValue] {
        var fields: [String: LuaValue] = [:]
        for entry in filter.entries where entry.condition.op == .equal {
            if case .value(let v) = entry.condition.value {
                switch v {
                case .integer(let i): fields[entry.condition.field] = .integer(i)
                case .real(let d): fields[entry.condition.field] = .number(d)
                case .text(let s): fields[entry.condition.field] = .string(s)
                }
            }
        }
        return fields
    }

    func name(_ clusters: [ClusterSummary]) throws(GoalError) -> (personas: [GoalRun.Persona], calls: [GoalRun.NamingCall]) {
        var taken: [String] = []
        var personas: [GoalRun.Persona] = []
        var calls: [GoalRun.NamingCall] = []
        let fields = filterFields
        for cluster in clusters {
            var attempt = 1
            var result = try answer(cluster, fields: fields, taken: taken, attempt: attempt)
            calls.append(.init(cluster: cluster.index, attempt: attempt, top: cluster.distinguishing.first?.feature, name: result.name))
            while taken.contains(result.name) && attempt < 2 {
                attempt += 1
                result = try answer(cluster, fields: fields, taken: taken, attempt: attempt)
                calls.append(.init(cluster: cluster.index, attempt: attempt,
                                   top: cluster.distinguishing.dropFirst().first?.feature, name: result.name))
            }
            var name = result.name
            var suffix = 2
            while taken.contains(name) {
                name = "\(result.name) (\(suffix))"
                suffix += 1
            }
            if name != result.name { calls[calls.count - 1].suffixed = name }
            taken.append(name)
            personas.append(GoalRun.Persona(
                index: cluster.index, name: name, size: cluster.size, share: cluster.share,
                centroid: cluster.means, zScores: cluster.z,
                distinguishing: cluster.distinguishing.filter { abs($0.z) > 1e-9 }.prefix(3).map { "\($0.z >= 0 ? "high" : "low") \($0.feature) (z \(NumberFormat.score($0.z)))" },
                traits: result.traits, profile: cluster.profile))
        }
        return (personas, calls)
    }

    /// One call of the hook on `cluster`, its answer checked (plugin tests call it directly).
    func answer(_ cluster: ClusterSummary, fields: [String: LuaValue], taken: [String],
                attempt: Int) throws(GoalError) -> (name: String, traits: JSONValue) {
        let value: LuaValue
        do {
            value = try plugin.call(hook, [cluster.luaValue(filter: fields, taken: taken, attempt: attempt)]).first ?? .nil
        } catch {
            throw .plugin(error)
        }
        func bad(_ problem: String) -> GoalError { .plugin(.badResult(plugin: plugin.name, hook: hook.name, problem: problem, location: hook.location)) }
        guard value.isTable else { throw bad("must return { name = \"…\", traits = {…} }, got \(value.typeName)") }
        if let extra = value.fields.map(\.name).first(where: { !ContractSchema.namedPersona.fieldNames.contains($0) }) {
            throw bad("returned an unknown field '\(extra)' (a persona has name and traits)")
        }
        guard let name = value["name"].stringValue, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw bad("must return a non-empty name (a string), got \(value["name"].typeName)")
        }
        guard name.count <= ContractDefaults.Limits.personaName else {
            throw bad("returned a name of \(name.count) characters; at most \(ContractDefaults.Limits.personaName)")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw bad("returned a name with control characters (a name is one line of text)")
        }
        let traits = JSONValue(value["traits"])
        let size: Int
        do {
            size = try JSONEncoder().encode(traits).count
        } catch {
            throw bad("returned traits that cannot be written as JSON: \(error)")
        }
        guard size <= ContractDefaults.Limits.traitsBytes else {
            throw bad("returned traits of \(size) bytes as JSON; at most \(ContractDefaults.Limits.traitsBytes)")
        }
        return (name, traits)
    }
}
