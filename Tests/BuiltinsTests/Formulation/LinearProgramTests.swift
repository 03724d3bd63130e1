import Testing
@testable import Builtins

@Suite struct FormulationLinearProgramTests {
    /// The optimum, or nil when the outcome is infeasible or unbounded.
    private func optimum(_ lp: LinearProgram) -> (x: [Double], value: Double)? {
        if case .optimal(let x, let value) = lp.solve() { return (x, value) }
        return nil
    }

    @Test func textbookMaximum() throws {
        // max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18: optimum 36 at (2, 6).
        var lp = LinearProgram(maximizing: [3, 5])
        lp.bound(0, atMost: 4)
        lp.require([0, 2], atMost: 12)
        lp.require([3, 2], atMost: 18)
        let (x, value) = try #require(optimum(lp))
        #expect(abs(value - 36) < 1e-9)
        #expect(abs(x[0] - 2) < 1e-9 && abs(x[1] - 6) < 1e-9)
    }

    @Test func atLeastRowsNeedPhaseOne() throws {
        // min x + y (max −x − y), x + 2y ≥ 4, 3x + y ≥ 6: optimum 2.8 at (1.6, 1.2).
        var lp = LinearProgram(maximizing: [-1, -1])
        lp.require([1, 2], atLeast: 4)
        lp.require([3, 1], atLeast: 6)
        let (x, value) = try #require(optimum(lp))
        #expect(abs(value + 2.8) < 1e-9)
        #expect(abs(x[0] - 1.6) < 1e-9 && abs(x[1] - 1.2) < 1e-9)
    }

    @Test func equalityWrittenAsTwoRowsAndRedundantRows() throws {
        // x + y = 2 (three times over, one scaled), max x − y: optimum 2 at (2, 0).
        var lp = LinearProgram(maximizing: [1, -1])
        lp.require([1, 1], atLeast: 2)
        lp.require([2, 2], atLeast: 4)
        lp.require([1, 1], atMost: 2)
        let (x, value) = try #require(optimum(lp))
        #expect(abs(value - 2) < 1e-9)
        #expect(abs(x[0] - 2) < 1e-9 && abs(x[1]) < 1e-9)
    }

    @Test func infeasible() {
        var lp = LinearProgram(maximizing: [1, 1])
        lp.require([1, 1], atMost: 2)
        lp.require([1, 1], atLeast: 3)
        #expect(lp.solve() == .infeasible)
        var negative = LinearProgram(maximizing: [1])
        negative.require([1], atMost: -1)   // x ≤ −1 with x ≥ 0
        #expect(negative.solve() == .infeasible)
        // Infeasible by only 1e-4; touching (x ≤ 1, x ≥ 1) is feasible.
        var barely = LinearProgram(maximizing: [1, 1])
        barely.require([1, 1], atMost: 1)
        barely.require([1, 1], atLeast: 1.0001)
        #expect(barely.solve() == .infeasible)
        var touching = LinearProgram(maximizing: [-1])
        touching.bound(0, atMost: 1)
        touching.require([1], atLeast: 1)
        #expect(touching.solve() == .optimal(x: [1], value: -1))
    }

    @Test func unbounded() {
        var lp = LinearProgram(maximizing: [1, 1])
        lp.require([1, -1], atMost: 1)
        #expect(lp.solve() == .unbounded)
        var phaseOne = LinearProgram(maximizing: [0, 1])
        phaseOne.require([1, 1], atLeast: 3)
        phaseOne.bound(0, atMost: 1)
        #expect(phaseOne.solve() == .unbounded)
        #expect(LinearProgram(maximizing: [2]).solve() == .unbounded)
    }

    @Test func noRowsAndNonPositiveObjectiveIsTheOrigin() throws {
        let (x, value) = try #require(optimum(LinearProgram(maximizing: [-1, 0])))
        #expect(x == [0, 0] && value == 0)
    }

    @Test func bealeDegenerateExampleTerminates() throws {
        // Beale's example, on which Dantzig's rule cycles: optimum 1 at (1, 0, 1, 0).
        var lp = LinearProgram(maximizing: [10, -57, -9, -24])
        lp.require([0.5, -5.5, -2.5, 9], atMost: 0)
        lp.require([0.5, -1.5, -0.5, 1], atMost: 0)
        lp.require([1, 0, 0, 0], atMost: 1)
        let (x, value) = try #require(optimum(lp))
        #expect(abs(value - 1) < 1e-9)
        #expect(zip(x, [1, 0, 1, 0] as [Double]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func degenerateVertexWithManyTightRows() throws {
        // Four rows through (1, 1); max x + y = 2 there.
        var lp = LinearProgram(maximizing: [1, 1])
        lp.require([1, 0], atMost: 1)
        lp.require([0, 1], atMost: 1)
        lp.require([1, 1], atMost: 2)
        lp.require([2, 1], atMost: 3)
        lp.require([1, 1], atLeast: 2)
        let (x, value) = try #require(optimum(lp))
        #expect(abs(value - 2) < 1e-9)
        #expect(abs(x[0] - 1) < 1e-9 && abs(x[1] - 1) < 1e-9)
    }

    @Test(arguments: [false, true])
    func randomProgramsMatchVertexEnumeration(integral: Bool) {
        var rng = SeededGenerator(seed: integral ? 11 : 12)
        var optimal = 0, infeasible = 0
        for _ in 0..<400 {
            let n = 2 + rng.nextInt(below: 3)
            func draw(_ range: ClosedRange<Double>) -> Double {
                let v = FormulationFixtures.uniform(&rng, range)
                return integral ? v.rounded() : v
            }
            var lp = LinearProgram(maximizing: (0..<n).map { _ in draw(-3...3) })
            var rows: [(a: [Double], b: Double)] = []   // all as a·x ≤ b
            for _ in 0..<(1 + rng.nextInt(below: 6)) {
                let a = (0..<n).map { _ in draw(-3...3) }, b = draw(-4...12)
                if rng.nextDouble() < 0.5 {
                    lp.require(a, atMost: b); rows.append((a, b))
                } else {
                    lp.require(a, atLeast: b); rows.append((a.map { -$0 }, -b))
                }
            }
            for i in 0..<n {
                let top = 3 + draw(0...5)
                lp.bound(i, atMost: top)
                rows.append(((0..<n).map { $0 == i ? 1 : 0 }, top))
            }
            let reference = LPReference.bestVertex(objective: lp.objective, rows: rows)
            switch (lp.solve(), reference) {
            case (.optimal(let x, let value), .some(let best)):
                optimal += 1
                #expect(abs(value - best) < 1e-6, "value \(value) vs vertices \(best): \(rows)")
                #expect(LPReference.feasible(x, rows, tolerance: 1e-7), "x \(x) infeasible: \(rows)")
                #expect(abs(zip(lp.objective, x).reduce(0) { $0 + $1.0 * $1.1 } - value) < 1e-9)
            case (.infeasible, .none):
                infeasible += 1
            case (let outcome, let best):
                Issue.record("solver \(outcome) vs vertex enumeration \(String(describing: best)): \(lp.objective) \(rows)")
            }
        }
        #expect(optimal > 100 && infeasible > 10)   // both branches exercised
    }
}

/// Brute-force vertex enumeration for tiny programs: every basic solution of n tight constraints.
enum LPReference {
    static func feasible(_ x: [Double], _ rows: [(a: [Double], b: Double)], tolerance: Double) -> Bool {
        x.allSatisfy { $0 >= -tolerance } && rows.allSatisfy { zip($0.a, x).reduce(0) { $0 + $1.0 * $1.1 } <= $0.b + tolerance }
    }

    static func bestVertex(objective c: [Double], rows: [(a: [Double], b: Double)]) -> Double? {
        let n = c.count
        let all = rows + (0..<n).map { i in ((0..<n).map { $0 == i ? -1.0 : 0 }, 0.0) }
        var best: Double?
        func choose(_ start: Int, _ picked: [Int]) {
            if picked.count == n {
                guard let x = solve(picked.map { all[$0].a }, picked.map { all[$0].b }), feasible(x, rows, tolerance: 1e-9) else { return }
                let value = zip(c, x).reduce(0) { $0 + $1.0 * $1.1 }
                best = max(best ?? value, value)
                return
            }
            guard start < all.count else { return }
            for k in start..<all.count { choose(k + 1, picked + [k]) }
        }
        choose(0, [])
        return best
    }

    /// Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = zip(a, b).map { $0 + [$1] }
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            guard abs(m[pivot][col]) > 1e-12 else { return nil }
            m.swapAt(col, pivot)
            for r in 0..<n where r != col {
                let f = m[r][col] / m[col][col]
                for k in col...n { m[r][k] -= f * m[col][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }
}
