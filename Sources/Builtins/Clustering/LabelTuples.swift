/// Several labelings of the same rows, with the rows grouped by their tuple of labels (internal to
/// `Silhouette`).
///
/// Rows sharing a label in every labeling belong to the same cluster in each of them, so once rows are sorted
/// by tuple, any cluster's distance sum is a sum over a few contiguous runs. Labelings of one data set at
/// k = 2…6 produce few distinct tuples (nested ones, like Ward cuts, at most max k), so the silhouette of all
/// of them costs one pass over the pairwise distances.
struct LabelTuples {
    /// Per labeling, cluster ids made dense (0..<clusters, in order of first row).
    let dense: [[Int32]]
    /// Per labeling, rows per dense cluster.
    let clusterCounts: [[Int]]
    /// Rows in tuple order: `order[position]` is the row at that position.
    let order: [Int]
    /// Number of distinct tuples.
    let groupCount: Int
    /// Positions of tuple g are `groupStart[g]..<groupStart[g + 1]`.
    let groupStart: [Int]
    /// Dense cluster of tuple g in labeling l, at `groupLabel[g * labelings + l]`.
    let groupLabel: [Int32]

    init(_ labelings: [[Int32]], rows m: Int) {
        var dense = [[Int32]]()
        var clusterCounts = [[Int]]()
        for labels in labelings {
            var idOf = [Int32: Int32]()
            var ids = [Int32](repeating: 0, count: m)
            var counts = [Int]()
            for (i, l) in labels.enumerated() {
                let id = idOf[l] ?? {
                    let new = Int32(counts.count)
                    idOf[l] = new
                    counts.append(0)
                    return new
                }()
                counts[Int(id)] += 1
                ids[i] = id
            }
            dense.append(ids)
            clusterCounts.append(counts)
        }
        // Refine the grouping one labeling at a time: (group so far, label) → new dense group id.
        var group = [Int](repeating: 0, count: m)
        var groups = m > 0 ? 1 : 0
        for (l, ids) in dense.enumerated() {
            var idOf = [Int: Int]()
            let k = clusterCounts[l].count
            for i in 0..<m {
                let key = group[i] * k + Int(ids[i])
                if let id = idOf[key] {
                    group[i] = id
                } else {
                    group[i] = idOf.count
                    idOf[key] = idOf.count
                }
            }
            groups = idOf.count
        }
        var groupStart = [Int](repeating: 0, count: groups + 1)
        for g in group { groupStart[g + 1] += 1 }
        for g in 0..<groups { groupStart[g + 1] += groupStart[g] }
        var order = [Int](repeating: 0, count: m)
        var fill = groupStart
        for i in 0..<m {
            order[fill[group[i]]] = i
            fill[group[i]] += 1
        }
        let L = labelings.count
        var groupLabel = [Int32](repeating: 0, count: groups * L)
        for g in 0..<groups {
            let row = order[groupStart[g]]
            for l in 0..<L { groupLabel[g * L + l] = dense[l][row] }
        }
        self.dense = dense
        self.clusterCounts = clusterCounts
        self.order = order
        self.groupCount = groups
        self.groupStart = groupStart
        self.groupLabel = groupLabel
    }
}
