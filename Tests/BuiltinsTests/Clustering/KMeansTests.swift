import Testing
@testable import Builtins

@Suite struct KMeansTests {
    @Test(arguments: [3, 4])
    func recoversSeparatedBlobs(k: Int) {
        let centres = k == 3 ? ClusteringFixtures.threeCentres : ClusteringFixtures.fourCentres
        let (X, truth) = ClusteringFixtures.blobs(n: 1_200, centres: centres, spread: 0.8, seed: UInt64(k))
        let fit = KMeans(k: k, seed: 5).fit(X)
        #expect(AdjustedRandIndex.score(fit.labels, truth) == 1)
        #expect(fit.converged)
        #expect(Set(fit.labels).count == k)
    }

    @Test(arguments: [1, 4, 6])
    func everyColumnCountKernelRecoversBlobs(d: Int) {
        // 1 and 4 columns take other specialised kernels than 2–3; 6 takes the generic one.
        let centres = (0..<3).map { c in (0..<d).map { j in j == c % d ? 12.0 * Double(c + 1) : 0 } }
        let (X, truth) = ClusteringFixtures.blobs(n: 600, centres: centres, spread: 0.8, seed: UInt64(d))
        #expect(AdjustedRandIndex.score(KMeans(k: 3, seed: 1).fit(X).labels, truth) == 1)
        #expect(AdjustedRandIndex.score(WardClustering().tree(X).labels(k: 3), truth) == 1)
        #expect(AdjustedRandIndex.score(GaussianMixture(k: 3, seed: 1).fit(X).labels, truth) == 1)
    }

    @Test func inertiaAndCentroidsMatchTheLabels() {
        let (X, _) = ClusteringFixtures.blobs(n: 900, centres: ClusteringFixtures.fourCentres, spread: 2.5, seed: 9)
        let fit = KMeans(k: 4, seed: 1).fit(X)
        let centroids = ClusterLabels.centroids(fit.labels, X, clusterCount: 4)
        #expect(zip(centroids, fit.centroids).allSatisfy { abs($0 - $1) < 1e-9 })
        var inertia = 0.0
        for i in 0..<X.rows {
            let c = Int(fit.labels[i])
            for j in 0..<3 {
                let e = X[i, j] - fit.centroids[c * 3 + j]
                inertia += e * e
            }
        }
        #expect(abs(inertia - fit.inertia) < 1e-9 * inertia)
        // Every row is at its nearest centroid (Lloyd's fixed point, or within tolerance of it).
        var misplaced = 0
        for i in 0..<X.rows {
            let own = Int(fit.labels[i])
            func dist(_ c: Int) -> Double {
                (0..<3).reduce(0.0) { $0 + (X[i, $1] - fit.centroids[c * 3 + $1]) * (X[i, $1] - fit.centroids[c * 3 + $1]) }
            }
            if (0..<4).contains(where: { dist($0) < dist(own) }) { misplaced += 1 }
        }
        #expect(misplaced == 0)
    }

    @Test func sameSeedSameLabelsDifferentSeedMayDiffer() {
        // Overlapping blobs, so seeds matter.
        let (X, _) = ClusteringFixtures.blobs(n: 3_000, centres: ClusteringFixtures.fourCentres, spread: 4, seed: 2)
        let a = KMeans(k: 5, nInit: 1, seed: 1).fit(X)
        let b = KMeans(k: 5, nInit: 1, seed: 1).fit(X)
        #expect(a.labels == b.labels)
        #expect(a.centroids == b.centroids)
        #expect(a.inertia == b.inertia)
        let others = (2...6).map { KMeans(k: 5, nInit: 1, seed: UInt64($0)).fit(X).labels }
        #expect(others.contains { $0 != a.labels })
    }

    @Test func moreRestartsNeverRaiseInertia() {
        let (X, _) = ClusteringFixtures.blobs(n: 1_000, centres: ClusteringFixtures.fourCentres, spread: 4, seed: 4)
        let one = KMeans(k: 6, nInit: 1, seed: 3).fit(X)
        let three = KMeans(k: 6, nInit: 3, seed: 3).fit(X)
        #expect(three.inertia <= one.inertia)
    }

    @Test func duplicatesAndEdgeSizesNeverLeaveEmptyClustersOrCrash() {
        // 3 distinct points repeated: with k = 3 every cluster must hold one of them.
        let rows = (0..<60).map { i -> [Double] in [Double(i % 3) * 5, 0] }
        let fit = KMeans(k: 3, seed: 0).fit(FeatureMatrix(rows: rows))
        #expect(Set(fit.labels).count == 3)
        #expect(fit.inertia == 0)
        // k = n and k = 1.
        let X = FeatureMatrix(rows: [[0], [1], [5]])
        #expect(Set(KMeans(k: 3).fit(X).labels).count == 3)
        let single = KMeans(k: 1).fit(X)
        #expect(single.labels == [0, 0, 0] && abs(single.centroids[0] - 2) < 1e-12)
        #expect(KMeans(k: 2).fit(FeatureMatrix(rows: [])).labels.isEmpty)
        // Fewer distinct rows than k: converges quickly, leaving a cluster empty rather than cycling.
        let twoPoints = FeatureMatrix(rows: (0..<30).map { [Double($0 % 2)] })
        let degenerate = KMeans(k: 3, nInit: 1, seed: 0).fit(twoPoints)
        #expect(degenerate.converged && degenerate.iterations < 10 && degenerate.inertia == 0)
    }

    @Test func largeInputUsesSeveralChunksAndStaysExact() {
        // More rows than one parallel chunk: results must not depend on the chunking.
        let (X, truth) = ClusteringFixtures.blobs(n: 20_000, centres: ClusteringFixtures.threeCentres, spread: 0.7, seed: 8)
        let fit = KMeans(k: 3, nInit: 1, seed: 2).fit(X)
        #expect(AdjustedRandIndex.score(fit.labels, truth) == 1)
        #expect(KMeans(k: 3, nInit: 1, seed: 2).fit(X).labels == fit.labels)
    }
}
