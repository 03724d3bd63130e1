import Foundation
import Builtins
import LuaBridge
import Plugins

/// Stage 5: the domain plugin names each cluster; the host keeps the names distinct.
///
/// When a name is already taken, the hook is asked again with `cluster.taken` and
/// `cluster.attempt = 2` so it can choose another angle (its second distinguishing feature);
/// if it still repeats itself, the host adds " (2)", " (3)"… so two personas never share a name.
struct PersonaNamer {
    let domain: Plugin
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

    func name(_ clusters: [ClusterSummary]) throws(GoalError) -> [GoalRun.Persona] {
        var taken: [String] = []
        var personas: [GoalRun.Persona] = []
        let fields = filterFields
        for cluster in clusters {
            var attempt = 1
            var result = try call(cluster, fields: fields, taken: taken, attempt: attempt)
            while taken.contains(result.name) && attempt < 2 {
                attempt += 1
                result = try call(cluster, fields: fields, taken: taken, attempt: attempt)
            }
            var name = result.name
            var suffix = 2
            while taken.contains(name) {
                name = "\(result.name) (\(suffix))"
                suffix += 1
            }
            taken.append(name)
            personas.append(GoalRun.Persona(
                index: cluster.index, name: name, size: cluster.size, share: cluster.share,
                centroid: cluster.means, zScores: cluster.z,
                distinguishing: cluster.distinguishing.prefix(3).map { "\($0.z >= 0 ? "high" : "low") \($0.feature) (z \(String(format2: $0.z)))" },
                traits: result.traits, profile: cluster.profile))
        }
        return personas
    }

    private func call(_ cluster: ClusterSummary, fields: [String: LuaValue], taken: [String],
                      attempt: Int) throws(GoalError) -> (name: String, traits: JSONValue) {
        let value: LuaValue
        do {
            value = try domain.call(.persona, [cluster.luaValue(filter: fields, taken: taken, attempt: attempt)])
        } catch {
            throw .plugin(error)
        }
        guard let name = value["name"].stringValue, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .plugin(.badResult(plugin: domain.name, hook: "persona",
                                     problem: "must return { name = \"…\", traits = {…} } with a non-empty name, got \(value.typeName)"))
        }
        return (name, JSONValue(value["traits"]))
    }
}
