/// Finds the formulation that maximises `FormulationObjective` under the hard constraints, by
/// depth-first branch and bound over ingredient subsets with a linear program for the levels.
///
/// Candidates are ordered by value, so the first dive finds a good formula, and the bounds
/// (`SearchState+Bounds.swift`) cut most of the tree. Constraints that only tighten as
/// ingredients are added (pH window, incompatible pairs, one grade per substance, minimum cost,
/// minimum irritation, minimum total) prune a branch as soon as they fail. The search is
/// deterministic: same problem, same answer. When `nodeLimit` stops it early, the best formula so
/// far is returned, `provenOptimal` is false and `gap` says how much better one could still be.
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
        /// When stopped early: how much better than `objective` a formula could still be (the
        /// highest bound left unexplored minus `objective`); 0 when proven optimal.
        public var gap: Double

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
        let proven = state.nodes <= problem.nodeLimit
        let gap = proven || !state.bestValue.isFinite ? 0 : max(0, state.openBound - state.bestValue)
        return Result(picks: picks, objective: state.bestValue, covered: covered, nodes: state.nodes,
                      provenOptimal: proven, gap: gap)
    }
}

/// The mutable state of one branch-and-bound run.
struct SearchState {
    struct Incumbent {
        var positions: [Int]
        var levels: [Double]
        var levelPositions: [Double]
    }

    let problem: FormulationProblem
    let limits: FormulationConstraints
    /// Candidate ingredient indices, highest value first.
    let candidates: [Int]
    let values: [Double]            // per candidate position
    let gains: [Double]             // max(value − threshold, 0) per position, non-increasing
    /// Same INCI name → same substance: a formula never holds two grades of one substance.
    let substance: [Int]
    let coverMasks: [UInt64]
    let suffixCover: [UInt64]       // OR of coverMasks from each position on
    let incompatible: [Bool]        // n × n
    let synergistic: [Bool]         // n × n
    let partners: [[Int]]           // synergy partners of each position, ascending
    let suffixMaxPartners: [Int]    // most partners of any position from each position on
    let n: Int

    var chosen: [Int] = []
    var best: Incumbent?
    var bestValue = -Double.infinity
    var nodes = 0
    /// When the node limit stops the search: the highest bound of what was left unexplored.
    var openBound = -Double.infinity

    init(_ problem: FormulationProblem) {
        self.problem = problem
        limits = problem.effectiveConstraints
        let objective = problem.objective
        let all = problem.ingredients.indices.filter { i in
            let ingredient = problem.ingredients[i]
            let usable = ingredient.useLevel.lowerBound >= 0 && ingredient.ph.lowerBound <= ingredient.ph.upperBound
            return usable && (problem.relaxed.contains(.exclusions) || problem.exclusions[ingredient.id] == nil)
        }
        let rawValues = all.map { problem.value(of: $0) }
        // Highest value first; catalogue order breaks ties, so the run is deterministic.
        let order = all.indices.sorted { (rawValues[$0], -$0) > (rawValues[$1], -$1) }
        let candidates = order.map { all[$0] }
        let count = candidates.count
        self.candidates = candidates
        values = order.map { rawValues[$0] }
        gains = values.map { max($0 - objective.threshold, 0) }
        var substances: [String: Int] = [:]
        substance = candidates.map { i in
            let ingredient = problem.ingredients[i]
            let key = ingredient.inciName.isEmpty ? "id:" + ingredient.id : ingredient.inciName.lowercased()
            if let s = substances[key] { return s }
            substances[key] = substances.count
            return substances.count - 1
        }
        let position = Dictionary(candidates.enumerated().map { (problem.ingredients[$0.element].id, $0.offset) }) { first, _ in first }
        var incompatible = [Bool](repeating: false, count: count * count)
        var synergistic = [Bool](repeating: false, count: count * count)
        for (p, i) in candidates.enumerated() {
            let ingredient = problem.ingredients[i]
            for id in ingredient.incompatibilities { if let q = position[id], q != p { incompatible[p * count + q] = true; incompatible[q * count + p] = true } }
            for id in ingredient.synergies { if let q = position[id], q != p { synergistic[p * count + q] = true; synergistic[q * count + p] = true } }
        }
        self.incompatible = incompatible
        self.synergistic = synergistic
        partners = (0..<count).map { p in (0..<count).filter { synergistic[p * count + $0] } }
        var suffixMax = [Int](repeating: 0, count: count + 1)
        for p in stride(from: count - 1, through: 0, by: -1) { suffixMax[p] = max(suffixMax[p + 1], partners[p].count) }
        suffixMaxPartners = suffixMax
        let targets = problem.targetConcerns.prefix(64)
        coverMasks = candidates.map { i -> UInt64 in
            var mask: UInt64 = 0
            for (bit, concern) in targets.enumerated() where problem.ingredients[i].addresses(concern) { mask |= 1 << UInt64(bit) }
            return mask
        }
        var suffix = [UInt64](repeating: 0, count: count + 1)
        for p in stride(from: count - 1, through: 0, by: -1) { suffix[p] = suffix[p + 1] | coverMasks[p] }
        suffixCover = suffix
        n = count
    }

    /// Running totals of the current subset, at every ingredient's lowest level.
    struct Totals {
        var phLow = -Double.infinity, phHigh = Double.infinity
        var lowTotal = 0.0, highTotal = 0.0, lowCost = 0.0, lowIrritation = 0.0
        var covered: UInt64 = 0
        var fixedValue = 0.0   // Σ (value − threshold) at the top of each range, plus synergy
        /// The least the current subset's values fall short of the top of their ranges in any
        /// formula containing it (its packing linear program), and those levels.
        var shortfall = 0.0
        var packing: FormulationLevels?
    }

    mutating func visit(from start: Int, totals: Totals = Totals()) {
        let remainingSlots = limits.maxIngredients - chosen.count
        guard remainingSlots > 0 else { return }
        for p in start..<n {
            nodes += 1
            if nodes > problem.nodeLimit {
                // Stopped: everything from here on at this level is open, and bounded by this.
                openBound = max(openBound, bound(from: p, totals: totals, slots: remainingSlots))
                return
            }
            // Cheap bound first; the finer one only when the cheap one cannot prune.
            if coarseBound(from: p, totals: totals, slots: remainingSlots) <= bestValue + problem.tolerance { return }
            if bound(from: p, totals: totals, slots: remainingSlots) <= bestValue + problem.tolerance { return }
            guard var next = adding(p, to: totals) else { continue }
            chosen.append(p)
            let ingredients = chosen.map { problem.ingredients[candidates[$0]] }
            let chosenValues = chosen.map { values[$0] }
            guard let packing = FormulationLevels.solve(ingredients, values: chosenValues, constraints: limits,
                                                        credit: problem.objective.credit, minimumTotal: false) else {
                chosen.removeLast()
                continue
            }
            next.packing = packing
            next.shortfall = shortfall(chosenValues, packing)
            consider(next)
            visit(from: p + 1, totals: next)
            chosen.removeLast()
            if nodes > problem.nodeLimit {
                if p + 1 < n { openBound = max(openBound, bound(from: p + 1, totals: totals, slots: remainingSlots)) }
                return
            }
        }
    }

    /// The totals with candidate `p` added, or nil when a monotone constraint already fails.
    func adding(_ p: Int, to totals: Totals) -> Totals? {
        let ingredient = problem.ingredients[candidates[p]]
        var t = totals
        if chosen.contains(where: { substance[$0] == substance[p] }) { return nil }
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

    /// How far `values` fall short of the top of their ranges at `levels`.
    func shortfall(_ values: [Double], _ levels: FormulationLevels) -> Double {
        zip(values, levels.positions).reduce(0) { $0 + $1.0 * (1 - problem.objective.credit) * (1 - $1.1) }
    }

    /// Evaluates the current subset exactly (levels by linear program) if it could beat the best.
    mutating func consider(_ totals: Totals) {
        let objective = problem.objective
        let optimistic = objective.coverage * Double(totals.covered.nonzeroBitCount) + totals.fixedValue - totals.shortfall
        guard optimistic > bestValue + 1e-9, totals.highTotal >= limits.actives.lowerBound - 1e-9,
              let packing = totals.packing else { return }
        // The packing optimum is the exact one when it already reaches the actives minimum.
        var levels = packing
        var exact = optimistic
        if packing.levels.reduce(0, +) < limits.actives.lowerBound - 1e-9 {
            let ingredients = chosen.map { problem.ingredients[candidates[$0]] }
            let chosenValues = chosen.map { values[$0] }
            guard let full = FormulationLevels.solve(ingredients, values: chosenValues, constraints: limits, credit: objective.credit) else { return }
            levels = full
            exact = optimistic + totals.shortfall - shortfall(chosenValues, full)
        }
        if exact > bestValue + 1e-9 {
            bestValue = exact
            best = Incumbent(positions: chosen, levels: levels.levels, levelPositions: levels.positions)
        }
    }
}
