import Foundation
import Testing
import TestSupport
import Builtins
@testable import persona_host

/// `persona-host serve`'s routes in-process on a free port: each answers the document of its CLI
/// command, and each refuses wrong input with the CLI's error class as an HTTP status.
@Suite(.serialized) struct ServeRouteTests {
    @Test func goalRunsAreSavedAndReadBackAsTheCLIReadsThem() async throws {
        let client = try await ServeClient.start()
        do {
            let health = try await client.get("/health")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "ok")
            #expect((health.json["plugins"] as? [String: Any])?["generation"] as? Int == 1)
            #expect((health.json["plugins"] as? [String: Any])?["loaded"] as? Int == 7)  // the seven shipped plugins

            let created = try await client.post("/v1/goals", json: #"{"goal": "Gen Z Moms", "k": 3, "seed": 9, "algo": "kmeans"}"#)
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.json["run_id"] as? Int)
            #expect(created.headers["location"] == "/v1/runs/\(id)")
            let personas = (created.json["personas"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(personas.count == 3)

            // The CLI on the same data and settings names the same personas.
            let cli = try CLIRunner.run(["run", "goal", "Gen Z Moms", "--k", "3", "--seed", "9", "--algo", "kmeans", "--json",
                                         "--db", client.folder.appendingPathComponent("users.sqlite").path, "--plugins", Support.plugins.path])
            let cliRun = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any]
            #expect((cliRun?["personas"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == personas, "\(cli.stderr)")

            let list = try await client.get("/v1/runs")
            #expect(list.status == 200)
            #expect(list.array.compactMap { $0["id"] as? Int }.sorted() == [id, id + 1])

            let shown = try await client.get("/v1/runs/\(id)")
            #expect(shown.status == 200)
            #expect(shown.json["goal"] as? String == "Gen Z Moms")
            #expect(shown.json["data_now"] != nil)

            let members = try await client.get("/v1/runs/\(id)/members")
            #expect(members.status == 200)
            #expect(members.headers["content-type"]?.hasPrefix("text/csv") == true)
            let lines = members.text.split(separator: "\n")
            #expect(lines.first == "user_id,persona_index,persona")
            #expect(lines.count - 1 == created.json["matched_rows"] as? Int)

            let missing = try await client.get("/v1/runs/999")
            #expect(missing.status == 404 && missing.error["code"] as? String == "not_found")
            let malformed = try await client.get("/v1/runs/abc/members")
            #expect(malformed.status == 400 && malformed.error["code"] as? String == "input")

            for body in [#"{}"#, #"{"goal": "Gen Z Moms", "algo": "magic"}"#, #"{"goal": "Gen Z Moms", "k": 99}"#,
                         #"{"goal": "zzzz qqqq"}"#, #"not json"#, #"{"goal": 5}"#] {
                let refused = try await client.post("/v1/goals", json: body)
                #expect(refused.status == 400, "\(body): \(refused.text)")
                #expect(refused.error["code"] as? String == "input", "\(body)")
                #expect((refused.error["message"] as? String)?.isEmpty == false)
            }
            let huge = try await client.post("/v1/goals", data: Data(repeating: 0x20, count: ServeContext.maxBody + 1))
            #expect(huge.status == 413 && huge.error["code"] as? String == "too_large", "\(huge.status) \(huge.text)")
            let nowhere = try await client.get("/v1/nowhere")
            #expect(nowhere.status == 404 && nowhere.error["code"] != nil)
            // Refused requests saved nothing.
            #expect(try await client.get("/v1/runs").array.count == 2)
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }

    @Test func formulationInteractionsAndFeedbackAnswerAsTheirCommands() async throws {
        let client = try await ServeClient.start()
        do {
            let formula = try await client.post("/v1/formulate", json: #"{"persona": "sensitive_skin", "concerns": ["redness"], "budget": 40}"#)
            #expect(formula.status == 200, "\(formula.text)")
            #expect((formula.json["ingredients"] as? [Any])?.isEmpty == false)
            #expect((formula.json["request"] as? [String: Any])?["concerns"] as? [String] == ["redness"])
            let unknown = try await client.post("/v1/formulate", json: #"{"persona": "nobody", "concerns": "redness"}"#)
            #expect(unknown.status == 400 && (unknown.error["message"] as? String)?.contains("sensitive_skin") == true)
            let noConcern = try await client.post("/v1/formulate", json: #"{"persona": "sensitive_skin", "concerns": []}"#)
            #expect(noConcern.status == 400)

            let interaction = try await client.post("/v1/interactions", json: #"{"persona": "echo", "input": "Reply to Sam", "output": "Dear Sam, I would be delighted"}"#)
            #expect(interaction.status == 201, "\(interaction.text)")
            let id = try #require(interaction.json["id"] as? Int)

            let one = try await client.post("/v1/feedback", json: """
                {"persona": "echo", "interaction": \(id),
                 "type": "categorical", "value": "too_formal"}
                """)
            #expect(one.status == 200, "\(one.text)")
            #expect(one.json["status"] != nil && one.json["persona"] as? String == "echo", "\(one.text)")

            // A batch with one bad line applies nothing.
            let bad = try await client.post("/v1/feedback", json: """
                {"persona": "echo", "type": "categorical", "value": "too_casual"}
                {"persona": "nobody", "type": "categorical", "value": "too_formal"}
                """)
            #expect(bad.status == 400, "\(bad.text)")
            #expect((bad.error["message"] as? String)?.contains("nothing was applied") == true, "\(bad.text)")
            let array = try await client.post("/v1/feedback", json: #"[{"persona": "echo", "type": "categorical", "value": "too_formal"}]"#)
            #expect(array.status == 400)

            let batch = try await client.post("/v1/feedback", json: """
                {"persona": "echo", "type": "categorical", "value": "too_casual"}
                {"persona": "echo", "type": "categorical", "value": "too_formal"}
                """)
            #expect(batch.status == 200, "\(batch.text)")
            #expect(batch.array.count == 2)
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }

    @Test func pluginsMetricsAndTheOpenAPIDocument() async throws {
        let client = try await ServeClient.start()
        do {
            let plugins = try await client.get("/v1/plugins")
            #expect(plugins.status == 200)
            #expect(plugins.json["generation"] as? Int == 1)
            #expect((plugins.json["plugins"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.contains("skincare") == true)
            #expect((plugins.json["last_reload"] as? [String: Any])?["ok"] as? Bool == true)

            let reloaded = try await client.post("/v1/plugins/reload")
            #expect(reloaded.status == 200 && reloaded.json["generation"] as? Int == 2, "\(reloaded.text)")

            let metrics = try await client.get("/metrics")
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"persona_host_http_requests_total{method="GET",status="200"} 1"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"persona_host_plugin_reloads_total{result="ok"} 2"#))
            #expect(metrics.text.contains("persona_host_plugin_generation 2"))
            #expect(metrics.text.contains("persona_host_sandbox_budget_errors_total 0"))

            let document = try await client.get("/openapi.json")
            let paths = document.json["paths"] as? [String: Any] ?? [:]
            #expect(document.json["openapi"] as? String == "3.1.0")
            for path in ["/health", "/v1/goals", "/v1/runs/{id}/members", "/v1/plugins/reload", "/v1/feedback"] {
                #expect(paths[path] != nil, "\(path)")
            }
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }

    @Test func theTokenGuardsEveryRouteButHealth() async throws {
        let client = try await ServeClient.start(token: "s3cret")
        do {
            #expect(try await client.get("/v1/plugins").status == 200)
            for path in ["/v1/plugins", "/v1/runs", "/metrics", "/openapi.json"] {
                let refused = try await client.get(path, token: "wrong")
                #expect(refused.status == 401 && refused.error["code"] as? String == "unauthorized", "\(path)")
            }
            let noToken = ServeClient(server: client.server, folder: client.folder, token: nil)
            #expect(try await noToken.get("/v1/runs").status == 401)
            #expect(try await noToken.post("/v1/goals", json: #"{"goal": "Gen Z Moms"}"#).status == 401)
            #expect(try await noToken.get("/health").status == 200)
            #expect(try await client.get("/v1/runs").array.isEmpty)
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }

    @Test func aRequestPastTheTimeLimitIs503AndSavesNothing() async throws {
        let client = try await ServeClient.start(timeLimit: .milliseconds(1))
        do {
            let late = try await client.post("/v1/goals", json: #"{"goal": "Gen Z Moms"}"#)
            #expect(late.status == 503 && late.error["code"] as? String == "timeout", "\(late.text)")
            try await Task.sleep(for: .seconds(3))  // the goal run goes on, then refuses to save
            #expect(try RunStore(database: client.server.state.database).list().isEmpty)
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }
}
