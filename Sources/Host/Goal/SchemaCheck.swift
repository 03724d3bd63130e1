import Builtins
import Plugins

/// `plugins check --db PATH`: what each goal domain reads, checked against a live users table
/// (declared columns, the `u.fields` its formulas read, `clustering.profile`, and whether each
/// optional column's stand-in has the column's type), before any run.
public enum SchemaCheck {
    /// One problem: the plugin and what is wrong, as a sentence.
    public struct Problem: Sendable, Equatable {
        public var plugin: String
        public var message: String
    }

    public static func problems(for plugins: [Plugin], schema: UsersSchema) -> [Problem] {
        var out: [Problem] = []
        for plugin in plugins {
            guard let domain = plugin.contract.domain else { continue }
            out += ColumnPlan.missingColumns(domain: domain, plugin: plugin.name, schema: schema).map { Problem(plugin: plugin.name, message: $0) }
            do {
                _ = try ColumnPlan(domain: domain, plugin: plugin.name, schema: schema)
            } catch {
                let message = error.description
                if !out.contains(where: { $0.message == message }) { out.append(Problem(plugin: plugin.name, message: message)) }
            }
        }
        return out
    }
}
