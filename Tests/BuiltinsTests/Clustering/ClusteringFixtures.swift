@testable import Builtins

/// Synthetic data for the clustering tests, generated with `SeededGenerator` so every run sees the same points.
enum ClusteringFixtures {
    /// `n` points around the given centres (round-robin membership, so every blob is non-empty), isotropic
    /// Gaussian noise with standard deviation `spread`. Returns the matrix and the planted blob of every row.
    static func blobs(n: Int, centres: [[Double]], spread: Double, seed: UInt64) -> (FeatureMatrix, [Int32]) {
        var rng = SeededGenerator(seed: seed)
        let d = centres[0].count
        var rows = [[Double]]()
        var truth = [Int32]()
        for i in 0..<n {
            // A seeded shuffle of the round-robin order keeps blobs interleaved in row order.
            let c = (i + rng.nextInt(below: centres.count)) % centres.count
            truth.append(Int32(c))
            rows.append((0..<d).map { centres[c][$0] + spread * rng.nextGaussian() })
        }
        return (FeatureMatrix(rows: rows), truth)
    }

    /// Four well-separated blobs in 3-D.
    static let fourCentres: [[Double]] = [[0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10]]
    /// Three well-separated blobs in 2-D.
    static let threeCentres: [[Double]] = [[0, 0], [8, 1], [3, 9]]

    /// Uniform random points in [0, 1)^d.
    static func uniform(n: Int, d: Int, seed: UInt64) -> FeatureMatrix {
        var rng = SeededGenerator(seed: seed)
        return FeatureMatrix(rows: (0..<n).map { _ in (0..<d).map { _ in rng.nextDouble() } })
    }

    /// A deliberately naive O(n³) Ward agglomeration, independent of the library's algorithm: at every step it
    /// merges the pair of clusters whose union increases the total within-cluster sum of squares the least,
    /// with the sums of squares recomputed from the member points. Returns the partition (a label per row,
    /// clusters numbered by first row) at every cluster count 1...n, and the merge heights
    /// (sqrt(2 · increase), scipy's Ward distance) in merge order.
    static func naiveWard(_ X: FeatureMatrix) -> (partitions: [Int: [Int32]], heights: [Double]) {
        let n = X.rows, d = X.columns
        func ess(_ members: [Int]) -> Double {
            var mean = [Double](repeating: 0, count: d)
            for i in members { for j in 0..<d { mean[j] += X[i, j] } }
            for j in 0..<d { mean[j] /= Double(members.count) }
            var total = 0.0
            for i in members {
                for j in 0..<d {
                    let e = X[i, j] - mean[j]
                    total += e * e
                }
            }
            return total
        }
        func partition(_ clusters: [[Int]]) -> [Int32] {
            var labels = [Int32](repeating: -1, count: n)
            var next: Int32 = 0
            for i in 0..<n where labels[i] < 0 {
                let members = clusters.first { $0.contains(i) }!
                for r in members { labels[r] = next }
                next += 1
            }
            return labels
        }
        var clusters = (0..<n).map { [$0] }
        var partitions = [n: partition(clusters)]
        var heights = [Double]()
        while clusters.count > 1 {
            var best = (Double.infinity, 0, 0)
            for a in 0..<clusters.count {
                for b in (a + 1)..<clusters.count {
                    let increase = ess(clusters[a] + clusters[b]) - ess(clusters[a]) - ess(clusters[b])
                    if increase < best.0 { best = (increase, a, b) }
                }
            }
            heights.append((2 * max(best.0, 0)).squareRoot())
            clusters[best.1] += clusters[best.2]
            clusters.remove(at: best.2)
            partitions[clusters.count] = partition(clusters)
        }
        return (partitions, heights)
    }

    /// Whether two labelings describe the same partition (up to renaming).
    static func samePartition(_ a: [Int32], _ b: [Int32]) -> Bool {
        ClusterLabels.canonical(a) == ClusterLabels.canonical(b)
    }
}
