/// Whole-number shares of a total under per-item limits: the two steps the mix planner uses for
/// personas (weights = target midpoints, limits = caps and upsampled availability) and for trait
/// groups within a persona (weights = raked weights, limits = group capacities).
enum Apportion {
    /// Splits `total` (at most the sum of `limits`) in proportion to `weights` without passing
    /// any limit: continuous water-filling (xᵢ = min(limitᵢ, λ·weightᵢ), λ chosen so the xᵢ add
    /// up), then, if every item with weight is full and some of the total is left, the same
    /// again over the remaining room with `fallback` weights; finally whole numbers by largest
    /// remainder. The result adds up to exactly min(total, Σ limits) and never passes a limit.
    static func fill(total: Int, weights: [Double], limits: [Int], fallback: [Double]) -> [Int] {
        let n = weights.count
        let limits = limits.map { max(0, $0) }
        let goal = min(max(0, total), limits.reduce(0) { $0 &+ $1 < 0 ? Int.max : $0 + $1 })
        var x = [Double](repeating: 0, count: n)
        var left = Double(goal)
        left = water(&x, left: left, weights: weights, limits: limits)
        if left > 0.5 {
            _ = water(&x, left: left, weights: fallback, limits: limits)
        }
        return largestRemainder(x, total: goal, limits: limits)
    }

    /// Splits `total` by target ranges, in stages, so that as many ranges as the data allows are
    /// met: first every item up to the bottom of its range (`lower`, shares of `total`; in
    /// proportion to those bottoms when they add up to more than the total), then towards the
    /// top of its range (in proportion to the width of the range), then past it in proportion
    /// to `weights`, then to `fallback`; never past a limit. Whole numbers by largest remainder;
    /// the result adds up to exactly min(total, Σ limits).
    static func fillByRanges(total: Int, lower: [Double], upper: [Double], weights: [Double], limits: [Int], fallback: [Double]) -> [Int] {
        let n = weights.count
        let limits = limits.map { max(0, $0) }
        let goal = min(max(0, total), limits.reduce(0) { $0 &+ $1 < 0 ? Int.max : $0 + $1 })
        let size = Double(max(0, total))
        var x = [Double](repeating: 0, count: n)
        var left = Double(goal)
        let bottoms = (0..<n).map { min(Double(limits[$0]), max(0, lower[$0]) * size) }
        left = water(&x, left: left, weights: lower, caps: bottoms)
        let tops = (0..<n).map { min(Double(limits[$0]), max(bottoms[$0], upper[$0] * size)) }
        left = water(&x, left: left, weights: (0..<n).map { max(0, upper[$0] - lower[$0]) }, caps: tops)
        left = water(&x, left: left, weights: weights, caps: limits.map(Double.init))
        if left > 0.5 { _ = water(&x, left: left, weights: fallback, caps: limits.map(Double.init)) }
        return largestRemainder(x, total: goal, limits: limits)
    }

    /// Continuous water-filling of `left` into `x` over the items with positive weight and room;
    /// returns what could not be placed.
    private static func water(_ x: inout [Double], left: Double, weights: [Double], limits: [Int]) -> Double {
        water(&x, left: left, weights: weights, caps: limits.map(Double.init))
    }

    /// Water-filling up to real-valued caps.
    private static func water(_ x: inout [Double], left: Double, weights: [Double], caps limits: [Double]) -> Double {
        var left = left
        var active: [Int] = []
        for i in weights.indices where weights[i] > 0 && weights[i].isFinite && limits[i] - x[i] > 1e-9 {
            active.append(i)
        }
        while left > 0 && !active.isEmpty {
            let sum = active.reduce(0.0) { $0 + weights[$1] }
            let lambda = left / sum
            var saturated = false
            var still: [Int] = []
            for i in active {
                let room = limits[i] - x[i]
                if room <= lambda * weights[i] {
                    x[i] += room
                    left -= room
                    saturated = true
                } else {
                    still.append(i)
                }
            }
            if !saturated {
                for i in active { x[i] += lambda * weights[i] }
                return 0
            }
            active = still
        }
        return max(0, left)
    }

    /// Rounds `values` (each within its limit) to whole numbers adding up to `total`: floors
    /// first, then one more to the largest fractional parts (ties to the earlier item), never
    /// passing a limit.
    static func largestRemainder(_ values: [Double], total: Int, limits: [Int]) -> [Int] {
        var result = values.indices.map { i -> Int in
            let v = values[i]
            guard v.isFinite, v > 0 else { return 0 }
            return min(limits[i], v >= 9.0e18 ? Int.max : Int(v.rounded(.down)))
        }
        var deficit = total - result.reduce(0, +)
        let order = values.indices.sorted { a, b in
            let fa = values[a] - values[a].rounded(.down), fb = values[b] - values[b].rounded(.down)
            return fa != fb ? fa > fb : a < b
        }
        while deficit > 0 {
            var gave = false
            for i in order where deficit > 0 && result[i] < limits[i] {
                result[i] += 1
                deficit -= 1
                gave = true
            }
            if !gave { break }
        }
        while deficit < 0 {
            var took = false
            for i in order.reversed() where deficit < 0 && result[i] > 0 {
                result[i] -= 1
                deficit += 1
                took = true
            }
            if !took { break }
        }
        return result
    }
}
