import Builtins
import LuaBridge
import Plugins

/// Stage 4: z-score the weighted features and cluster them as the domain plugin asks.
///
/// Features with a weight in `clustering.weights` are clustered (z-score × weight); features
/// without one only describe the personas. k is chosen in the plugin's range (or `--k`) by
/// silhouette; clusters below `min_share` merge into their nearest neighbour.
struct ClusteringStage {
    let domain: Plugin
    let options: GoalPipeline.Options

    struct Outcome {
        var labels: [Int32]
        var k: Int
        var report: GoalRun.Clustering
    }

    var settings: LuaValue { domain.hook(.clustering) }

    /// Weight of each feature (absent from `weights`: 0; no `weights` at all: every feature 1).
    func weight(_ feature: String) -> Double {
        let weights = settings["weights"]
        guard weights.isTable, !weights.fields.isEmpty else { return 1 }
        return weights[feature].doubleValue ?? 0
    }

    var algorithm: ClusteringAlgorithm {
        options.algorithm ?? settings["algorithm"].stringValue.flatMap(ClusteringAlgorithm.init(rawValue:)) ?? .kmeans
    }

    var kRange: ClosedRange<Int> {
        if let k = options.k { return k }
        let low = settings["k"]["min"].intValue.map(Int.init) ?? 2
        let high = settings["k"]["max"].intValue.map(Int.init) ?? 6
        return low...max(low, high)
    }

    func run(_ features: FeatureEngine.Features) throws(GoalError) -> Outcome {
        let used = features.names.indices.filter { weight(features.names[$0]) > 0 }
        guard !used.isEmpty else {
            throw .plugin(.badResult(plugin: domain.name, hook: "clustering.weights",
                                     problem: "gives no feature a positive weight: there is nothing to cluster on"))
        }
        let matrix = FeatureMatrix(columns: used.map { features.values[$0] })
        let (X, _, _) = matrix.standardized(weights: used.map { weight(features.names[$0]) })
        let selection = KSelection.select(X, kRange: kRange, algorithm: algorithm, seed: options.seed)
        let minShare = settings["min_share"].doubleValue ?? 0
        var labels = selection.labels  // canonical: largest cluster first
        let before = Set(labels).count
        if minShare > 0 && before > 1 { labels = ClusterLabels.mergeSmall(labels, X, minShare: minShare) }
        let k = Set(labels).count
        let report = GoalRun.Clustering(
            algorithm: algorithm.rawValue, kRange: [kRange.lowerBound, kRange.upperBound],
            scores: selection.scores.map { .init(k: $0.k, silhouette: $0.silhouette) },
            chosenK: selection.k, silhouette: selection.silhouette,
            silhouetteSampleSize: selection.details.silhouetteSampleSize, wardSampleSize: selection.details.wardSampleSize,
            minShare: minShare, mergedClusters: before - k, note: selection.singleClusterReason)
        return Outcome(labels: labels, k: k, report: report)
    }

    /// Each feature with its weight, evaluation path, mean and sd, for the run's explanation.
    func describe(_ features: FeatureEngine.Features) -> [GoalRun.Feature] {
        zip(features.names, features.moments).map { name, moments in
            .init(name: name, weight: weight(name), evaluation: features.modes[name] ?? .perRow,
                  mean: moments.mean, sd: moments.sd)
        }
    }
}
