import Foundation

/// A Gaussian mixture fitted by expectation–maximisation, the pipeline's optional soft-clustering algorithm.
///
/// Like sklearn's `GaussianMixture(n_init=1)`: initialised from one k-means run (hard responsibilities), then EM
/// until the mean log-likelihood changes by less than `tolerance` or `maxIterations` EM steps ran, with
/// `regularization` added to every variance; rows are labelled by their most probable component. Diagonal
/// covariances are the default (cheap, and enough for standardised features); `.full` fits full covariances
/// through a Cholesky factor. Densities are combined in log space (log-sum-exp), and each EM step is one fused
/// pass (E-step responsibilities feed the M-step sufficient statistics directly, so no n × k responsibility
/// matrix is stored), parallel over fixed row chunks reduced in chunk order: deterministic for a seed.
public struct GaussianMixture: Sendable {
    /// Shape of each component's covariance.
    public enum Covariance: String, Sendable, CaseIterable {
        /// Independent features within a component (d variances per component).
        case diagonal
        /// A full d × d covariance per component.
        case full
    }

    /// Number of components (1 ≤ k ≤ rows).
    public var k: Int
    /// Covariance shape.
    public var covariance: Covariance
    /// Maximum number of EM steps.
    public var maxIterations: Int
    /// Convergence threshold on the change of the mean log-likelihood per row.
    public var tolerance: Double
    /// Added to every variance (the covariance diagonal) to keep components non-degenerate.
    public var regularization: Double
    /// Seed of the initialising k-means run.
    public var seed: UInt64

    /// What a fit produced.
    public struct Result: Sendable {
        /// Most probable component of every row (ties → lowest component).
        public var labels: [Int32]
        /// Mixing weights, k of them, summing to 1.
        public var weights: [Double]
        /// Row-major k × d component means.
        public var means: [Double]
        /// Row-major k × d variances (the covariance diagonals, regularisation included).
        public var variances: [Double]
        /// Row-major k × d × d covariances for `.full`, nil for `.diagonal`.
        public var covariances: [Double]?
        /// Mean log-likelihood per row under the parameters before each EM step, then under the final
        /// parameters (EM never decreases it, up to floating-point noise).
        public var logLikelihoodHistory: [Double]
        /// EM steps run.
        public var iterations: Int
        /// Whether the tolerance was reached before `maxIterations`.
        public var converged: Bool
        /// Mean log-likelihood per row of the final model.
        public var meanLogLikelihood: Double { logLikelihoodHistory.last ?? 0 }
    }

    /// A mixture configuration; `fit` does the work.
    public init(k: Int, covariance: Covariance = .diagonal, maxIterations: Int = 100, tolerance: Double = 1e-3,
                regularization: Double = 1e-6, seed: UInt64 = 42) {
        precondition(k >= 1, "k must be at least 1")
        precondition(maxIterations >= 1, "maxIterations must be positive")
        self.k = k
        self.covariance = covariance
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.regularization = regularization
        self.seed = seed
    }

    /// Fits the mixture to the rows of `X` (at least `k` rows, at least one column).
    public func fit(_ X: FeatureMatrix) -> Result {
        fit(X, cols: X.columnMajor(), meanVariance: X.meanColumnVariance())
    }

    /// `fit` reusing a column-major copy of X for the k-means initialisation.
    func fit(_ X: FeatureMatrix, cols: [Double], meanVariance: Double) -> Result {
        let n = X.rows, d = X.columns
        if n == 0 {
            return Result(labels: [], weights: [], means: [], variances: [], covariances: nil,
                          logLikelihoodHistory: [], iterations: 0, converged: true)
        }
        precondition(d >= 1, "a mixture needs at least one column")
        precondition(k <= n, "k = \(k) exceeds the \(n) rows")
        let initial = KMeans(k: k, nInit: 1, seed: seed).fit(cols: cols, n: n, d: d, meanVariance: meanVariance)
        var model = GaussianMixtureModel(k: k, d: d, full: covariance == .full, regularization: regularization)
        model.initialize(from: initial.labels, X)

        var history = [Double]()
        var iterations = 0
        var converged = false
        var previous = -Double.infinity
        var labels = [Int32](repeating: 0, count: n)
        for iteration in 1...maxIterations {
            iterations = iteration
            let (ll, stats) = model.expectation(X, labels: nil)
            history.append(ll)
            model.maximize(stats, n: n)
            if abs(ll - previous) < tolerance {
                converged = true
                break
            }
            previous = ll
        }
        // Labels (and the log-likelihood) under the final parameters.
        let (ll, _) = labels.withUnsafeMutableBufferPointer { model.expectation(X, labels: $0.baseAddress!) }
        history.append(ll)
        return Result(labels: labels, weights: model.weights, means: model.means, variances: model.variances(),
                      covariances: covariance == .full ? model.covariances : nil, logLikelihoodHistory: history,
                      iterations: iterations, converged: converged)
    }
}
