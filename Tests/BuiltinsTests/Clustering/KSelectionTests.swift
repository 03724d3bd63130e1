import Testing
@testable import Builtins

@Suite struct KSelectionTests {
    @Test(arguments: ClusteringAlgorithm.allCases)
    func picksThePlantedKOnBlobs(algorithm: ClusteringAlgorithm) {
        let (X, truth) = ClusteringFixtures.blobs(n: 600, centres: ClusteringFixtures.fourCentres, spread: 1, seed: 40)
        let result = KSelection.select(X, kRange: 2...6, algorithm: algorithm, seed: 42)
        #expect(result.k == 4)
        #expect(result.scores.map(\.k) == [2, 3, 4, 5, 6])
        let best = result.scores.map(\.silhouette).max()!
        #expect(result.silhouette == best)
        #expect(AdjustedRandIndex.score(result.labels, truth) == 1)
        #expect(result.labels == ClusterLabels.canonical(result.labels))
        #expect(result.labelsByK[4] == result.labels)
        #expect(result.singleClusterReason == nil)
        #expect(result.details.silhouetteSampleSize == nil && result.details.wardSampleSize == nil)
    }

    @Test func reportsSamplesAndIsDeterministic() {
        let (X, _) = ClusteringFixtures.blobs(n: 1_200, centres: ClusteringFixtures.threeCentres, spread: 1, seed: 41)
        let options = KSelection.Options(wardSampleLimit: 300, silhouetteSampleSize: 500)
        let a = KSelection.select(X, kRange: 2...4, algorithm: .ward, seed: 7, options: options)
        let b = KSelection.select(X, kRange: 2...4, algorithm: .ward, seed: 7, options: options)
        #expect(a.k == 3 && a.labels == b.labels && a.scores.map(\.silhouette) == b.scores.map(\.silhouette))
        #expect(a.details.wardSampleSize == 300 && a.details.silhouetteSampleSize == 500)
        let km = KSelection.select(X, kRange: 2...4, algorithm: .kmeans, seed: 7, options: options)
        #expect(km.details.kmeansIterations.keys.sorted() == [2, 3, 4] && km.details.wardSampleSize == nil)
    }

    @Test func tiesGoToTheSmallerK() {
        #expect(KSelection.bestIndex([(k: 2, silhouette: 0.5), (k: 3, silhouette: 0.7), (k: 4, silhouette: 0.7)]) == 1)
        #expect(KSelection.bestIndex([(k: 2, silhouette: -1), (k: 3, silhouette: -1)]) == 0)
        // Two pairs of duplicates: k = 2 scores 1 (a = 0, b = 10 for every row); k = 3 splits a pair into two
        // singletons (s = 0) and keeps the other (s = 1): mean 1/2.
        let result = KSelection.select(FeatureMatrix(rows: [[0], [0], [10], [10]]), kRange: 2...3, algorithm: .ward)
        #expect(result.k == 2)
        #expect(result.scores.map(\.silhouette) == [1, 0.5])
    }

    @Test func smallInputsAreOneCluster() {
        for n in 0..<3 {
            let X = FeatureMatrix(rows: (0..<n).map { [Double($0)] })
            let result = KSelection.select(X, algorithm: .kmeans)
            #expect(result.k == 1 && result.labels == [Int32](repeating: 0, count: n))
            #expect(result.scores.isEmpty && result.silhouette == nil)
            #expect(result.singleClusterReason != nil)
        }
        // n = 4: only k ≤ 3 is tried.
        let result = KSelection.select(FeatureMatrix(rows: [[0], [1], [10], [11]]), kRange: 2...6, algorithm: .gmm)
        #expect(result.scores.map(\.k) == [2, 3])
        #expect(result.k == 2)
    }
}
