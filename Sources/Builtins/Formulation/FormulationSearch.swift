/// Finds the formulation that maximises `FormulationObjective` under the hard constraints, by
/// depth-first branch and bound over ingredient subsets with a linear program for the levels.
///
/// Candidates are ordered by their best possible contribution, so the first dive finds a good
/// formula and the bound (coverage still reachable + the best remaining contributions) cuts most
/// of the tree. Constraints that only tighten as ingredients are added (pH window, incompatible
/// pairs, minimum cost, minimum irritation, minimum total) prune a branch as soon as they fail.
/// The search is deterministic: same problem, same answer. When `nodeLimit` stops it early, the
/// best formula so far is returned and `provenOptimal` is false.
public struct FormulationSearch: Sendable {
    /// One chosen ingredient and its level.
    public struct Pick: Sendable, Hashable {
        /// Index into the problem's `ingredients`.
        public var index: Int
        /// Use level, percent.
        public var level: Double
        /// Position of the level in the ingredient's range, 0–1.
        public var position: Double
    }

    /// What the search found.
    public struct Result: Sendable {
        /// The chosen ingredients in catalogue order; empty when no formula satisfies the constraints.
        public var picks: [Pick]
        /// The objective value (−∞ when nothing is feasible).
        public var objective: Double
        /// Target concerns the formula covers, in request order.
        public var covered: [String]
        /// Search nodes visited.
        public var nodes: Int
        /// False when the node limit stopped the search.
        public var provenOptimal: Bool

        public var isFeasible: Bool { !picks.isEmpty }
    }

    public let problem: FormulationProblem

    public init(_ problem: FormulationProblem) {
        self.problem = problem
    }

    public func run() -> Result {
        var state = SearchState(problem)
        state.visit(from: 0)
        let picks = state.best.map { best in
            zip(best.positions, zip(best.levels, best.levelPositions)).map { position, pair in
                Pick(index: state.candidates[position], level: pair.0, position: pair.1)
            }.sorted { $0.index < $1.index }
        } ?? []
        let covered = problem.targetConcerns.filter { concern in
            picks.contains { problem.ingredients[$0.index].addresses(concern) }
        }
        return Result(picks: picks, objective: state.bestValue, covered: covered, nodes: state.nodes,
                      provenOptimal: state.nodes <= problem.nodeLimit)
    }
}

/// The mutable state of one branch-and-bound run.
private struct SearchState {
    struct Incumbent {
        var positions: [Int]
        var levels: [Double]
        var levelPositions: [Double]
    }

    let problem: FormulationProblem
    let limits: FormulationConstraints
    /// Candidate ingredient indices, best possible contribution first.
    let candidates: [Int]
    let values: [Double]            // per candidate position
    let optimistic: [Double]        // best possible contribution per position
    let prefixPositive: [Double]    // Σ max(optimistic, 0) before each position
    let coverMasks: [UInt64]
    let suffixCover: [UInt64]       // OR of coverMasks from each position on
    let incompatible: [Bool]        // n × n
    let synergistic: [Bool]         // n × n
    let n: Int

    var chosen: [Int] = []
    var best: Incumbent?
    var bestValue = -Double.infinity
    var nodes = 0

    init(_ problem: FormulationProblem) {
        self.problem = problem
        limits = problem.effectiveConstraints
        let objective = problem.objective
        let all = problem.ingredients.indices.filter { i in
            let ingredient = problem.ingredients[i]
            let usable = ingredient.useLevel.lowerBound >= 0 && ingredient.ph.lowerBound <= ingredient.ph.upperBound
            return usable && (problem.relaxed.contains(.exclusions) || problem.exclusions[ingredient.id] == nil)
        }
        let targets = problem.targetConcerns.prefix(64)
        let position = Dictionary(all.enumerated().map { (problem.ingredients[$0.element].id, $0.offset) }) { first, _ in first }
        let count = all.count
        var incompatible = [Bool](repeating: false, count: count * count)
        var synergistic = [Bool](repeating: false, count: count * count)
        for (p, i) in all.enumerated() {
            let ingredient = problem.ingredients[i]
            for id in ingredient.incompatibilities { if let q = position[id], q != p { incompatible[p * count + q] = true; incompatible[q * count + p] = true } }
            for id in ingredient.synergies { if let q = position[id], q != p { synergistic[p * count + q] = true; synergistic[q * count + p] = true } }
        }
        let slots = Double(max(0, limits.maxIngredients - 1))
        let rawValues = all.map { problem.value(of: $0) }
        let rawOptimistic = (0..<count).map { p -> Double in
            let partners = Double((0..<count).filter { synergistic[p * count + $0] }.count)
            return rawValues[p] - objective.threshold + objective.synergy * min(partners, slots)
        }
        let rawMasks = all.map { i -> UInt64 in
            var mask: UInt64 = 0
            for (bit, concern) in targets.enumerated() where problem.ingredients[i].addresses(concern) { mask |= 1 << UInt64(bit) }
            return mask
        }
        // Best possible contribution first; catalogue order breaks ties, so the run is deterministic.
        let order = (0..<count).sorted { (rawOptimistic[$0], -$0) > (rawOptimistic[$1], -$1) }
        candidates = order.map { all[$0] }
        values = order.map { rawValues[$0] }
        optimistic = order.map { rawOptimistic[$0] }
        coverMasks = order.map { rawMasks[$0] }
        self.incompatible = order.flatMap { p in order.map { q in incompatible[p * count + q] } }
        self.synergistic = order.flatMap { p in order.map { q in synergistic[p * count + q] } }
        n = count
        var prefix = [Double](repeating: 0, count: count + 1)
        for p in 0..<count { prefix[p + 1] = prefix[p] + max(optimistic[p], 0) }
        prefixPositive = prefix
        var suffix = [UInt64](repeating: 0, count: count + 1)
        for p in stride(from: count - 1, through: 0, by: -1) { suffix[p] = suffix[p + 1] | coverMasks[p] }
        suffixCover = suffix
    }

    /// Running totals of the current subset, at every ingredient's lowest level.
    struct Totals {
        var phLow = -Double.infinity, phHigh = Double.infinity
        var lowTotal = 0.0, highTotal = 0.0, lowCost = 0.0, lowIrritation = 0.0
        var covered: UInt64 = 0
        var fixedValue = 0.0   // Σ (value − threshold) at the top of each range, plus synergy
    }

    mutating func visit(from start: Int, totals: Totals = Totals()) {
        let objective = problem.objective
        let remainingSlots = limits.maxIngredients - chosen.count
        guard remainingSlots > 0 else { return }
        for p in start..<n {
            nodes += 1
            if nodes > problem.nodeLimit { return }
            let reachable = (totals.covered | suffixCover[p]).nonzeroBitCount
            let bound = objective.coverage * Double(reachable) + totals.fixedValue
                + prefixPositive[min(p + remainingSlots, n)] - prefixPositive[p]
            if bound <= bestValue + 1e-9 { return }   // later positions have smaller bounds still
            guard let next = adding(p, to: totals) else { continue }
            chosen.append(p)
            consider(next)
            visit(from: p + 1, totals: next)
            chosen.removeLast()
        }
    }

    /// The totals with candidate `p` added, or nil when a monotone constraint already fails.
    func adding(_ p: Int, to totals: Totals) -> Totals? {
        let ingredient = problem.ingredients[candidates[p]]
        var t = totals
        if !problem.relaxed.contains(.incompatibility), chosen.contains(where: { incompatible[p * n + $0] }) { return nil }
        if !problem.relaxed.contains(.ph) {
            t.phLow = max(t.phLow, ingredient.ph.lowerBound)
            t.phHigh = min(t.phHigh, ingredient.ph.upperBound)
            if t.phLow > t.phHigh { return nil }
        }
        let low = ingredient.useLevel.lowerBound
        t.lowTotal += low
        t.highTotal += ingredient.useLevel.upperBound
        t.lowCost += ingredient.costPerKilogram(atLevel: low)
        t.lowIrritation += ingredient.irritation(atLevel: low)
        if t.lowTotal > limits.actives.upperBound + 1e-9 || t.lowCost > limits.budget + 1e-9
            || t.lowIrritation > limits.maxIrritation + 1e-9 { return nil }
        t.covered |= coverMasks[p]
        let pairs = chosen.filter { synergistic[p * n + $0] }.count
        t.fixedValue += values[p] - problem.objective.threshold + problem.objective.synergy * Double(pairs)
        return t
    }

    /// Evaluates the current subset exactly (levels by linear program) if it could beat the best.
    mutating func consider(_ totals: Totals) {
        let objective = problem.objective
        let optimistic = objective.coverage * Double(totals.covered.nonzeroBitCount) + totals.fixedValue
        guard optimistic > bestValue + 1e-9, totals.highTotal >= limits.actives.lowerBound - 1e-9 else { return }
        let ingredients = chosen.map { problem.ingredients[candidates[$0]] }
        let chosenValues = chosen.map { values[$0] }
        guard let levels = FormulationLevels.solve(ingredients, values: chosenValues, constraints: limits, credit: objective.credit) else { return }
        let shortfall = zip(chosenValues, levels.positions).reduce(0) { $0 + $1.0 * (1 - objective.credit) * (1 - $1.1) }
        let exact = optimistic - shortfall
        if exact > bestValue + 1e-9 {
            bestValue = exact
            best = Incumbent(positions: chosen, levels: levels.levels, levelPositions: levels.positions)
        }
    }
}
