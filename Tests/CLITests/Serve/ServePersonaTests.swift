import Foundation
import Testing
import TestSupport
@testable import persona_host

/// `/v1/personas…`: the plugin-declared and goal-run personas, one persona, its history and a
/// rollback, each as `persona list|show|history|rollback --json`.
@Suite(.serialized) struct ServePersonaTests {
    @Test func personasAreListedShownLearnAndRollBack() async throws {
        let client = try await ServeClient.start()
        do {
            let run = try await client.post("/v1/goals", json: #"{"goal": "Gen Z Moms", "k": 2}"#)
            let runID = try #require(run.json["run_id"] as? Int)

            let list = try await client.get("/v1/personas")
            #expect(list.status == 200, "\(list.text)")
            #expect((list.json["formulation"] as? [[String: Any]])?.contains { $0["id"] as? String == "sensitive_skin" } == true)
            #expect((list.json["learning_only"] as? [[String: Any]])?.contains { $0["id"] as? String == "echo" } == true)
            #expect((list.json["runs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["run:\(runID)/1", "run:\(runID)/2"])

            let skincare = try await client.get("/v1/personas/sensitive_skin")
            #expect(skincare.status == 200 && (skincare.json["best_ingredients"] as? [Any])?.isEmpty == false, "\(skincare.text)")
            let echo = try await client.get("/v1/personas/echo")
            #expect(echo.status == 200 && echo.text.contains("formality"), "\(echo.text)")
            let runPersona = try await client.get("/v1/personas/run:\(runID)%2F1")
            #expect(runPersona.status == 200 && runPersona.json["id"] as? String == "run:\(runID)/1", "\(runPersona.text)")
            let unknown = try await client.get("/v1/personas/nobody")
            #expect(unknown.status == 400 && (unknown.error["message"] as? String)?.contains("known personas") == true)
            #expect(try await client.get("/v1/personas/run:\(runID)%2F9").status == 400)

            #expect(try await client.get("/v1/personas/echo/history").array.isEmpty)
            let feedback = try await client.post("/v1/feedback", json: #"{"persona": "echo", "type": "categorical", "value": "too_formal"}"#)
            #expect(feedback.status == 200, "\(feedback.text)")
            let history = try await client.get("/v1/personas/echo/history")
            #expect(history.array.map { $0["version"] as? String } == ["v1.0", "v1.1"], "\(history.text)")
            #expect((history.array.last?["changes"] as? [[String: Any]])?.first?["trait"] as? String == "formality", "\(history.text)")

            let rolled = try await client.post("/v1/personas/echo/rollback", json: #"{"to": "v1.0"}"#)
            #expect(rolled.status == 200, "\(rolled.text)")
            #expect(try await client.get("/v1/personas/echo/history").array.count == 3)
            let badVersion = try await client.post("/v1/personas/echo/rollback", json: #"{"to": "v9.9"}"#)
            #expect(badVersion.status == 400, "\(badVersion.text)")
            let runHistory = try await client.get("/v1/personas/run:\(runID)%2F1/history")
            #expect(runHistory.status == 400 && (runHistory.error["message"] as? String)?.contains("goal-run persona") == true, "\(runHistory.text)")
        } catch {
            try await client.stop()
            throw error
        }
        try await client.stop()
    }
}
