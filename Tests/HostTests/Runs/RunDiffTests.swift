import Foundation
import Testing
import Builtins
@testable import Host

/// `runs diff`: personas matched by an optimal assignment on the overlap matrix, and every user
/// counted once (stayed, moved, in one run only).
@Suite struct RunDiffTests {
    /// A saved goal run with personas of `sizes` (numbered 1…), decoded from the minimal JSON a
    /// run is saved as.
    func run(_ id: Int64, sizes: [Int]) throws -> GoalRun {
        let personas = sizes.enumerated().map { i, size in
            #"{"index": \#(i + 1), "name": "P\#(i + 1)", "size": \#(size), "share": 0, "centroid": {}, "zScores": {}, "#
                + #""distinguishing": [], "traits": {}, "profile": {}}"#
        }.joined(separator: ",")
        let json = #"""
            {"goal": "g\#(id)", "seed": 1, "intents": [], "filter": {"conditions": [], "sql": "", "parameters": []},
             "matched_rows": \#(sizes.reduce(0, +)), "domain": {"plugin": "d", "version": "1", "reason": "r"}, "features": [],
             "clustering": {"algorithm": "ward", "kRange": [2, 6], "scores": [], "chosenK": \#(sizes.count), "minShare": 0,
                            "mergedClusters": 0},
             "personas": [\#(personas)], "timings_ms": {}, "plugins": []}
            """#
        var run = try JSONDecoder().decode(GoalRun.self, from: Data(json.utf8))
        run.runID = id
        return run
    }

    /// Memberships from (user, persona number) pairs.
    func members(_ pairs: [(Int64, Int32)]) -> RunMemberships {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        return RunMemberships(userIDs: sorted.map(\.0), personaIndexes: sorted.map(\.1))
    }

    @Test func theMatchingIsOptimalNotGreedy() throws {
        // Overlaps (A persona × B persona): [[5, 4], [4, 0]]. Greedy takes 5 and is left with 0;
        // the optimal assignment pairs A1–B2 and A2–B1, keeping 8 users together.
        var a: [(Int64, Int32)] = [], b: [(Int64, Int32)] = []
        var user: Int64 = 0
        func add(_ count: Int, _ pa: Int32, _ pb: Int32) {
            for _ in 0..<count { user += 1; a.append((user, pa)); b.append((user, pb)) }
        }
        add(5, 1, 1); add(4, 1, 2); add(4, 2, 1)
        let diff = RunDiff(first: try run(1, sizes: [9, 4]), firstMembers: members(a), second: try run(2, sizes: [9, 4]), secondMembers: members(b))
        let matched = diff.pairs.filter { $0.first != nil && $0.second != nil }.map { "\($0.first!.id)=\($0.second!.id)" }
        #expect(matched == ["run:1/1=run:2/2", "run:1/2=run:2/1"])
        #expect(diff.stayed == 8 && diff.moved == 5)
        #expect(diff.moves.map { "\($0.from.id)>\($0.to.id):\($0.users)" } == ["run:1/1>run:2/1:5"])
    }

    @Test func everyUserIsCountedOnce() throws {
        var generator = SeededGenerator(seed: 3)
        var a: [(Int64, Int32)] = [], b: [(Int64, Int32)] = []
        for user in Int64(1)...2_000 {
            let inA = user <= 1_800, inB = user > 150
            if inA { a.append((user, Int32.random(in: 1...4, using: &generator))) }
            if inB { b.append((user, Int32(Int.random(in: 1...3, using: &generator)))) }
        }
        let sizesA = (1...4).map { p in a.filter { $0.1 == p }.count }, sizesB = (1...3).map { p in b.filter { $0.1 == p }.count }
        let diff = RunDiff(first: try run(1, sizes: sizesA), firstMembers: members(a), second: try run(2, sizes: sizesB), secondMembers: members(b))
        #expect(diff.onlyFirst == 150 && diff.onlySecond == 200)
        #expect(diff.stayed + diff.moved + diff.onlyFirst == 1_800)
        #expect(diff.stayed + diff.moved + diff.onlySecond == 1_850)
        #expect(diff.moves.reduce(0) { $0 + $1.users } == diff.moved)
        #expect(diff.pairs.filter { $0.first != nil && $0.second != nil }.count == 3)
        #expect(diff.pairs.filter { $0.second == nil }.count == 1)
        for pair in diff.pairs {
            if let first = pair.first { #expect(first.size == pair.overlap + pair.movedOut + pair.left) }
            if let second = pair.second { #expect(second.size == pair.overlap + pair.movedIn + pair.joined) }
        }
    }

    @Test func identicalRunsMatchPersonaForPersona() throws {
        let pairs: [(Int64, Int32)] = (1...30).map { (Int64($0), Int32($0 % 3 + 1)) }
        let diff = RunDiff(first: try run(4, sizes: [10, 10, 10]), firstMembers: members(pairs),
                           second: try run(5, sizes: [10, 10, 10]), secondMembers: members(pairs))
        #expect(diff.pairs.allSatisfy { $0.overlapShare == 1 && $0.first?.name == $0.second?.name })
        #expect(diff.moved == 0 && diff.moves.isEmpty && diff.stayed == 30)
    }
}
