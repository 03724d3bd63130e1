/// Chooses use levels for a fixed set of ingredients: the linear program that maximises the
/// level-dependent part of the objective under the actives range, the budget and the irritation
/// limit, each level within its ingredient's range.
///
/// Variables are `yᵢ = levelᵢ − lowᵢ ∈ [0, highᵢ − lowᵢ]`, so "every level at least its minimum"
/// is free and the rows are the three coupling limits.
struct FormulationLevels {
    /// The levels chosen, percent, in the order of the ingredients passed.
    var levels: [Double]
    /// Each level's position in its range, 0–1.
    var positions: [Double]

    /// The best levels for `ingredients` worth `values`, or nil when no levels satisfy the limits.
    /// Without `minimumTotal`, the actives range's lower end is left out: the packing problem
    /// whose optimum bounds what these ingredients can give in any larger formula (more
    /// ingredients only use up more of each limit).
    static func solve(_ ingredients: [Ingredient], values: [Double], constraints: FormulationConstraints,
                      credit: Double, minimumTotal: Bool = true) -> FormulationLevels? {
        let n = ingredients.count
        let widths = ingredients.map { $0.useLevel.upperBound - $0.useLevel.lowerBound }
        let lows = ingredients.map(\.useLevel.lowerBound)
        let objective = (0..<n).map { i in widths[i] > 0 ? values[i] * (1 - credit) / widths[i] : 0 }
        var program = LinearProgram(maximizing: objective)
        let ones = [Double](repeating: 1, count: n)
        let lowTotal = lows.reduce(0, +)
        program.require(ones, atMost: constraints.actives.upperBound - lowTotal)
        if minimumTotal && constraints.actives.lowerBound > lowTotal {
            program.require(ones, atLeast: constraints.actives.lowerBound - lowTotal)
        }
        if constraints.budget.isFinite {
            let costs = ingredients.map { $0.costPerKilogram(atLevel: 1) }
            program.require(costs, atMost: constraints.budget - zip(costs, lows).reduce(0) { $0 + $1.0 * $1.1 })
        }
        if constraints.maxIrritation.isFinite {
            let irritation = ingredients.map { $0.irritation(atLevel: 1) }
            program.require(irritation, atMost: constraints.maxIrritation - zip(irritation, lows).reduce(0) { $0 + $1.0 * $1.1 })
        }
        for i in 0..<n { program.bound(i, atMost: widths[i]) }
        guard case .optimal(let y, _) = program.solve() else { return nil }
        let levels = (0..<n).map { min(lows[$0] + y[$0], ingredients[$0].useLevel.upperBound) }
        let positions = (0..<n).map { widths[$0] > 0 ? min(max(y[$0] / widths[$0], 0), 1) : 1 }
        return FormulationLevels(levels: levels, positions: positions)
    }
}
