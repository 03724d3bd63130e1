import Testing
@testable import Builtins

@Suite struct WardClusteringTests {
    /// Trees over the same rows with queries forced through the pruning k-d tree and through full scans.
    func trees(_ X: FeatureMatrix) -> [(String, WardTree)] {
        [("k-d tree", 2), ("full scan", Int.max)].map { name, minimum in
            (name, WardTree(rowCount: X.rows, sampleIndices: nil, leaves: X,
                            raw: WardNNChain.merges(X, treeMinimum: minimum), full: nil))
        }
    }

    @Test(arguments: [(40, 2, UInt64(1)), (40, 3, UInt64(2)), (33, 1, UInt64(3)), (40, 4, UInt64(5)), (40, 5, UInt64(4))])
    func cutsEqualANaiveWardAtEveryK(n: Int, d: Int, seed: UInt64) {
        let X = ClusteringFixtures.uniform(n: n, d: d, seed: seed)
        let naive = ClusteringFixtures.naiveWard(X)
        for (name, tree) in trees(X) {
            for k in 1...n {
                #expect(ClusteringFixtures.samePartition(tree.labels(k: k), naive.partitions[k]!), "\(name) k=\(k)")
            }
            let heights = tree.merges.map(\.height)
            #expect(zip(heights, naive.heights).allSatisfy { abs($0 - $1) < 1e-9 }, "\(name) heights")
        }
    }

    @Test func kdTreeAndFullScanBuildIdenticalTrees() {
        let (X, _) = ClusteringFixtures.blobs(n: 1_500, centres: ClusteringFixtures.fourCentres, spread: 3, seed: 6)
        let results = trees(X).map(\.1.merges)
        #expect(results[0] == results[1])
    }

    @Test func mergesFollowTheScipyLinkageConvention() {
        let X = FeatureMatrix(rows: [[0], [1], [10], [12]])
        let tree = WardClustering().tree(X)
        // {0,1} at 1, {10,12} at 2, then the two pairs: sqrt(2·2·2/4)·|0.5 − 11| = sqrt(2)·10.5.
        #expect(tree.merges.map(\.left) == [0, 2, 4])
        #expect(tree.merges.map(\.right) == [1, 3, 5])
        #expect(tree.merges.map(\.size) == [2, 2, 4])
        #expect(abs(tree.merges[0].height - 1) < 1e-12 && abs(tree.merges[1].height - 2) < 1e-12)
        #expect(abs(tree.merges[2].height - 2.0.squareRoot() * 10.5) < 1e-9)
        #expect(tree.labels(k: 2) == [0, 0, 1, 1])
        #expect(tree.labels(k: 3) == [0, 0, 1, 2])
        #expect(tree.labels(k: 1) == [0, 0, 0, 0])
        #expect(tree.labels(k: 9) == [0, 1, 2, 3])
        #expect(!tree.isSampled && tree.sampleSize == 4)
    }

    @Test(arguments: [3, 4])
    func recoversSeparatedBlobsExactly(k: Int) {
        let centres = k == 3 ? ClusteringFixtures.threeCentres : ClusteringFixtures.fourCentres
        let (X, truth) = ClusteringFixtures.blobs(n: 1_000, centres: centres, spread: 0.8, seed: UInt64(10 + k))
        let tree = WardClustering().tree(X)
        #expect(AdjustedRandIndex.score(tree.labels(k: k), truth) == 1)
        #expect(zip(tree.merges, tree.merges.dropFirst()).allSatisfy { $0.height <= $1.height })
    }

    @Test func sampledTreeStillRecoversBlobs() {
        let (X, truth) = ClusteringFixtures.blobs(n: 2_000, centres: ClusteringFixtures.fourCentres, spread: 0.8, seed: 21)
        let tree = WardClustering(sampleLimit: 200, seed: 4).tree(X)
        #expect(tree.isSampled && tree.sampleSize == 200 && tree.leafCount == 200)
        let sample = tree.sampleIndices!
        #expect(sample.count == 200 && zip(sample, sample.dropFirst()).allSatisfy { $0 < $1 })
        let labels = tree.labels(k: 4)
        #expect(labels.count == 2_000)
        #expect(AdjustedRandIndex.score(labels, truth) == 1)
        // Sample rows keep their tree cluster.
        let leafLabels = tree.leafLabels(k: 4)
        #expect(sample.enumerated().allSatisfy { labels[$0.element] == leafLabels[$0.offset] })
        // Deterministic for a seed.
        #expect(WardClustering(sampleLimit: 200, seed: 4).tree(X).labels(k: 4) == labels)
    }

    @Test func tinyInputs() {
        #expect(WardClustering().tree(FeatureMatrix(rows: [[1, 2]])).labels(k: 1) == [0])
        #expect(WardClustering().tree(FeatureMatrix(rows: [])).merges.isEmpty)
        // Exact duplicates: ties must still give a valid tree.
        let dup = FeatureMatrix(rows: Array(repeating: [1.0, 1.0], count: 10) + Array(repeating: [5.0, 5.0], count: 10))
        let tree = WardClustering().tree(dup)
        #expect(tree.merges.count == 19)
        #expect(ClusteringFixtures.samePartition(tree.labels(k: 2), (0..<20).map { Int32($0 / 10) }))
    }
}
