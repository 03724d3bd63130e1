import Testing
@testable import Builtins

@Suite struct SilhouetteTests {
    @Test func matchesAHandComputedExample() {
        // 1-D points 0, 1 (cluster A) and 4, 6 (cluster B):
        //   x=0: a = 1, b = (4 + 6)/2 = 5,   s = (5 − 1)/5 = 4/5
        //   x=1: a = 1, b = (3 + 5)/2 = 4,   s = (4 − 1)/4 = 3/4
        //   x=4: a = 2, b = (4 + 3)/2 = 3.5, s = 1.5/3.5 = 3/7
        //   x=6: a = 2, b = (6 + 5)/2 = 5.5, s = 3.5/5.5 = 7/11
        let X = FeatureMatrix(rows: [[0], [1], [4], [6]])
        let labels: [Int32] = [0, 0, 1, 1]
        let expected = [4.0 / 5, 3.0 / 4, 3.0 / 7, 7.0 / 11]
        #expect(zip(Silhouette.perSample(X, labels: labels), expected).allSatisfy { abs($0 - $1) < 1e-12 })
        let mean = expected.reduce(0, +) / 4
        #expect(abs(Silhouette.score(X, labels: labels)! - mean) < 1e-12)
        // A singleton cluster at 20 scores 0 and leaves the others' b unchanged (20 is farther).
        let withSingleton = FeatureMatrix(rows: [[0], [1], [4], [6], [20]])
        #expect(abs(Silhouette.score(withSingleton, labels: [0, 0, 1, 1, 2])! - (expected.reduce(0, +) + 0) / 5) < 1e-12)
    }

    @Test func undefinedCasesReturnNil() {
        let X = FeatureMatrix(rows: [[0], [1], [2]])
        #expect(Silhouette.score(X, labels: [0, 0, 0]) == nil)
        #expect(Silhouette.score(X, labels: [0, 1, 2]) == nil)
        #expect(Silhouette.score(FeatureMatrix(rows: [[0]]), labels: [0]) == nil)
        #expect(Silhouette.perSample(X, labels: [4, 4, 4]) == [0, 0, 0])
    }

    @Test func batchScoresEqualSingleScoresAndTheStreamingPath() {
        let (X, truth) = ClusteringFixtures.blobs(n: 400, centres: ClusteringFixtures.fourCentres, spread: 4, seed: 5)
        let labelings = [truth] + (2...5).map { KMeans(k: $0, nInit: 1, seed: 1).fit(X).labels }
        let batch = Silhouette.scores(X, labelings: labelings)
        for (i, (labels, score)) in zip(labelings, batch).enumerated() {
            let single = Silhouette.score(X, labels: labels)!
            #expect(abs(single - score!) < 1e-12)
            if i < 2 { #expect(abs(bruteForce(X, labels) - single) < 1e-12) }
        }
        // Many label tuples (> the symmetric pass's limit) take the streaming path: same values.
        let fine = (0..<400).map { Int32($0 % 90) }
        #expect(abs(Silhouette.score(X, labels: fine)! - bruteForce(X, fine)) < 1e-12)
    }

    @Test func largeInputsAreScoredOnASeededSample() {
        let (X, truth) = ClusteringFixtures.blobs(n: 3_000, centres: ClusteringFixtures.fourCentres, spread: 3, seed: 6)
        let exact = Silhouette.score(X, labels: truth, sampleSize: 3_000)!
        let sampled = Silhouette.score(X, labels: truth, sampleSize: 600, seed: 1)!
        #expect(sampled != exact)
        #expect(abs(sampled - exact) < 0.05)
        #expect(Silhouette.score(X, labels: truth, sampleSize: 600, seed: 1) == sampled)
        // The sample is rows only: equal to the exact score of the sampled sub-matrix.
        var rng = SeededGenerator(seed: 1)
        let rows = rng.sampleWithoutReplacement(3_000, count: 600)
        let sub = Silhouette.score(X.sample(rows: rows), labels: rows.map { truth[$0] }, sampleSize: 600)!
        #expect(sub == sampled)
    }

    func bruteForce(_ X: FeatureMatrix, _ labels: [Int32]) -> Double {
        let n = X.rows
        var total = 0.0
        for i in 0..<n {
            var sums = [Int32: Double](), counts = [Int32: Int]()
            for j in 0..<n {
                var d2 = 0.0
                for c in 0..<X.columns { d2 += (X[i, c] - X[j, c]) * (X[i, c] - X[j, c]) }
                sums[labels[j], default: 0] += d2.squareRoot()
                counts[labels[j], default: 0] += 1
            }
            let own = labels[i]
            guard counts[own]! > 1 else { continue }
            let a = sums[own]! / Double(counts[own]! - 1)
            let b = sums.keys.filter { $0 != own }.map { sums[$0]! / Double(counts[$0]!) }.min()!
            total += (b - a) / max(a, b)
        }
        return total / Double(n)
    }
}
