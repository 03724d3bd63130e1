import Builtins
import Plugins

/// Stage 4: z-score the weighted features and cluster them as the domain's spec says.
///
/// Features with a positive weight are clustered (z-score × weight); the others only describe
/// the personas. k is chosen in the spec's range (or `--k`) by silhouette; clusters below
/// `min_share` merge into their nearest neighbour.
struct ClusteringStage {
    let plugin: String
    let spec: ClusteringSpec
    let options: GoalPipeline.Options

    struct Outcome {
        var labels: [Int32]
        var k: Int
        var report: GoalRun.Clustering
    }

    var algorithm: ClusteringAlgorithm { options.algorithm ?? spec.algorithm }
    var kRange: ClosedRange<Int> { options.k ?? spec.kRange }

    func run(_ features: FeatureEngine.Features) throws(GoalError) -> Outcome {
        let used = features.names.indices.filter { spec.weight(of: features.names[$0]) > 0 }
        guard !used.isEmpty else {
            throw .plugin(.badResult(plugin: plugin, hook: "clustering.weights",
                                     problem: "gives no feature a positive weight: there is nothing to cluster on"))
        }
        let matrix = FeatureMatrix(columns: used.map { features.values[$0] })
        let (X, _, _) = matrix.standardized(weights: used.map { spec.weight(of: features.names[$0]) })
        let selection = KSelection.select(X, kRange: kRange, algorithm: algorithm, seed: options.seed)
        var labels = selection.labels  // canonical: largest cluster first
        let before = Set(labels).count
        if spec.minShare > 0 && before > 1 { labels = ClusterLabels.mergeSmall(labels, X, minShare: spec.minShare) }
        let k = Set(labels).count
        var defaults = spec.defaulted.sorted()
        if options.algorithm != nil { defaults.removeAll { $0 == "algorithm" } }
        if options.k != nil { defaults.removeAll { $0 == "k" } }
        let report = GoalRun.Clustering(
            algorithm: algorithm.rawValue, kRange: [kRange.lowerBound, kRange.upperBound],
            scores: selection.scores.map { .init(k: $0.k, silhouette: $0.silhouette) },
            chosenK: selection.k, silhouette: selection.silhouette,
            silhouetteSampleSize: selection.details.silhouetteSampleSize, wardSampleSize: selection.details.wardSampleSize,
            minShare: spec.minShare, mergedClusters: before - k, note: selection.singleClusterReason,
            defaults: defaults, overridden: [options.algorithm != nil ? "algorithm" : nil, options.k != nil ? "k" : nil].compactMap { $0 })
        return Outcome(labels: labels, k: k, report: report)
    }

    /// Each feature with its weight, evaluation path, mean and sd, for the run's explanation.
    func describe(_ features: FeatureEngine.Features) -> [GoalRun.Feature] {
        zip(features.names, features.moments).map { name, moments in
            .init(name: name, weight: spec.weight(of: name), evaluation: features.modes[name] ?? .perRow,
                  whyPerRow: features.reasons[name], mean: moments.mean, sd: moments.sd)
        }
    }
}
