/// Chooses the number of personas: fits every k of a range and keeps the k with the best silhouette.
///
/// As in the Python reference: k runs over the range (only k ≤ n − 1), each labeling is scored with the
/// silhouette (sampled above `silhouetteSampleSize` rows; a labeling with a single cluster scores −1), the best
/// score wins and ties go to the smaller k. Ward builds its tree once and cuts it for every k; all labelings
/// are scored in one shared silhouette pass. Returned labels are canonical (`ClusterLabels.canonical`: 0 is the
/// largest cluster). With fewer than 3 rows (or no k ≤ n − 1 in the range) nothing is fitted: every row is in
/// cluster 0 and `Result.singleClusterReason` says why.
public enum KSelection {
    /// Tuning knobs (the defaults reproduce the reference's settings).
    public struct Options: Sendable {
        /// k-means restarts per k (`KMeans.nInit`; 1 like the reference's `n_init=1`, where `KMeans` alone
        /// defaults to 3).
        public var kmeansInits: Int
        /// Rows above which Ward is built on a sample (`WardClustering.sampleLimit`).
        public var wardSampleLimit: Int
        /// Rows above which the silhouette is computed on a sample.
        public var silhouetteSampleSize: Int
        /// Covariance shape of the Gaussian mixture.
        public var gmmCovariance: GaussianMixture.Covariance

        /// Options with the reference's defaults (except the mixture's covariance: diagonal here, full there).
        public init(kmeansInits: Int = 1, wardSampleLimit: Int = 20_000,
                    silhouetteSampleSize: Int = Silhouette.defaultSampleSize,
                    gmmCovariance: GaussianMixture.Covariance = .diagonal) {
            self.kmeansInits = kmeansInits
            self.wardSampleLimit = wardSampleLimit
            self.silhouetteSampleSize = silhouetteSampleSize
            self.gmmCovariance = gmmCovariance
        }
    }

    /// What the algorithm did beyond the labels: sample sizes and iteration counts.
    public struct Details: Sendable {
        /// Rows clustered.
        public var rows: Int
        /// Rows the silhouette was computed on when sampled, nil when exact.
        public var silhouetteSampleSize: Int?
        /// Rows the Ward tree was built on when sampled, nil when exact or not Ward.
        public var wardSampleSize: Int?
        /// Lloyd iterations of the winning restart per k (k-means only).
        public var kmeansIterations: [Int: Int]
        /// EM steps per k (Gaussian mixture only; its k-means initialisation is not counted).
        public var gmmIterations: [Int: Int]
    }

    /// The outcome of a k selection.
    public struct Result: Sendable {
        /// Algorithm used.
        public var algorithm: ClusteringAlgorithm
        /// Chosen number of clusters (1 when nothing was fitted).
        public var k: Int
        /// Canonical labels for the chosen k.
        public var labels: [Int32]
        /// Silhouette of the chosen k (nil when nothing was fitted).
        public var silhouette: Double?
        /// Silhouette of every k tried, in increasing k.
        public var scores: [(k: Int, silhouette: Double)]
        /// Canonical labels of every k tried.
        public var labelsByK: [Int: [Int32]]
        /// Why everything is one cluster (fewer than 3 rows, or no k ≤ n − 1 in the range), else nil.
        public var singleClusterReason: String?
        /// Sample sizes and iteration counts.
        public var details: Details
    }

    /// Fits `algorithm` for every k in `kRange` (k ≤ n − 1) on the rows of `X` and keeps the best silhouette.
    public static func select(_ X: FeatureMatrix, kRange: ClosedRange<Int> = 2...6, algorithm: ClusteringAlgorithm,
                              seed: UInt64 = 42, options: Options = Options()) -> Result {
        let n = X.rows
        let ks = kRange.filter { $0 >= 1 && $0 <= n - 1 }
        var details = Details(rows: n, silhouetteSampleSize: n > options.silhouetteSampleSize
                                  ? options.silhouetteSampleSize : nil,
                              wardSampleSize: nil, kmeansIterations: [:], gmmIterations: [:])
        let reason: String? = n < 3 ? "only \(n) row(s): fewer than 3, not clustered"
            : ks.isEmpty ? "no k in \(kRange) is at most n − 1 = \(n - 1)" : nil
        if let reason {
            details.silhouetteSampleSize = nil
            return Result(algorithm: algorithm, k: 1, labels: [Int32](repeating: 0, count: n), silhouette: nil,
                          scores: [], labelsByK: [:], singleClusterReason: reason, details: details)
        }

        var labelings = [[Int32]]()
        switch algorithm {
        case .kmeans, .gmm:
            let cols = X.columnMajor()
            let variance = X.meanColumnVariance()
            for k in ks {
                if algorithm == .kmeans {
                    let fit = KMeans(k: k, nInit: options.kmeansInits, seed: seed)
                        .fit(cols: cols, n: n, d: X.columns, meanVariance: variance)
                    details.kmeansIterations[k] = fit.iterations
                    labelings.append(fit.labels)
                } else {
                    let fit = GaussianMixture(k: k, covariance: options.gmmCovariance, seed: seed)
                        .fit(X, cols: cols, meanVariance: variance)
                    details.gmmIterations[k] = fit.iterations
                    labelings.append(fit.labels)
                }
            }
        case .ward:
            let tree = WardClustering(sampleLimit: options.wardSampleLimit, seed: seed).tree(X)
            details.wardSampleSize = tree.isSampled ? tree.sampleSize : nil
            labelings = ks.map { tree.labels(k: $0) }
        }

        let silhouettes = Silhouette.scores(X, labelings: labelings, sampleSize: options.silhouetteSampleSize,
                                            seed: seed)
        let scores = zip(ks, silhouettes).map { (k: $0, silhouette: $1 ?? -1) }
        let best = bestIndex(scores)
        var labelsByK = [Int: [Int32]]()
        for (i, k) in ks.enumerated() { labelsByK[k] = ClusterLabels.canonical(labelings[i]) }
        return Result(algorithm: algorithm, k: ks[best], labels: labelsByK[ks[best]]!,
                      silhouette: scores[best].silhouette, scores: scores, labelsByK: labelsByK,
                      singleClusterReason: nil, details: details)
    }

    /// Index of the best score: the highest silhouette, ties → the earliest entry (the smaller k).
    static func bestIndex(_ scores: [(k: Int, silhouette: Double)]) -> Int {
        var best = 0
        for i in scores.indices where scores[i].silhouette > scores[best].silhouette { best = i }
        return best
    }
}
