import Foundation

/// k-means clustering (Lloyd's algorithm) with k-means++ seeding, the persona pipeline's default algorithm.
///
/// Mirrors sklearn's `KMeans(init="k-means++")`: greedy k-means++ seeding (2 + ⌊ln k⌋ candidates per centre,
/// keeping the one that lowers the potential most), Lloyd iterations until the labels stop changing or the
/// total squared centroid shift falls to `tolerance × mean column variance`, `nInit` restarts keeping the
/// lowest inertia, and empty clusters re-seeded from the rows farthest from their centroids. Each restart uses
/// its own stream of a `SeededGenerator`, and every sum is reduced over fixed row chunks in chunk order, so a
/// seed gives the same labels on every run and thread count.
public struct KMeans: Sendable {
    /// Number of clusters (1 ≤ k ≤ rows; with fewer distinct rows than k some clusters stay empty).
    public var k: Int
    /// Independent restarts; the one with the lowest inertia wins (ties → the earlier restart).
    public var nInit: Int
    /// Lloyd iterations per restart.
    public var maxIterations: Int
    /// Relative tolerance: stop when the summed squared centroid shift ≤ tolerance × mean column variance.
    public var tolerance: Double
    /// Seed of the k-means++ draws.
    public var seed: UInt64
    /// Greedy k-means++ (several candidates per centre, as sklearn) rather than one D² draw per centre.
    public var greedySeeding: Bool

    /// What a fit produced.
    public struct Result: Sendable {
        /// Cluster of every row, 0..<k.
        public var labels: [Int32]
        /// Row-major k × d centroids (the mean of each cluster's rows).
        public var centroids: [Double]
        /// Sum of squared distances of the rows to their centroids.
        public var inertia: Double
        /// Lloyd iterations run by the winning restart.
        public var iterations: Int
        /// Whether the winning restart converged before `maxIterations`.
        public var converged: Bool
    }

    /// A k-means configuration; `fit` does the work.
    public init(k: Int, nInit: Int = 3, maxIterations: Int = 300, tolerance: Double = 1e-4, seed: UInt64 = 42,
                greedySeeding: Bool = true) {
        precondition(k >= 1, "k must be at least 1")
        precondition(nInit >= 1 && maxIterations >= 1, "nInit and maxIterations must be positive")
        self.k = k
        self.nInit = nInit
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
        self.greedySeeding = greedySeeding
    }

    /// Clusters the rows of `X` (which must have at least `k` rows and one column).
    public func fit(_ X: FeatureMatrix) -> Result {
        fit(cols: X.columnMajor(), n: X.rows, d: X.columns, meanVariance: X.meanColumnVariance())
    }

    /// `fit` over an existing column-major copy (lets k-selection and the mixture model share one).
    func fit(cols: [Double], n: Int, d: Int, meanVariance: Double) -> Result {
        if n == 0 { return Result(labels: [], centroids: [], inertia: 0, iterations: 0, converged: true) }
        precondition(d >= 1, "k-means needs at least one column")
        precondition(k <= n, "k = \(k) exceeds the \(n) rows")
        let tol = tolerance * meanVariance
        var best: Result?
        cols.withUnsafeBufferPointer { cb in
            for run in 0..<nInit {
                var rng = SeededGenerator(seed: seed, stream: UInt64(run))
                let result = lloyd(cols: cb.baseAddress!, n: n, d: d, tol: tol, rng: &rng)
                if best == nil || result.inertia < best!.inertia { best = result }
            }
        }
        return best!
    }

    private func lloyd(cols: UnsafePointer<Double>, n: Int, d: Int, tol: Double,
                       rng: inout SeededGenerator) -> Result {
        let trials = greedySeeding ? 2 + Int(log(Double(k))) : 1
        var centroids = KMeansPlusPlus.seed(cols: cols, n: n, d: d, k: k, trials: trials, rng: &rng)
        let stride = d + 1
        let kd = k * stride
        let chunks = ParallelChunks.chunkCount(n)
        var labels = [Int32](repeating: -1, count: n)
        var partialSums = [Double](repeating: 0, count: chunks * kd)
        var partialInertia = [Double](repeating: 0, count: chunks)
        var partialChanged = [Int](repeating: 0, count: chunks)
        var sums = [Double](repeating: 0, count: kd)
        var iterations = 0
        var converged = false
        var strict = false
        var inertia = 0.0

        func pass(accumulate: Bool) {
            labels.withUnsafeMutableBufferPointer { lb in
                centroids.withUnsafeBufferPointer { cen in
                    partialSums.withUnsafeMutableBufferPointer { ps in
                        partialInertia.withUnsafeMutableBufferPointer { pi in
                            partialChanged.withUnsafeMutableBufferPointer { pc in
                                ParallelChunks.forEach(count: n) { chunk, range in
                                    let r = NearestCentroid.assign(
                                        cols: cols, n: n, d: d, range: range, centroids: cen.baseAddress!, k: k,
                                        labels: lb.baseAddress!, sums: accumulate ? ps.baseAddress! + chunk * kd : nil)
                                    pi[chunk] = r.inertia
                                    pc[chunk] = r.changed
                                }
                            }
                        }
                    }
                }
            }
            inertia = partialInertia.reduce(0, +)
        }

        for iteration in 1...maxIterations {
            iterations = iteration
            pass(accumulate: true)
            // Running totals: the passes report only the rows that changed cluster.
            for c in 0..<chunks {
                for e in 0..<kd { sums[e] += partialSums[c * kd + e] }
            }
            let changed = partialChanged.reduce(0, +)
            var relocated = false
            if (0..<k).contains(where: { sums[$0 * stride + d] == 0 }) {
                relocated = relocateEmptyClusters(cols: cols, n: n, d: d, centroids: centroids,
                                                  labels: &labels, sums: &sums)
            }
            var shift = 0.0
            for c in 0..<k {
                let count = sums[c * stride + d]
                guard count > 0 else { continue }  // empty: fewer distinct rows than k
                for j in 0..<d {
                    let v = sums[c * stride + j] / count
                    let e = v - centroids[c * d + j]
                    shift += e * e
                    centroids[c * d + j] = v
                }
            }
            if changed == 0 && !relocated {
                strict = true
                converged = true
                break
            }
            if shift <= tol {
                converged = true
                break
            }
        }
        // Labels and inertia consistent with the final centroids.
        if !strict { pass(accumulate: false) }
        return Result(labels: labels, centroids: centroids, inertia: inertia, iterations: iterations,
                      converged: converged)
    }

    /// Moves, for each empty cluster (in index order), the row farthest from its centroid (ties → lowest row,
    /// never the last row of a cluster, never a row sitting on its centroid) into it. Returns whether anything
    /// moved.
    private func relocateEmptyClusters(cols: UnsafePointer<Double>, n: Int, d: Int, centroids: [Double],
                                       labels: inout [Int32], sums: inout [Double]) -> Bool {
        let stride = d + 1
        var far = [Double](repeating: 0, count: n)
        centroids.withUnsafeBufferPointer { cen in
            for i in 0..<n {
                far[i] = NearestCentroid.squaredDistance(cols: cols, n: n, d: d, row: i,
                                                         to: cen.baseAddress! + Int(labels[i]) * d)
            }
        }
        var moved = false
        for c in 0..<k where sums[c * stride + d] == 0 {
            var pick = -1
            var pickDistance = -1.0
            for i in 0..<n where far[i] > pickDistance && sums[Int(labels[i]) * stride + d] > 1 {
                pick = i
                pickDistance = far[i]
            }
            // No row lies away from its centroid (fewer distinct rows than k): leave the cluster empty.
            guard pick >= 0 && pickDistance > 0 else { break }
            let old = Int(labels[pick])
            for j in 0..<d {
                let x = cols[j * n + pick]
                sums[old * stride + j] -= x
                sums[c * stride + j] = x
            }
            sums[old * stride + d] -= 1
            sums[c * stride + d] = 1
            labels[pick] = Int32(c)
            far[pick] = -2  // never picked twice
            moved = true
        }
        return moved
    }
}
