import LuaBridge
import Builtins
/// Reads typed fields out of what a hook returned, naming the exact path of anything wrong
/// (`multipliers.limits(sensitive_skin).budget must be a number, got string`): how function
/// hooks' results are checked against their spec at each call.
public struct LuaFieldReader {
    public let plugin: String
    public let path: String
    public let table: LuaValue

    public init(plugin: String, path: String, table: LuaValue) {
        self.plugin = plugin
        self.path = path
        self.table = table
    }

    public func fail(_ field: String, _ problem: String) -> PluginError {
        .badResult(plugin: plugin, hook: "\(path).\(field)", problem: problem)
    }

    public func string(_ field: String) throws(PluginError) -> String {
        guard let s = table[field].stringValue else { throw fail(field, "must be a string, got \(table[field].typeName)") }
        return s
    }

    public func optionalString(_ field: String, default value: String = "") throws(PluginError) -> String {
        table[field] == .nil ? value : try string(field)
    }

    public func number(_ field: String, in range: ClosedRange<Double>? = nil) throws(PluginError) -> Double {
        guard let d = table[field].doubleValue, d.isFinite else { throw fail(field, "must be a number, got \(table[field].typeName)") }
        if let range, !range.contains(d) {
            throw fail(field, "must be from \(range.lowerBound.formatted2) to \(range.upperBound.formatted2), got \(d.formatted2)")
        }
        return d
    }

    public func bool(_ field: String) throws(PluginError) -> Bool {
        guard let b = table[field].boolValue else { throw fail(field, "must be true or false, got \(table[field].typeName)") }
        return b
    }

    public func strings(_ field: String) throws(PluginError) -> [String] {
        let value = table[field]
        if value == .nil { return [] }
        guard let items = value.arrayValue else { throw fail(field, "must be a list of strings, got \(value.typeName)") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw fail("\(field)[\(i + 1)]", "must be a string, got \(item.typeName)") }
            out.append(s)
        }
        return out
    }

    /// A `{ min = a, max = b }` table with a ≤ b, both within `bounds`.
    public func range(_ field: String, within bounds: ClosedRange<Double>) throws(PluginError) -> ClosedRange<Double> {
        let inner = LuaFieldReader(plugin: plugin, path: "\(path).\(field)", table: table[field])
        guard table[field].isTable else { throw fail(field, "must be a table { min = …, max = … }, got \(table[field].typeName)") }
        let low = try inner.number("min", in: bounds)
        let high = try inner.number("max", in: bounds)
        guard low <= high else { throw fail(field, "min \(low.formatted2) is above max \(high.formatted2)") }
        return low...high
    }
}
