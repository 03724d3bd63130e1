import Foundation
import Testing
import Host

/// ``GoalRun/warnings``: a run on fewer users than ``GoalPipeline/fewUsersThreshold`` says so, the
/// warnings are saved with the run, and runs saved before they existed still load.
@Suite struct GoalRunTests {
    /// A run as saved before `warnings` existed.
    let older: [String: Any] = [
        "goal": "Gen Z Moms", "seed": 42, "intents": [],
        "filter": ["conditions": [], "sql": "", "parameters": []],
        "matched_rows": 250, "domain": ["plugin": "parenting", "version": "1.0.0", "reason": "selected"],
        "features": [], "personas": [], "timings_ms": [:], "plugins": [],
        "clustering": ["algorithm": "ward", "kRange": [2, 6], "scores": [], "chosenK": 4, "minShare": 0.03, "mergedClusters": 0],
    ]

    @Test func fewerUsersThanTheThresholdWarn() {
        #expect(GoalPipeline.fewUsersThreshold == 500)
        #expect(GoalPipeline.warnings(matchedRows: 499)
                == ["only 499 users matched (fewer than 500): personas from so few users may not hold up on other data; widen the goal or add users"])
        #expect(GoalPipeline.warnings(matchedRows: 1).count == 1)
        #expect(GoalPipeline.warnings(matchedRows: 500).isEmpty)
        #expect(GoalPipeline.warnings(matchedRows: 20_000).isEmpty)
    }

    @Test func warningsAreKeptAndOlderRunsLoadWithNone() throws {
        var run = try JSONDecoder().decode(GoalRun.self, from: JSONSerialization.data(withJSONObject: older))
        #expect(run.warnings.isEmpty)
        run.warnings = GoalPipeline.warnings(matchedRows: run.matchedRows)
        let again = try JSONDecoder().decode(GoalRun.self, from: JSONEncoder().encode(run))
        #expect(again.warnings == run.warnings)
        #expect(again.warnings.first?.hasPrefix("only 250 users matched") == true)
    }
}
