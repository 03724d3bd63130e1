/// The adjusted Rand index between two partitions of the same rows (Hubert & Arabie, 1985).
///
/// Used to compare persona assignments with planted segments, and the Swift host's labels with the Python
/// reference's. 1 means identical partitions (label names do not matter), about 0 means chance agreement, and
/// it can be negative. Computed from the contingency table:
/// ARI = (Σᵢⱼ C(nᵢⱼ,2) − E) / (½(Σᵢ C(aᵢ,2) + Σⱼ C(bⱼ,2)) − E), with E = Σᵢ C(aᵢ,2)·Σⱼ C(bⱼ,2) / C(n,2).
/// When the denominator is 0 (both partitions are a single cluster, or both are all singletons, or n < 2) the
/// partitions are identical and the score is 1, as in sklearn.
public enum AdjustedRandIndex {
    /// ARI between two integer labelings of the same rows.
    public static func score(_ a: [Int32], _ b: [Int32]) -> Double {
        precondition(a.count == b.count, "labelings differ in length")
        return score(dense(a), dense(b), count: a.count)
    }

    /// ARI between two string labelings of the same rows (e.g. cluster ids against `true_segment`).
    public static func score(_ a: [String], _ b: [String]) -> Double {
        precondition(a.count == b.count, "labelings differ in length")
        return score(dense(a), dense(b), count: a.count)
    }

    /// ARI between two labelings of any hashable label type.
    public static func score<A: Hashable, B: Hashable>(labels a: [A], _ b: [B]) -> Double {
        precondition(a.count == b.count, "labelings differ in length")
        return score(dense(a), dense(b), count: a.count)
    }

    private static func dense<T: Hashable>(_ labels: [T]) -> (ids: [Int], classes: Int) {
        var idOf = [T: Int]()
        let ids = labels.map { l in
            if let id = idOf[l] { return id }
            let id = idOf.count
            idOf[l] = id
            return id
        }
        return (ids, idOf.count)
    }

    private static func score(_ a: (ids: [Int], classes: Int), _ b: (ids: [Int], classes: Int), count n: Int) -> Double {
        func pairs(_ x: Int) -> Double { Double(x) * Double(x - 1) / 2 }
        guard n >= 2 else { return 1 }
        var rowSums = [Int](repeating: 0, count: a.classes)
        var columnSums = [Int](repeating: 0, count: b.classes)
        for i in 0..<n {
            rowSums[a.ids[i]] += 1
            columnSums[b.ids[i]] += 1
        }
        var index = 0.0
        if a.classes * b.classes <= 1 << 22 {
            var table = [Int](repeating: 0, count: a.classes * b.classes)
            for i in 0..<n { table[a.ids[i] * b.classes + b.ids[i]] += 1 }
            index = table.reduce(0.0) { $0 + pairs($1) }
        } else {
            // Many classes on both sides: only the non-empty cells.
            var table = [Int: Int]()
            for i in 0..<n { table[a.ids[i] * b.classes + b.ids[i], default: 0] += 1 }
            index = table.values.sorted().reduce(0.0) { $0 + pairs($1) }
        }
        let sumA = rowSums.reduce(0.0) { $0 + pairs($1) }
        let sumB = columnSums.reduce(0.0) { $0 + pairs($1) }
        let expected = sumA * sumB / pairs(n)
        let maximum = (sumA + sumB) / 2
        let denominator = maximum - expected
        if denominator == 0 { return 1 }
        return (index - expected) / denominator
    }
}
