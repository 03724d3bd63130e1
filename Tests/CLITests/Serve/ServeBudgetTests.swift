import Foundation
import LuaBridge
import Plugins
import Testing
import TestSupport
@testable import persona_host

/// A hook that breaks a sandbox budget during a request: 422 naming the plugin, file and line,
/// counted at `/metrics`, and the server goes on serving.
@Suite struct ServeBudgetTests {
    static let looping = """
        return {
          name = "looping", version = "0.1.0", api = 1, description = "Names personas forever",
          intents = { cycling = { terms = { "cyclist" } } },
          selected_by = { "cycling" },
          columns = { "age", "price_sensitivity" },
          filters = function(goal) return {} end,
          features = {
            age = function(u) return u.age / 100 end,
            thrift = function(u) return u.price_sensitivity end,
          },
          clustering = { algorithm = "kmeans", k = { min = 2, max = 2 } },
          persona = function(cluster)
            while true do end
          end,
        }
        """

    @Test func aHookOverItsBudgetIs422WithItsLineAndIsCounted() async throws {
        let plugins = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: plugins) }
        try Support.write(["looping/init.lua": Self.looping], in: plugins)
        let client = try await ServeClient.start(plugins: plugins, loader: PluginLoader(limits: .init(instructions: 200_000, memoryBytes: 64 << 20)))
        do {
            let refused = try await client.post("/v1/goals", json: #"{"goal": "cyclists"}"#)
            #expect(refused.status == 422, "\(refused.text)")
            #expect(refused.error["code"] as? String == "plugin" && refused.error["plugin"] as? String == "looping", "\(refused.text)")
            #expect((refused.error["file"] as? String)?.hasSuffix("looping/init.lua") == true, "\(refused.text)")
            #expect(refused.error["line"] as? Int == 13, "\(refused.text)")
            let metrics = try await client.get("/metrics")
            #expect(metrics.text.contains("persona_host_sandbox_budget_errors_total 1"), "\(metrics.text)")
            #expect(metrics.text.contains(#"persona_host_http_requests_total{method="POST",status="422"} 1"#))
            #expect(try await client.get("/health").status == 200)
            #expect(try await client.get("/v1/runs").array.isEmpty)
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }
}
