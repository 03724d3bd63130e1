/// Agglomerative clustering with Ward's linkage, the persona pipeline's algorithm for the parenting domain.
///
/// For up to `sampleLimit` rows the tree is exact: the nearest-neighbour-chain algorithm on cluster centroids
/// and sizes, with Ward distances computed on the fly (O(n·d) memory, no n² distance matrix; O(n²·d) time at
/// worst, far less in practice because nearest-neighbour queries prune with a k-d tree), giving the same tree
/// as scipy's `linkage(X, "ward")` up to exact distance ties. Above `sampleLimit` rows (the reference's 20,000)
/// the tree is built, like the Python reference does, on a seeded uniform sample of `sampleLimit` rows (sorted
/// row indices); when cut at k, the sample rows keep their tree cluster and every other row joins the cluster
/// whose sample centroid is nearest (Euclidean, in the same feature space). `WardTree.sampleIndices` says
/// whether and which sample was used. The tree is built once and cut cheaply at every k.
public struct WardClustering: Sendable {
    /// Largest row count clustered exactly; larger inputs are sampled down to this many rows (at least 2).
    public var sampleLimit: Int
    /// Seed of the row sample (unused when rows ≤ sampleLimit).
    public var seed: UInt64

    /// A Ward configuration; `tree` does the work.
    public init(sampleLimit: Int = 20_000, seed: UInt64 = 42) {
        precondition(sampleLimit >= 2, "sampleLimit must be at least 2")
        self.sampleLimit = sampleLimit
        self.seed = seed
    }

    /// The Ward merge tree of the rows of `X` (built on a sample when `X.rows > sampleLimit`).
    public func tree(_ X: FeatureMatrix) -> WardTree {
        if X.rows <= sampleLimit {
            return WardTree(rowCount: X.rows, sampleIndices: nil, leaves: X, raw: WardNNChain.merges(X), full: nil)
        }
        var rng = SeededGenerator(seed: seed)
        let indices = rng.sampleWithoutReplacement(X.rows, count: sampleLimit)
        let leaves = X.sample(rows: indices)
        return WardTree(rowCount: X.rows, sampleIndices: indices, leaves: leaves, raw: WardNNChain.merges(leaves),
                        full: X)
    }

    /// Convenience: labels for exactly `k` clusters (builds a tree; use `tree(_:)` to cut at several k).
    public func labels(_ X: FeatureMatrix, k: Int) -> [Int32] {
        tree(X).labels(k: k)
    }
}
