/// A Ward merge tree (dendrogram) that can be cut into any number of clusters.
///
/// `merges` follows scipy's linkage-matrix convention: merge i joins nodes `left` and `right` (ids < leafCount
/// are leaves, id leafCount + j is the cluster formed by merge j) at Ward distance `height`, sorted by height.
/// Cutting at k keeps the first leafCount − k merges. When the tree was built on a row sample (see
/// `WardClustering`), the leaves are the sample rows and `labels(k:)` extends the cut to every row by nearest
/// sample-cluster centroid.
public struct WardTree: Sendable {
    /// One step of the dendrogram (a row of a scipy linkage matrix).
    public struct Merge: Sendable, Equatable {
        /// Smaller node id of the pair.
        public var left: Int
        /// Larger node id of the pair.
        public var right: Int
        /// Ward distance at which the pair merges.
        public var height: Double
        /// Number of leaves in the merged cluster.
        public var size: Int
    }

    /// Rows of the clustered matrix (all of them, sampled or not).
    public let rowCount: Int
    /// Sorted row indices the tree was built on, or nil when it was built on every row.
    public let sampleIndices: [Int]?
    /// The n − 1 merges, sorted by height (ties keep the order the algorithm found them).
    public let merges: [Merge]

    /// Leaf representatives (smallest leaf of each side) of every merge, in `merges` order, for fast cuts.
    private let pairs: [(Int, Int)]
    /// The leaf rows (the sample rows when sampled), to compute sample-cluster centroids.
    private let leaves: FeatureMatrix
    /// Column-major copy of the full matrix, kept only when sampled (to assign the non-sample rows).
    private let fullColumns: [Double]?

    init(rowCount: Int, sampleIndices: [Int]?, leaves: FeatureMatrix, raw: [WardNNChain.RawMerge],
         full: FeatureMatrix?) {
        self.rowCount = rowCount
        self.sampleIndices = sampleIndices
        self.leaves = leaves
        self.fullColumns = full?.columnMajor()
        let sorted = raw.enumerated().sorted { ($0.element.height, $0.offset) < ($1.element.height, $1.offset) }
            .map(\.element)
        pairs = sorted.map { ($0.a, $0.b) }
        // Node ids as scipy numbers them: union-find over leaves, each root remembering its current node id.
        let n = leaves.rows
        var parent = Array(0..<n)
        var node = Array(0..<n)
        var merges = [Merge]()
        merges.reserveCapacity(sorted.count)
        for (i, m) in sorted.enumerated() {
            let ra = Self.find(&parent, m.a), rb = Self.find(&parent, m.b)
            let (x, y) = (node[ra], node[rb])
            merges.append(Merge(left: min(x, y), right: max(x, y), height: m.height, size: m.size))
            let root = min(ra, rb)
            parent[max(ra, rb)] = root
            node[root] = n + i
        }
        self.merges = merges
    }

    /// Number of leaves (rows the tree was built on).
    public var leafCount: Int { leaves.rows }
    /// Whether the tree was built on a sample of the rows.
    public var isSampled: Bool { sampleIndices != nil }
    /// Rows the tree was built on (the sample size when sampled).
    public var sampleSize: Int { leaves.rows }

    /// Cluster of every leaf for a cut into `k` clusters (k ≥ 1; more than leafCount gives singletons).
    /// Clusters are numbered in order of their first leaf.
    public func leafLabels(k: Int) -> [Int32] {
        precondition(k >= 1, "k must be at least 1")
        let n = leaves.rows
        var parent = Array(0..<n)
        for (a, b) in pairs.prefix(max(0, n - k)) {
            let ra = Self.find(&parent, a), rb = Self.find(&parent, b)
            parent[max(ra, rb)] = min(ra, rb)
        }
        var labelOfRoot = [Int32](repeating: -1, count: n)
        var labels = [Int32](repeating: 0, count: n)
        var next: Int32 = 0
        for i in 0..<n {
            let r = Self.find(&parent, i)
            if labelOfRoot[r] < 0 {
                labelOfRoot[r] = next
                next += 1
            }
            labels[i] = labelOfRoot[r]
        }
        return labels
    }

    /// Cluster of every row (all `rowCount` of them) for a cut into `k` clusters.
    ///
    /// Unsampled: the tree cut itself. Sampled: sample rows keep their cut cluster; every other row gets the
    /// cluster with the nearest centroid of its sample rows (ties → lower cluster number).
    public func labels(k: Int) -> [Int32] {
        let leafLabels = leafLabels(k: k)
        guard let sampleIndices, let fullColumns else { return leafLabels }
        let clusters = Int(leafLabels.max() ?? -1) + 1
        let centroids = ClusterLabels.centroids(leafLabels, leaves, clusterCount: clusters)
        var labels = NearestCentroid.labels(cols: fullColumns, n: rowCount, d: leaves.columns,
                                            centroids: centroids, k: clusters)
        for (s, row) in sampleIndices.enumerated() { labels[row] = leafLabels[s] }
        return labels
    }

    @inline(__always)
    private static func find(_ parent: inout [Int], _ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
}
