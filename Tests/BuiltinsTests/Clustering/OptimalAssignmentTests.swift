import Testing
@testable import Builtins

/// The Hungarian method against brute force, and the case greedy matching gets wrong.
@Suite struct OptimalAssignmentTests {
    /// The best total over every one-to-one pairing (rows ≤ columns or not), by enumeration.
    func bruteForceBest(_ weights: [[Double]]) -> Double {
        let rows = weights.count, columns = weights.map(\.count).max() ?? 0
        var best = 0.0
        func search(_ row: Int, _ used: Set<Int>, _ total: Double) {
            if row == rows { best = max(best, total); return }
            search(row + 1, used, total)  // this row unassigned
            for column in 0..<columns where !used.contains(column) {
                search(row + 1, used.union([column]), total + weights[row][column])
            }
        }
        search(0, [], 0)
        return best
    }

    func total(_ weights: [[Double]], _ assignment: [Int?]) -> Double {
        assignment.enumerated().reduce(0) { sum, pair in sum + (pair.element.map { weights[pair.offset][$0] } ?? 0) }
    }

    @Test func greedyLosesWhereTheAssignmentDoesNot() {
        let overlaps: [[Double]] = [[5, 4], [4, 0]]
        let assignment = OptimalAssignment.maximizing(overlaps)
        #expect(assignment == [1, 0])
        #expect(total(overlaps, assignment) == 8)
    }

    @Test func matchesBruteForceOnRandomMatrices() {
        var generator = SeededGenerator(seed: 11)
        for trial in 0..<300 {
            let rows = Int.random(in: 1...6, using: &generator), columns = Int.random(in: 1...6, using: &generator)
            let weights = (0..<rows).map { _ in (0..<columns).map { _ in Double(Int.random(in: 0...20, using: &generator)) } }
            let assignment = OptimalAssignment.maximizing(weights)
            #expect(assignment.count == rows)
            let used = assignment.compactMap { $0 }
            #expect(Set(used).count == used.count, "trial \(trial): a column used twice")
            #expect(used.count == min(rows, columns), "trial \(trial)")
            #expect(total(weights, assignment) == bruteForceBest(weights), "trial \(trial): \(weights)")
        }
    }

    @Test func emptyAndRaggedInputs() {
        #expect(OptimalAssignment.maximizing([]) == [])
        #expect(OptimalAssignment.maximizing([[], []]) == [nil, nil])
        // A missing entry weighs 0: row 1 has only column 0.
        #expect(OptimalAssignment.maximizing([[1, 9], [7]]) == [1, 0])
    }
}
