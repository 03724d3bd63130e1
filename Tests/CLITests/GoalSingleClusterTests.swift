import Foundation
import Testing
import TestSupport

/// A goal matching too few users to cluster says why it made one persona, and claims nothing
/// sets that persona apart.
@Suite struct GoalSingleClusterTests {
    @Test func twoUsersMakeOnePersonaAndTheReportSaysWhy() throws {
        let root = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let db = root.appendingPathComponent("u.sqlite").path
        let csv = root.appendingPathComponent("u.csv")
        try """
            user_id,age,gender,city_tier,privacy_pref,price_sensitivity,brand_awareness_bose,emi_flag,device_count,has_children,parenting_stage,occupation
            1,60,male,Tier-1,0.5,0.5,0.5,0,3,0,none,retired
            2,62,female,Tier-2,0.6,0.4,0.3,1,2,0,none,retired
            3,30,female,Tier-2,0.6,0.4,0.3,1,2,0,none,teacher

            """.write(to: csv, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["data", "init", "--db", db]).status == 0)
        #expect(try CLIRunner.run(["data", "import", csv.path, "--db", db]).status == 0)
        let result = try CLIRunner.run(["run", "goal", "boomers", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("k = 1 (only 2 row(s): fewer than 3, not clustered)."), "\(result.stdout)")
        #expect(!result.stdout.contains("↑") && !result.stdout.contains("↓"))
        #expect(result.stdout.contains("Warning: only 2 users matched"))
    }
}
