import Foundation
import TestSupport

/// A small goal domain (`cycling`) to test the plugin test runner with: one intent, one filter,
/// two formulas, naming after the strongest feature.
enum PluginTestFixtures {
    static let cycling = """
        return {
          name = "cycling", version = "0.1.0", api = 1, description = "People who cycle",
          intents = { cycling = { terms = { "cyclist" }, synonyms = { biker = "cyclist" } } },
          selected_by = { "cycling" },
          columns = { "device_count", "price_sensitivity" },
          filters = function(goal)
            if goal.matched.cyclist then return { { "device_count", ">=", 2, term = "cyclist" } } end
            return {}
          end,
          features = {
            gear = function(u) return u.device_count / 8 end,
            thrift = function(u) return u.price_sensitivity * 2 end,
          },
          clustering = { algorithm = "kmeans", k = { min = 2, max = 3 } },
          persona = function(cluster)
            local top = cluster.distinguishing[1]
            local label = top and ((top.z >= 0 and "High " or "Low ") .. top.feature) or "Plain"
            return { name = label .. " " .. cluster.index, traits = { top = top and top.feature, size = cluster.size } }
          end,
        }
        """

    /// Users for the goal: 40 rows, two clear groups by device count and price sensitivity.
    static var users: String {
        var lines = ["user_id,device_count,price_sensitivity"]
        for i in 1...40 {
            let group = i % 2 == 0
            lines.append("\(i),\(group ? 6 + i % 3 : 2 + i % 2),\(group ? 0.1 + Double(i % 5) / 100 : 0.8 + Double(i % 5) / 100)")
        }
        lines.append("41,0,0.5")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plugins folder with `cycling` and `files` added (paths relative to the folder).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try Support.temporaryFolder()
        try Support.write(["cycling/init.lua": cycling, "cycling/tests/users.csv": users].merging(files) { $1 }, in: folder)
        return folder
    }
}
