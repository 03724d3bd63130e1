/// A small linear program, `maximize c·x subject to A x ≤ b, x ≥ 0`, solved exactly by the
/// two-phase simplex method with Bland's rule (which cannot cycle).
///
/// The formulation search uses it to choose use levels: a handful of variables and rows, solved
/// thousands of times per search, so it is a dense tableau with no allocation per pivot. Rows with
/// a negative right-hand side (`Σ x ≥ 5` written as `−Σ x ≤ −5`) are what phase one is for.
public struct LinearProgram: Sendable {
    /// What solving found.
    public enum Outcome: Sendable, Equatable {
        /// The best `x` and its objective value.
        case optimal(x: [Double], value: Double)
        /// No `x` satisfies every row.
        case infeasible
        /// The objective grows without limit.
        case unbounded
    }

    /// Objective coefficients, one per variable.
    public var objective: [Double]
    /// Constraint rows `coefficients · x ≤ bound`.
    public private(set) var rows: [(coefficients: [Double], bound: Double)] = []

    /// A program over `objective.count` non-negative variables.
    public init(maximizing objective: [Double]) {
        self.objective = objective
    }

    /// Adds `coefficients · x ≤ bound`.
    public mutating func require(_ coefficients: [Double], atMost bound: Double) {
        precondition(coefficients.count == objective.count, "one coefficient per variable")
        rows.append((coefficients, bound))
    }

    /// Adds `coefficients · x ≥ bound`.
    public mutating func require(_ coefficients: [Double], atLeast bound: Double) {
        require(coefficients.map { -$0 }, atMost: -bound)
    }

    /// Adds `x[variable] ≤ bound`.
    public mutating func bound(_ variable: Int, atMost bound: Double) {
        var row = [Double](repeating: 0, count: objective.count)
        row[variable] = 1
        require(row, atMost: bound)
    }

    /// Solves the program.
    public func solve() -> Outcome {
        var tableau = Tableau(self)
        if tableau.artificialCount > 0 {
            tableau.setPhaseOneObjective()
            guard tableau.pivotToOptimum() else { return .unbounded }   // cannot happen: phase one is bounded
            if tableau.objectiveValue < -Tableau.tolerance * Double(max(1, rows.count)) { return .infeasible }
            tableau.driveOutArtificials()
        }
        tableau.setObjective(objective)
        guard tableau.pivotToOptimum() else { return .unbounded }
        let x = tableau.solution(variables: objective.count)
        let value = zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
        return .optimal(x: x, value: value)
    }
}

/// The dense simplex tableau behind `LinearProgram.solve()`.
private struct Tableau {
    static let tolerance = 1e-9

    let rowCount: Int
    let columnCount: Int          // variables + slacks + artificials
    let firstArtificial: Int
    let artificialCount: Int
    /// `rowCount` constraint rows then the objective row; each row has `columnCount + 1` cells (last = rhs).
    var cells: [Double]
    var basis: [Int]

    init(_ program: LinearProgram) {
        let n = program.objective.count
        let m = program.rows.count
        let negative = program.rows.filter { $0.bound < 0 }.count
        rowCount = m
        firstArtificial = n + m
        artificialCount = negative
        columnCount = n + m + negative
        cells = [Double](repeating: 0, count: (m + 1) * (columnCount + 1))
        basis = [Int](repeating: 0, count: m)
        var artificial = firstArtificial
        for (i, row) in program.rows.enumerated() {
            let sign: Double = row.bound < 0 ? -1 : 1
            for j in 0..<n { self[i, j] = sign * row.coefficients[j] }
            self[i, n + i] = sign
            self[i, columnCount] = sign * row.bound
            if row.bound < 0 {
                self[i, artificial] = 1
                basis[i] = artificial
                artificial += 1
            } else {
                basis[i] = n + i
            }
        }
    }

    subscript(row: Int, column: Int) -> Double {
        get { cells[row * (columnCount + 1) + column] }
        set { cells[row * (columnCount + 1) + column] = newValue }
    }

    /// The objective row holds reduced costs; its rhs cell holds minus the objective value.
    var objectiveValue: Double { -self[rowCount, columnCount] }

    /// Phase one: maximise −Σ artificials.
    mutating func setPhaseOneObjective() {
        var costs = [Double](repeating: 0, count: columnCount)
        for j in firstArtificial..<columnCount { costs[j] = -1 }
        setCosts(costs)
    }

    mutating func setObjective(_ objective: [Double]) {
        var costs = [Double](repeating: 0, count: columnCount)
        for (j, c) in objective.enumerated() { costs[j] = c }
        setCosts(costs)
    }

    /// Writes reduced costs `c − c_B B⁻¹ A` for `costs` into the objective row.
    private mutating func setCosts(_ costs: [Double]) {
        for j in 0...columnCount { self[rowCount, j] = j < columnCount ? costs[j] : 0 }
        for (i, b) in basis.enumerated() where costs[b] != 0 {
            let factor = costs[b]
            for j in 0...columnCount { self[rowCount, j] -= factor * self[i, j] }
        }
    }

    /// Pivots until no reduced cost is positive (Bland's rule). False when unbounded.
    mutating func pivotToOptimum() -> Bool {
        let entering = firstArtificial   // artificials never re-enter
        while true {
            guard let column = (0..<entering).first(where: { self[rowCount, $0] > Tableau.tolerance }) else { return true }
            var leaving = -1
            var best = Double.infinity
            for i in 0..<rowCount where self[i, column] > Tableau.tolerance {
                let ratio = self[i, columnCount] / self[i, column]
                if ratio < best - Tableau.tolerance || (abs(ratio - best) <= Tableau.tolerance && leaving >= 0 && basis[i] < basis[leaving]) {
                    best = ratio
                    leaving = i
                }
            }
            if leaving < 0 { return false }
            pivot(row: leaving, column: column)
        }
    }

    /// After phase one, replaces artificials still basic (at zero) by any real column of their row.
    mutating func driveOutArtificials() {
        for i in 0..<rowCount where basis[i] >= firstArtificial {
            if let column = (0..<firstArtificial).first(where: { abs(self[i, $0]) > Tableau.tolerance }) {
                pivot(row: i, column: column)
            }
        }
    }

    mutating func pivot(row: Int, column: Int) {
        let width = columnCount + 1
        let p = self[row, column]
        for j in 0..<width { self[row, j] /= p }
        for i in 0...rowCount where i != row {
            let factor = self[i, column]
            if factor == 0 { continue }
            for j in 0..<width { cells[i * width + j] -= factor * cells[row * width + j] }
        }
        basis[row] = column
    }

    func solution(variables: Int) -> [Double] {
        var x = [Double](repeating: 0, count: variables)
        for (i, b) in basis.enumerated() where b < variables { x[b] = max(0, self[i, columnCount]) }
        return x
    }
}
