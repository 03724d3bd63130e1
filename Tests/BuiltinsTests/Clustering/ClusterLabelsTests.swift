import Testing
@testable import Builtins

@Suite struct ClusterLabelsTests {
    @Test func canonicalOrdersBySizeThenFirstRow() {
        // Sizes: 7 → 2 rows, 3 → 3 rows, 9 → 2 rows (7 appears first, so it precedes 9).
        #expect(ClusterLabels.canonical([7, 3, 9, 3, 7, 3, 9]) == [1, 0, 2, 0, 1, 0, 2])
        #expect(ClusterLabels.canonical([-5, 1_000_000_000, -5]) == [0, 1, 0])
        #expect(ClusterLabels.canonical([]) == [])
    }

    @Test func countsAndCentroids() {
        let X = FeatureMatrix(rows: [[0, 0], [2, 2], [10, 10], [4, 4]])
        let labels: [Int32] = [0, 0, 1, 0]
        #expect(ClusterLabels.counts(labels, clusterCount: 3) == [3, 1, 0])
        #expect(ClusterLabels.centroids(labels, X, clusterCount: 3) == [2, 2, 10, 10, 0, 0])
    }

    @Test func mergeSmallMovesATinyClusterIntoItsNearestNeighbour() {
        // Clusters: A = 50 rows near 0, B = 45 rows near 10, C = 5 rows near 8 (nearest to B).
        var rows = [[Double]]()
        var labels = [Int32]()
        for i in 0..<50 { rows.append([Double(i % 5) * 0.1]); labels.append(0) }
        for i in 0..<45 { rows.append([10 + Double(i % 5) * 0.1]); labels.append(1) }
        for i in 0..<5 { rows.append([8 + Double(i) * 0.1]); labels.append(2) }
        let X = FeatureMatrix(rows: rows)
        let merged = ClusterLabels.mergeSmall(labels, X, minShare: 0.06)
        #expect(merged.count == 100)
        #expect(Set(merged).count == 2)
        #expect(ClusterLabels.counts(merged, clusterCount: 2) == [50, 50])
        #expect(merged[95..<100].allSatisfy { $0 == merged[50] })
        #expect(merged[0] != merged[50])
        // Nothing below the share: unchanged (canonical) labels.
        #expect(ClusterLabels.mergeSmall(labels, X, minShare: 0.01) == ClusterLabels.canonical(labels))
    }

    @Test func mergeSmallRepeatsUntilNoneLeftAndKeepsOneClusterAtLeast() {
        // Sizes 40, 30, 20, 6, 4 on a line: 4 joins 6's neighbour chain, then the merged small one, ...
        var rows = [[Double]](), labels = [Int32]()
        for (c, (size, at)) in [(40, 0.0), (30, 10.0), (20, 20.0), (6, 30.0), (4, 31.0)].enumerated() {
            for _ in 0..<size { rows.append([at]); labels.append(Int32(c)) }
        }
        let X = FeatureMatrix(rows: rows)
        let merged = ClusterLabels.mergeSmall(labels, X, minShare: 0.15)
        // 4 → 6 (nearest, 10 rows at 30.4), then 10 rows (< 15) → the 20 at 20: sizes 40, 30, 30.
        #expect(ClusterLabels.counts(merged, clusterCount: 3) == [40, 30, 30])
        #expect(Set(merged).count == 3)
        #expect(Set(ClusterLabels.mergeSmall(labels, X, minShare: 0.9)).count == 1)
    }
}
