import Builtins
import Foundation

/// Writes generated plugin folders shaped like the shipped ones (`plugins/parenting/init.lua`):
/// a manifest with intents, three feature formulas, clustering settings and a persona function.
enum PluginFixtures {
    /// Domains the generated plugins are about; cycled, with the index appended to keep names unique.
    private static let domains = [
        "fitness", "travel", "gaming", "finance", "fashion", "cooking", "music", "pets", "reading", "outdoors",
    ]
    private static let algorithms = ["kmeans", "ward", "gmm"]

    /// Creates `count` plugin folders (`<domain>_<nn>/init.lua`) in a new temporary folder and returns it.
    static func write(count: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("persona-bench-plugins-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...count {
            let name = "\(domains[(index - 1) % domains.count])_\(index < 10 ? "0" : "")\(index)"
            let plugin = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: false)
            try source(name: name, domain: domains[(index - 1) % domains.count], index: index)
                .write(to: plugin.appendingPathComponent("init.lua"), atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// The `init.lua` of plugin `name`.
    static func source(name: String, domain: String, index: Int) -> String {
        let algorithm = algorithms[index % algorithms.count]
        let high = 4 + index % 5
        return """
        -- \(name): a generated plugin for `make bench` (\(domain) audiences).
        -- Three formulas, clustering settings and a persona namer, like plugins/parenting.

        local LABELS = {   -- feature -> { label when high, label when low }
          \(domain)_engagement = { "Devoted", "Casual" },
          \(domain)_spend      = { "Big-Spending", "Thrifty" },
          \(domain)_loyalty    = { "Loyal", "Switching" },
        }

        return {
          name = "\(name)",
          version = "1.0.0",
          api = 1,
          description = "\(domain.capitalized) audiences: engagement, spend and loyalty features (bench \(index))",

          intents = {
            \(name) = {
              terms = { "\(domain)", "\(domain) fan", "\(domain) buyer" },
              synonyms = { ["\(domain) lover"] = "\(domain) fan", ["\(domain) shopper"] = "\(domain) buyer" },
              threshold = 0.5,
            },
          },
          selected_by = { "\(name)" },
          columns = { "usage_frequency", "session_minutes", "price_sensitivity", "emi_flag", "brand_awareness", "churn_risk" },

          features = {
            \(domain)_engagement = function(u) return u.usage_frequency * 0.6 + u.session_minutes / 120 * 0.4 end,
            \(domain)_spend      = function(u) return (1 - u.price_sensitivity) * 0.7 + u.emi_flag * 0.3 end,
            \(domain)_loyalty    = function(u) return u.brand_awareness * 0.5 + (1 - u.churn_risk) * 0.5 end,
          },

          clustering = {
            weights = { \(domain)_engagement = 0.4, \(domain)_spend = 0.3, \(domain)_loyalty = 0.3 },
            algorithm = "\(algorithm)",
            k = { min = 2, max = \(high) },
            min_share = 0.03,
          },

          persona = function(cluster)
            local top = cluster.distinguishing[1]
            local label = top and LABELS[top.feature] and LABELS[top.feature][top.z >= 0 and 1 or 2] or "Everyday"
            return {
              name = host.names.person(cluster.index, "neutral") .. " — " .. label .. " \(domain.capitalized) Fan",
              traits = { \(domain)_style = label, care_about = top and top.z > 0 and { top.feature } or {} },
            }
          end,
        }

        """
    }
}
