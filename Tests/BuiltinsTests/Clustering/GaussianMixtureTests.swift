import Testing
@testable import Builtins

@Suite struct GaussianMixtureTests {
    @Test(arguments: GaussianMixture.Covariance.allCases)
    func recoversSeparatedBlobs(covariance: GaussianMixture.Covariance) {
        for (k, centres) in [(3, ClusteringFixtures.threeCentres), (4, ClusteringFixtures.fourCentres)] {
            let (X, truth) = ClusteringFixtures.blobs(n: 1_000, centres: centres, spread: 0.8, seed: UInt64(30 + k))
            let fit = GaussianMixture(k: k, covariance: covariance, seed: 2).fit(X)
            #expect(AdjustedRandIndex.score(fit.labels, truth) == 1, "k=\(k)")
            #expect(abs(fit.weights.reduce(0, +) - 1) < 1e-9)
            #expect(fit.means.count == k * X.columns && fit.variances.count == k * X.columns)
            // Each component's variance is close to the planted 0.8² per column.
            #expect(fit.variances.allSatisfy { abs($0 - 0.64) < 0.15 })
            #expect((fit.covariances != nil) == (covariance == .full))
        }
    }

    @Test(arguments: GaussianMixture.Covariance.allCases)
    func logLikelihoodNeverDecreases(covariance: GaussianMixture.Covariance) {
        // Heavily overlapping, anisotropic data and a tiny tolerance: many EM steps.
        var rng = SeededGenerator(seed: 17)
        let rows = (0..<1_500).map { i -> [Double] in
            let c = Double(i % 3)
            let u = rng.nextGaussian(), v = rng.nextGaussian()
            return [c * 1.5 + u, c + 0.6 * u + 0.8 * v]
        }
        let fit = GaussianMixture(k: 4, covariance: covariance, maxIterations: 60, tolerance: 1e-12, seed: 3)
            .fit(FeatureMatrix(rows: rows))
        let history = fit.logLikelihoodHistory
        #expect(history.count >= 10)
        for (before, after) in zip(history, history.dropFirst()) {
            #expect(after >= before - 1e-9 * abs(before), "\(before) → \(after)")
        }
        #expect(history.last! > history.first!)
        #expect(fit.meanLogLikelihood == history.last!)
    }

    @Test func deterministicForASeed() {
        let (X, _) = ClusteringFixtures.blobs(n: 1_200, centres: ClusteringFixtures.fourCentres, spread: 3, seed: 12)
        let a = GaussianMixture(k: 4, seed: 9).fit(X)
        let b = GaussianMixture(k: 4, seed: 9).fit(X)
        #expect(a.labels == b.labels && a.means == b.means && a.logLikelihoodHistory == b.logLikelihoodHistory)
    }

    @Test func logLikelihoodMatchesADirectComputation() {
        let X = FeatureMatrix(rows: [[0, 0], [0.5, 1], [4, 4], [5, 4.5], [4.5, 5], [0.2, 0.4]])
        let fit = GaussianMixture(k: 2, seed: 1).fit(X)
        var total = 0.0
        for i in 0..<X.rows {
            var p = 0.0
            for c in 0..<2 {
                var density = fit.weights[c]
                for j in 0..<2 {
                    let v = fit.variances[c * 2 + j]
                    let e = X[i, j] - fit.means[c * 2 + j]
                    density *= (1 / (2 * Double.pi * v).squareRoot()) * _exp(-e * e / (2 * v))
                }
                p += density
            }
            total += _logValue(p)
        }
        #expect(abs(total / 6 - fit.meanLogLikelihood) < 1e-9)
    }
}

import Foundation
private func _exp(_ x: Double) -> Double { exp(x) }
private func _logValue(_ x: Double) -> Double { log(x) }
