/// The bounds that let the branch and bound skip whole subtrees: each is an upper bound on the
/// objective of any formula extending the current subset with ingredients from a position on,
/// and none increases with that position, so the first position whose bound falls to the best
/// formula found ends the loop at its level.
extension SearchState {
    /// An upper bound on the objective of any formula that extends the current subset with at
    /// most `slots` ingredients from position `p` on. It never increases with `p`, so once it
    /// falls to the best formula found, no later position can do better either.
    ///
    /// The current subset counts with its values held down by its packing program (`shortfall`:
    /// more ingredients only tighten the limits). Each new ingredient `q` counts at most
    /// `gain(q) + synergy · (partners in the subset + min(partners from p on, slots − 1) / 2)`
    /// (a pair of new ingredients is shared by both), at most one per substance: the best such
    /// set is found by scanning in gain order until no later ingredient can enter it.
    func bound(from p: Int, totals: Totals, slots: Int) -> Double {
        let objective = problem.objective
        let base = baseBound(from: p, totals: totals)
        let σ = objective.synergy
        let extraCap = σ * (Double(chosen.count) + Double(slots - 1) / 2)
        // Best contribution per substance seen so far (substance, contribution), at most a few dozen.
        var best: [(substance: Int, value: Double)] = []
        var threshold = 0.0   // the slots-th best contribution once `slots` substances are known
        var q = p
        while q < n {
            if gains[q] + extraCap <= threshold { break }
            let s = substance[q]
            if !chosen.contains(where: { substance[$0] == s }) {
                var c = gains[q]
                if σ > 0 {
                    let withChosen = chosen.reduce(0) { $0 + (synergistic[q * n + $1] ? 1 : 0) }
                    let later = partners[q]
                    var low = 0, high = later.count
                    while low < high { let mid = (low + high) / 2; if later[mid] < p { low = mid + 1 } else { high = mid } }
                    c += σ * (Double(withChosen) + Double(min(later.count - low, slots - 1)) / 2)
                }
                if c > threshold {
                    if let i = best.firstIndex(where: { $0.substance == s }) {
                        best[i].value = max(best[i].value, c)
                    } else {
                        best.append((s, c))
                    }
                    // Keep the list short: past 2·slots entries, only the best `slots` can still count.
                    if best.count >= 2 * slots {
                        best.sort { $0.value > $1.value }
                        best.removeLast(best.count - slots)
                    }
                    if best.count >= slots {
                        threshold = best.map(\.value).sorted(by: >)[slots - 1]
                    }
                }
            }
            q += 1
        }
        best.sort { $0.value > $1.value }
        return base + best.prefix(slots).reduce(0) { $0 + $1.value }
    }

    /// Coverage still reachable, plus the current subset's value held down by its packing program.
    func baseBound(from p: Int, totals: Totals) -> Double {
        problem.objective.coverage * Double((totals.covered | suffixCover[p]).nonzeroBitCount) + totals.fixedValue - totals.shortfall
    }

    /// A cheaper, looser bound: the best `slots` gains of distinct substances from `p` on, plus
    /// every synergy pair that could still form (each chosen ingredient with at most `slots` later
    /// partners; the new ones among themselves at most `slots · min(most partners, slots − 1) / 2`).
    func coarseBound(from p: Int, totals: Totals, slots: Int) -> Double {
        var bound = baseBound(from: p, totals: totals)
        var taken: [Int] = chosen.map { substance[$0] }
        var picked = 0
        var q = p
        while picked < slots && q < n && gains[q] > 0 {
            if !taken.contains(substance[q]) {
                bound += gains[q]
                taken.append(substance[q])
                picked += 1
            }
            q += 1
        }
        if problem.objective.synergy > 0 {
            var pairs = 0
            for c in chosen {
                let later = partners[c]
                var low = 0, high = later.count
                while low < high { let mid = (low + high) / 2; if later[mid] < p { low = mid + 1 } else { high = mid } }
                pairs += min(later.count - low, slots)
            }
            pairs += slots * min(suffixMaxPartners[p], slots - 1) / 2
            bound += problem.objective.synergy * Double(pairs)
        }
        return bound
    }
}
