/// The clustering algorithms the host offers for segmenting users into personas.
///
/// The raw values are the names used on the command line and in results (the Python reference's `--algo`).
public enum ClusteringAlgorithm: String, Sendable, CaseIterable {
    /// k-means with k-means++ seeding (`KMeans`).
    case kmeans
    /// Agglomerative Ward clustering, sampled above 20,000 rows (`WardClustering`).
    case ward
    /// Gaussian mixture by EM (`GaussianMixture`).
    case gmm
}
