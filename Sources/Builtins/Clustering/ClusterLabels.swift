/// Label bookkeeping shared by every clustering algorithm: canonical numbering, small-cluster merging and
/// per-cluster sizes and centroids.
///
/// Algorithms number clusters arbitrarily (k-means by seed order, Ward by first row); the pipeline wants
/// cluster 0 to be the largest persona, so results are renumbered by size (descending, ties → the cluster
/// containing the earlier row), which also makes labels comparable across algorithms and runs.
public enum ClusterLabels {
    /// Renumbers `labels` (any Int32 values) to 0..<k by cluster size descending; ties go to the cluster whose
    /// first row comes earlier.
    public static func canonical(_ labels: [Int32]) -> [Int32] {
        guard let lo = labels.min(), let hi = labels.max() else { return [] }
        // Dense ids in order of first appearance, then sort the ids by (size desc, first row asc).
        var dense = [Int32](repeating: 0, count: labels.count)
        var sizes = [Int]()
        if lo >= 0 && Int(hi) < max(1 << 20, labels.count) {
            var idOf = [Int32](repeating: -1, count: Int(hi) + 1)
            for (i, l) in labels.enumerated() {
                var id = idOf[Int(l)]
                if id < 0 {
                    id = Int32(sizes.count)
                    idOf[Int(l)] = id
                    sizes.append(0)
                }
                sizes[Int(id)] += 1
                dense[i] = id
            }
        } else {
            var idOf = [Int32: Int32]()
            for (i, l) in labels.enumerated() {
                let id = idOf[l] ?? {
                    let new = Int32(sizes.count)
                    idOf[l] = new
                    sizes.append(0)
                    return new
                }()
                sizes[Int(id)] += 1
                dense[i] = id
            }
        }
        // Dense ids are already in first-appearance order, so a stable sort by size keeps the row tie-break.
        let order = sizes.indices.sorted { (sizes[$0], -$0) > (sizes[$1], -$1) }
        var remap = [Int32](repeating: 0, count: sizes.count)
        for (new, old) in order.enumerated() { remap[old] = Int32(new) }
        return dense.map { remap[Int($0)] }
    }

    /// Rows per cluster for labels in 0..<clusterCount.
    public static func counts(_ labels: [Int32], clusterCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: clusterCount)
        for l in labels { counts[Int(l)] += 1 }
        return counts
    }

    /// Row-major clusterCount × d means of each cluster's rows (labels in 0..<clusterCount; an empty cluster's
    /// centroid is all zeros).
    public static func centroids(_ labels: [Int32], _ X: FeatureMatrix, clusterCount: Int) -> [Double] {
        precondition(labels.count == X.rows, "one label per row")
        let d = X.columns
        var sums = [Double](repeating: 0, count: clusterCount * d)
        var counts = [Int](repeating: 0, count: clusterCount)
        X.values.withUnsafeBufferPointer { v in
            for (i, l) in labels.enumerated() {
                let c = Int(l)
                counts[c] += 1
                for j in 0..<d { sums[c * d + j] += v[i * d + j] }
            }
        }
        for c in 0..<clusterCount where counts[c] > 0 {
            for j in 0..<d { sums[c * d + j] /= Double(counts[c]) }
        }
        return sums
    }

    /// Merges every cluster holding less than `minShare` of the rows into the cluster with the nearest centroid
    /// (squared Euclidean in X's space; ties → the lower canonical number), one at a time, smallest first
    /// (ties → the later canonical cluster), recomputing the merged centroid each time, until no cluster is
    /// below the share or a single cluster remains. Rows are never dropped. Returns canonical labels.
    public static func mergeSmall(_ labels: [Int32], _ X: FeatureMatrix, minShare: Double) -> [Int32] {
        precondition(labels.count == X.rows, "one label per row")
        var current = canonical(labels)
        guard let top = current.max() else { return [] }
        let k = Int(top) + 1
        let d = X.columns
        let n = Double(labels.count)
        var counts = counts(current, clusterCount: k).map(Double.init)
        var centroids = centroids(current, X, clusterCount: k)
        var active = [Bool](repeating: true, count: k)
        var target = Array(0..<k)  // final cluster of each canonical cluster
        var remaining = k
        while remaining > 1 {
            var small = -1
            for c in 0..<k where active[c] && counts[c] / n < minShare {
                if small < 0 || counts[c] <= counts[small] { small = c }
            }
            guard small >= 0 else { break }
            var nearest = -1
            var nearestDistance = Double.infinity
            for c in 0..<k where active[c] && c != small {
                var s = 0.0
                for j in 0..<d {
                    let e = centroids[c * d + j] - centroids[small * d + j]
                    s += e * e
                }
                if s < nearestDistance {
                    nearestDistance = s
                    nearest = c
                }
            }
            let total = counts[nearest] + counts[small]
            for j in 0..<d {
                centroids[nearest * d + j] = (counts[nearest] * centroids[nearest * d + j]
                    + counts[small] * centroids[small * d + j]) / total
            }
            counts[nearest] = total
            counts[small] = 0
            active[small] = false
            for c in 0..<k where target[c] == small { target[c] = nearest }
            remaining -= 1
        }
        if remaining == k { return current }
        for i in current.indices { current[i] = Int32(target[Int(current[i])]) }
        return canonical(current)
    }
}
