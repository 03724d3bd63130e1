/// The silhouette coefficient (Euclidean), the score that picks the number of personas.
///
/// For row i in cluster A: a = mean distance to the other rows of A, b = the smallest mean distance to the rows
/// of another cluster, s = (b − a) / max(a, b); s = 0 when A has one row (or a = b = 0). The score is the mean
/// of s, exactly as sklearn's `silhouette_score`. It is O(n²), so above `sampleSize` rows (default 10,000, the
/// reference's setting) it is computed, as sklearn's `sample_size` does, on a seeded uniform sample: only the
/// sample rows and the distances among them. Undefined cases return nil (sklearn raises): fewer than 2 rows,
/// fewer than 2 clusters, or every row its own cluster.
///
/// `scores(_:labelings:)` scores several labelings of the same rows in one pass (k-selection scores k = 2…6):
/// each distance is computed once, rows are grouped by their tuple of labels so per-cluster distance sums are
/// sums over contiguous runs, and rows are spread over the cores; each row's value is computed independently
/// and averaged in row order, so the result does not depend on threads.
public enum Silhouette {
    /// Rows above which the score is computed on a sample.
    public static let defaultSampleSize = 10_000

    /// Mean silhouette of `labels` over the rows of `X` (sampled above `sampleSize` rows), or nil if undefined.
    public static func score(_ X: FeatureMatrix, labels: [Int32], sampleSize: Int = defaultSampleSize,
                             seed: UInt64 = 42) -> Double? {
        scores(X, labelings: [labels], sampleSize: sampleSize, seed: seed)[0]
    }

    /// Mean silhouette of each labeling (all of X's rows), sharing one row sample and one distance pass.
    public static func scores(_ X: FeatureMatrix, labelings: [[Int32]], sampleSize: Int = defaultSampleSize,
                              seed: UInt64 = 42) -> [Double?] {
        precondition(labelings.allSatisfy { $0.count == X.rows }, "one label per row")
        precondition(sampleSize >= 2, "sampleSize must be at least 2")
        guard !labelings.isEmpty else { return [] }
        var rows = X
        var sampled = labelings
        if X.rows > sampleSize {
            var rng = SeededGenerator(seed: seed)
            let indices = rng.sampleWithoutReplacement(X.rows, count: sampleSize)
            rows = X.sample(rows: indices)
            sampled = labelings.map { labels in indices.map { labels[$0] } }
        }
        let values = perSampleValues(rows, labelings: sampled)
        return values.map { v in
            guard let v else { return nil }
            var total = 0.0
            for s in v { total += s }
            return total / Double(v.count)
        }
    }

    /// Silhouette of every row of `X` (exact, O(n²): meant for small n). Rows of single-row clusters get 0;
    /// with fewer than 2 clusters every value is 0.
    public static func perSample(_ X: FeatureMatrix, labels: [Int32]) -> [Double] {
        precondition(labels.count == X.rows, "one label per row")
        return perSampleValues(X, labelings: [labels])[0] ?? [Double](repeating: 0, count: X.rows)
    }

    /// Per-row silhouettes of each labeling of X's rows; nil for a labeling whose score is undefined.
    static func perSampleValues(_ X: FeatureMatrix, labelings: [[Int32]]) -> [[Double]?] {
        let m = X.rows, d = X.columns
        let L = labelings.count
        let tuples = LabelTuples(labelings, rows: m)
        let valid = tuples.clusterCounts.map { m >= 2 && d >= 1 && $0.count >= 2 && $0.count < m }
        guard valid.contains(true) else { return [[Double]?](repeating: nil, count: L) }
        let dense = tuples.dense, clusterCounts = tuples.clusterCounts, order = tuples.order
        let groups = tuples.groupCount, groupStart = tuples.groupStart, groupLabel = tuples.groupLabel
        var cols = [Double](repeating: 0, count: m * d)  // rows in group order, column-major
        X.values.withUnsafeBufferPointer { v in
            for (p, i) in order.enumerated() {
                for j in 0..<d { cols[j * m + p] = v[i * d + j] }
            }
        }
        let maxK = clusterCounts.map(\.count).max() ?? 0
        let flatCounts = clusterCounts.flatMap { $0 + [Int](repeating: 0, count: maxK - $0.count) }

        var out = [Double](repeating: 0, count: L * m)  // [l * m + original row]

        // s for the row at sorted position p, given its distance sum to each group (groupSum[g * stride]).
        func scoreRow(_ p: Int, _ groupSum: UnsafePointer<Double>, stride: Int, clusterSum: UnsafeMutablePointer<Double>,
                      into ob: UnsafeMutableBufferPointer<Double>) {
            let row = order[p]
            for l in 0..<L where valid[l] {
                let k = clusterCounts[l].count
                for q in 0..<k { clusterSum[q] = 0 }
                for g in 0..<groups { clusterSum[Int(groupLabel[g * L + l])] += groupSum[g * stride] }
                let own = Int(dense[l][row])
                let ownCount = flatCounts[l * maxK + own]
                var s = 0.0
                if ownCount > 1 {
                    let a = clusterSum[own] / Double(ownCount - 1)
                    var b = Double.infinity
                    for q in 0..<k where q != own {
                        b = min(b, clusterSum[q] / Double(flatCounts[l * maxK + q]))
                    }
                    let denominator = max(a, b)
                    s = denominator > 0 ? (b - a) / denominator : 0
                }
                ob[l * m + row] = s
            }
        }

        if groups <= symmetricGroupLimit {
            let sums = symmetricGroupSums(cols: cols, m: m, d: d, groupStart: groupStart)
            sums.withUnsafeBufferPointer { sb in
                out.withUnsafeMutableBufferPointer { ob in
                    ParallelChunks.forEach(count: m, chunkSize: 1_024) { _, range in
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: maxK) { cs in
                            for p in range { scoreRow(p, sb.baseAddress! + p, stride: m, clusterSum: cs.baseAddress!, into: ob) }
                        }
                    }
                }
            }
        } else {
            // Many label tuples: stream each row's distances instead of keeping groups × m sums.
            cols.withUnsafeBufferPointer { cb in
                out.withUnsafeMutableBufferPointer { ob in
                    ParallelChunks.forEach(count: m, chunkSize: 64) { _, range in
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: m + groups + maxK) { tmp in
                            let dist = tmp.baseAddress!, groupSum = dist + m, clusterSum = groupSum + groups
                            let c = cb.baseAddress!
                            withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { pt in
                                for p in range {
                                    for j in 0..<d { pt[j] = c[j * m + p] }
                                    NearestCentroid.squaredDistances(cols: c, n: m, d: d, start: 0, count: m,
                                                                     to: pt.baseAddress!, into: dist)
                                    FastMath.squareRoots(dist, count: m)
                                    for g in 0..<groups {
                                        groupSum[g] = NearestCentroid.sum(dist + groupStart[g],
                                                                          count: groupStart[g + 1] - groupStart[g])
                                    }
                                    scoreRow(p, groupSum, stride: 1, clusterSum: clusterSum, into: ob)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<L).map { l in valid[l] ? Array(out[(l * m)..<((l + 1) * m)]) : nil }
    }

    /// Label tuples up to which the symmetric (each distance once) pass is used; it keeps tasks × groups × m sums.
    static let symmetricGroupLimit = 64
    /// Fixed number of accumulation tasks of the symmetric pass (fixed, so results do not depend on cores).
    static let symmetricTasks = 4

    /// `sums[g * m + p]` = Σ distance from the row at sorted position p to the rows of group g (rows sorted by
    /// group, `groupStart` the run boundaries), computing each pairwise distance once.
    ///
    /// Row i's distances to the rows after it are computed in one vectorised pass; they are added to row i's
    /// per-group sums (sums over contiguous runs) and, all at once, to the later rows' sums for row i's group
    /// (a contiguous vector add, thanks to the group-major layout). Rows are dealt to a fixed number of tasks
    /// (i mod tasks, which balances the shrinking work), each with private sums, combined in task order.
    static func symmetricGroupSums(cols: [Double], m: Int, d: Int, groupStart: [Int]) -> [Double] {
        let groups = groupStart.count - 1
        let tasks = symmetricTasks
        var groupOf = [Int](repeating: 0, count: m)
        for g in 0..<groups { for p in groupStart[g]..<groupStart[g + 1] { groupOf[p] = g } }
        var partial = [Double](repeating: 0, count: tasks * groups * m)
        cols.withUnsafeBufferPointer { cb in
            partial.withUnsafeMutableBufferPointer { pb in
                ParallelChunks.forEachIndex(tasks) { task in
                    let acc = pb.baseAddress! + task * groups * m
                    let c = cb.baseAddress!
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: m + d) { tmp in
                        let dist = tmp.baseAddress!, pt = dist + m
                        var i = task
                        while i < m - 1 {
                            let count = m - i - 1
                            for j in 0..<d { pt[j] = c[j * m + i] }
                            NearestCentroid.squaredDistances(cols: c, n: m, d: d, start: i + 1, count: count,
                                                             to: pt, into: dist)
                            FastMath.squareRoots(dist, count: count)
                            // Row i's sums over the later rows, group run by group run.
                            let gi = groupOf[i]
                            for g in gi..<groups {
                                let lo = max(groupStart[g], i + 1), hi = groupStart[g + 1]
                                if hi > lo { acc[g * m + i] += NearestCentroid.sum(dist + (lo - i - 1), count: hi - lo) }
                            }
                            // The later rows' sums for row i's group.
                            let target = acc + gi * m + i + 1
                            for t in 0..<count { target[t] += dist[t] }
                            i += tasks
                        }
                    }
                }
            }
        }
        var sums = [Double](repeating: 0, count: groups * m)
        for e in 0..<(groups * m) {
            var s = partial[e]
            for task in 1..<tasks { s += partial[task * groups * m + e] }
            sums[e] = s
        }
        return sums
    }
}
