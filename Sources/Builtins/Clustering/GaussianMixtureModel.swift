import Foundation

/// The parameters of a Gaussian mixture and its fused E/M pass (internal to `GaussianMixture`).
///
/// Each component keeps its mean, covariance and, for the E-step, a lower-triangular "precision factor"
/// P = L⁻¹ (L the Cholesky factor of the covariance; 1/σ per feature when diagonal) and
/// log w − d/2·log 2π − ½·log det Σ, so log N(x) = const − ½‖P(x − μ)‖².
struct GaussianMixtureModel {
    let k: Int
    let d: Int
    let full: Bool
    let regularization: Double
    /// Packed lower-triangle length d(d+1)/2.
    let tri: Int
    /// Statistics per component: count, Σ r(x−μ) (d), then Σ r(x−μ)² (d, diagonal) or the packed lower
    /// triangle of Σ r(x−μ)(x−μ)ᵀ (tri, full).
    let statStride: Int

    var weights: [Double]
    var means: [Double]
    /// k × d × d covariances (full) or k × d variances (diagonal).
    var covariances: [Double]
    /// k × tri packed lower-triangular precision factors (full) or k × d inverse sds (diagonal).
    var precision: [Double]
    var logConstant: [Double]

    init(k: Int, d: Int, full: Bool, regularization: Double) {
        self.k = k
        self.d = d
        self.full = full
        self.regularization = regularization
        tri = d * (d + 1) / 2
        statStride = 1 + d + (full ? d * (d + 1) / 2 : d)
        weights = [Double](repeating: 1 / Double(k), count: k)
        means = [Double](repeating: 0, count: k * d)
        covariances = [Double](repeating: 0, count: full ? k * d * d : k * d)
        precision = [Double](repeating: 0, count: full ? k * d * (d + 1) / 2 : k * d)
        logConstant = [Double](repeating: 0, count: k)
    }

    /// Parameters from hard labels (one-hot responsibilities), as sklearn initialises from k-means.
    mutating func initialize(from labels: [Int32], _ X: FeatureMatrix) {
        means = ClusterLabels.centroids(labels, X, clusterCount: k)
        var stats = [Double](repeating: 0, count: k * statStride)
        X.values.withUnsafeBufferPointer { v in
            for i in 0..<X.rows {
                let c = Int(labels[i])
                let base = c * statStride
                stats[base] += 1
                var p = base + 1 + d
                for j in 0..<d {
                    let ej = v[i * d + j] - means[c * d + j]
                    stats[base + 1 + j] += ej
                    if full {
                        for l in 0...j {
                            stats[p] += ej * (v[i * d + l] - means[c * d + l])
                            p += 1
                        }
                    } else {
                        stats[base + 1 + d + j] += ej * ej
                    }
                }
            }
        }
        maximize(stats, n: X.rows)
    }

    /// Variances (covariance diagonals), k × d.
    func variances() -> [Double] {
        guard full else { return covariances }
        var out = [Double](repeating: 0, count: k * d)
        for c in 0..<k {
            for j in 0..<d { out[c * d + j] = covariances[c * d * d + j * d + j] }
        }
        return out
    }

    /// M-step from sufficient statistics taken around the current means; refreshes the E-step constants.
    mutating func maximize(_ stats: [Double], n: Int) {
        let eps = 10 * Double.ulpOfOne
        for c in 0..<k {
            let base = c * statStride
            let nk = stats[base] + eps
            weights[c] = nk / Double(n)
            var shift = [Double](repeating: 0, count: d)
            for j in 0..<d {
                shift[j] = stats[base + 1 + j] / nk
                means[c * d + j] += shift[j]
            }
            if full {
                var p = base + 1 + d
                for j in 0..<d {
                    for l in 0...j {
                        let v = stats[p] / nk - shift[j] * shift[l] + (j == l ? regularization : 0)
                        covariances[c * d * d + j * d + l] = v
                        covariances[c * d * d + l * d + j] = v
                        p += 1
                    }
                }
            } else {
                for j in 0..<d {
                    covariances[c * d + j] = max(stats[base + 1 + d + j] / nk - shift[j] * shift[j], 0) + regularization
                }
            }
        }
        refreshPrecision()
    }

    private mutating func refreshPrecision() {
        let halfLog2Pi = 0.5 * Double(d) * log(2 * Double.pi)
        for c in 0..<k {
            var logDet = 0.0
            if full {
                let factor = Self.precisionFactor(Array(covariances[(c * d * d)..<((c + 1) * d * d)]), d: d,
                                                  regularization: regularization)
                for e in 0..<tri { precision[c * tri + e] = factor.packed[e] }
                logDet = factor.logDet
            } else {
                for j in 0..<d {
                    let v = covariances[c * d + j]
                    precision[c * d + j] = 1 / v.squareRoot()
                    logDet += log(v)
                }
            }
            logConstant[c] = log(weights[c]) - halfLog2Pi - 0.5 * logDet
        }
    }

    /// Packed L⁻¹ and log det of a symmetric positive-definite d × d matrix (adding growing jitter to the
    /// diagonal if the Cholesky factorisation fails).
    static func precisionFactor(_ cov: [Double], d: Int, regularization: Double) -> (packed: [Double], logDet: Double) {
        var jitter = 0.0
        while true {
            var L = [Double](repeating: 0, count: d * d)
            var ok = true
            for j in 0..<d where ok {
                for i in j..<d {
                    var s = cov[i * d + j] + (i == j ? jitter : 0)
                    for l in 0..<j { s -= L[i * d + l] * L[j * d + l] }
                    if i == j {
                        if !(s > 0) { ok = false; break }
                        L[j * d + j] = s.squareRoot()
                    } else {
                        L[i * d + j] = s / L[j * d + j]
                    }
                }
            }
            if ok {
                // Invert the lower-triangular L by forward substitution, column by column.
                var P = [Double](repeating: 0, count: d * d)
                var logDet = 0.0
                for i in 0..<d {
                    logDet += 2 * log(L[i * d + i])
                    P[i * d + i] = 1 / L[i * d + i]
                    for r in (i + 1)..<max(i + 1, d) {
                        var s = 0.0
                        for l in i..<r { s -= L[r * d + l] * P[l * d + i] }
                        P[r * d + i] = s / L[r * d + r]
                    }
                }
                var packed = [Double]()
                packed.reserveCapacity(d * (d + 1) / 2)
                for r in 0..<d { for l in 0...r { packed.append(P[r * d + l]) } }
                return (packed, logDet)
            }
            jitter = jitter == 0 ? max(regularization, 1e-12) * 10 : jitter * 10
        }
    }

    /// One pass over X under the current parameters: the mean log-likelihood per row and, when `labels` is
    /// nil, the sufficient statistics for the M-step; otherwise the most probable component of every row.
    func expectation(_ X: FeatureMatrix, labels: UnsafeMutablePointer<Int32>?) -> (Double, [Double]) {
        let n = X.rows, d = self.d, k = self.k, full = self.full, tri = self.tri, stride = statStride
        let chunks = ParallelChunks.chunkCount(n)
        let collect = labels == nil
        var partialLL = [Double](repeating: 0, count: chunks)
        var partialStats = [Double](repeating: 0, count: collect ? chunks * k * stride : 0)
        X.values.withUnsafeBufferPointer { v in
            means.withUnsafeBufferPointer { mu in
                precision.withUnsafeBufferPointer { prec in
                    logConstant.withUnsafeBufferPointer { lc in
                        partialLL.withUnsafeMutableBufferPointer { pll in
                            partialStats.withUnsafeMutableBufferPointer { pst in
                                ParallelChunks.forEach(count: n) { chunk, range in
                                    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * k + d) { tmp in
                                        let lp = tmp.baseAddress!, resp = lp + k, diff = resp + k
                                        let acc = collect ? pst.baseAddress! + chunk * k * stride : nil
                                        var ll = 0.0
                                        for i in range {
                                            let x = v.baseAddress! + i * d
                                            var mx = -Double.infinity
                                            var arg = 0
                                            for c in 0..<k {
                                                let m = mu.baseAddress! + c * d
                                                var q = 0.0
                                                if full {
                                                    let P = prec.baseAddress! + c * tri
                                                    var p = 0
                                                    for r in 0..<d {
                                                        diff[r] = x[r] - m[r]
                                                        var y = 0.0
                                                        for l in 0...r { y += P[p + l] * diff[l] }
                                                        p += r + 1
                                                        q += y * y
                                                    }
                                                } else {
                                                    let P = prec.baseAddress! + c * d
                                                    for j in 0..<d {
                                                        let y = (x[j] - m[j]) * P[j]
                                                        q += y * y
                                                    }
                                                }
                                                let value = lc[c] - 0.5 * q
                                                lp[c] = value
                                                if value > mx {
                                                    mx = value
                                                    arg = c
                                                }
                                            }
                                            // log-sum-exp; terms below e^-50 of the largest cannot change the sum.
                                            var s = 0.0
                                            for c in 0..<k {
                                                let e = lp[c] - mx
                                                let r = e < -50 ? 0 : exp(e)
                                                resp[c] = r
                                                s += r
                                            }
                                            ll += mx + log(s)
                                            guard let acc else {
                                                labels![i] = Int32(arg)
                                                continue
                                            }
                                            let inv = 1 / s
                                            for c in 0..<k where resp[c] != 0 {
                                                let r = resp[c] * inv
                                                let a = acc + c * stride
                                                let m = mu.baseAddress! + c * d
                                                a[0] += r
                                                var p = 1 + d
                                                for j in 0..<d {
                                                    let ej = x[j] - m[j]
                                                    diff[j] = ej
                                                    let rej = r * ej
                                                    a[1 + j] += rej
                                                    if full {
                                                        for l in 0...j { a[p + l] += rej * diff[l] }
                                                        p += j + 1
                                                    } else {
                                                        a[1 + d + j] += rej * ej
                                                    }
                                                }
                                            }
                                        }
                                        pll[chunk] = ll
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var stats = [Double](repeating: 0, count: collect ? k * stride : 0)
        if collect {
            for c in 0..<chunks {
                for e in 0..<(k * stride) { stats[e] += partialStats[c * k * stride + e] }
            }
        }
        return (partialLL.reduce(0, +) / Double(max(n, 1)), stats)
    }
}
