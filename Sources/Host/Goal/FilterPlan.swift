import Builtins
import LuaBridge
import Plugins

/// The conditions plugins derive from a goal, read from Lua into typed `FilterCondition`s.
///
/// A plugin's `filters(goal)` is consulted when the goal detected one of the intent categories
/// that plugin declares, or when the plugin is the chosen domain. Conditions are AND-ed in load
/// order; the storage layer then checks every field against the users table and binds every value.
public struct FilterPlan: Sendable {
    /// One contributed condition and the plugin it came from.
    public struct Entry: Sendable {
        public var plugin: String
        public var condition: FilterCondition
    }

    public var entries: [Entry]

    /// The conditions alone.
    public var conditions: [FilterCondition] { entries.map(\.condition) }

    /// Calls the relevant plugins' `filters` hooks and reads their conditions.
    public init(reading goal: GoalReading, plugins: [Plugin], domain: Plugin?) throws(PluginError) {
        let detected = Set(goal.detected.map(\.category))
        var entries: [Entry] = []
        for plugin in plugins where plugin.provides(.filters) {
            let owns = Set(plugin.hook(.intents).fields.map(\.name))
            guard plugin === domain || !owns.isDisjoint(with: detected) else { continue }
            let result = try plugin.call(.filters, [goal.luaValue])
            guard let list = result.arrayValue else {
                throw .badResult(plugin: plugin.name, hook: "filters", problem: "must return a list of conditions, got \(result.typeName)")
            }
            for (i, item) in list.enumerated() {
                do {
                    entries.append(Entry(plugin: plugin.name, condition: try FilterPlan.condition(item)))
                } catch {
                    throw .badResult(plugin: plugin.name, hook: "filters", problem: "condition \(i + 1): \(error.description)")
                }
            }
        }
        self.entries = entries
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// `{ field, op, value }` (or `{ field = , op = , value = }`) → `FilterCondition`.
    static func condition(_ item: LuaValue) throws(Problem) -> FilterCondition {
        let parts = item.arrayValue
        let field = (parts?.first ?? item["field"]).stringValue
        let opName = (parts.flatMap { $0.count > 1 ? $0[1] : nil } ?? item["op"]).stringValue
        let raw = parts.flatMap { $0.count > 2 ? $0[2] : nil } ?? item["value"]
        guard let field else { throw Problem(description: "needs a field name (a string) first") }
        guard let opName, let op = FilterCondition.Operator(rawValue: opName) else {
            let known = FilterCondition.Operator.allCases.map(\.rawValue).joined(separator: " ")
            throw Problem(description: "operator must be one of \(known), got \(opName ?? "nothing")")
        }
        switch op {
        case .between:
            guard let pair = raw.arrayValue, pair.count == 2, let low = value(pair[0]), let high = value(pair[1]) else {
                throw Problem(description: "'between' needs a value { low, high }")
            }
            return .between(field, low, high)
        case .in:
            guard let list = raw.arrayValue, !list.isEmpty else { throw Problem(description: "'in' needs a non-empty list of values") }
            var values: [FilterValue] = []
            for item in list {
                guard let v = value(item) else { throw Problem(description: "'in' values must be numbers or strings") }
                values.append(v)
            }
            return .in(field, values)
        default:
            guard let v = value(raw) else { throw Problem(description: "value must be a number, string or boolean, got \(raw.typeName)") }
            return FilterCondition(field, op, v)
        }
    }

    static func value(_ value: LuaValue) -> FilterValue? {
        switch value {
        case .integer(let i): .integer(i)
        case .number(let d): .real(d)
        case .string(let s): .text(s)
        case .bool(let b): .integer(b ? 1 : 0)
        default: nil
        }
    }
}
