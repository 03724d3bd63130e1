/// The first principal components of a set of points: the eigenvectors of their covariance
/// matrix with the largest eigenvalues, found with the cyclic Jacobi method (exact for the
/// small d × d matrices of a run's features, and deterministic: fixed sweep order, and each
/// component's sign chosen so its largest entry is positive).
struct PrincipalComponents: Sendable, Equatable {
    /// The points' mean, subtracted before projecting.
    var mean: [Double]
    /// Unit-length components, largest variance first.
    var components: [[Double]]
    /// The variance along each component.
    var variances: [Double]
    /// Each component's share of the total variance (0 when there is none).
    var shares: [Double]

    /// The first `count` components of `points` (each of the same dimension d ≥ 1).
    init(points: [[Double]], count: Int) {
        let d = points.first?.count ?? 0
        let n = Double(max(points.count, 1))
        var mean = [Double](repeating: 0, count: d)
        for p in points { for j in 0..<d { mean[j] += p[j] / n } }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for p in points {
            for i in 0..<d {
                let a = p[i] - mean[i]
                for j in i..<d { covariance[i][j] += a * (p[j] - mean[j]) / n }
            }
        }
        for i in 0..<d { for j in 0..<i { covariance[i][j] = covariance[j][i] } }
        let (values, vectors) = Self.eigen(covariance)
        let order = values.indices.sorted { (-values[$0], $0) < (-values[$1], $1) }
        let total = values.reduce(0) { $0 + max($1, 0) }
        self.mean = mean
        components = order.prefix(count).map { k in
            var v = (0..<d).map { vectors[$0][k] }
            let largest = v.indices.max { (abs(v[$0]), $1) < (abs(v[$1]), $0) } ?? 0
            if !v.isEmpty && v[largest] < 0 { v = v.map { -$0 } }
            return v
        }
        variances = order.prefix(count).map { max(values[$0], 0) }
        shares = variances.map { total > 0 ? $0 / total : 0 }
    }

    /// `point`'s coordinates on the components.
    func project(_ point: [Double]) -> [Double] {
        components.map { c in zip(c, zip(point, mean)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) } }
    }

    /// Eigenvalues and eigenvectors (as columns) of the symmetric matrix `a`.
    static func eigen(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
        var a = matrix
        let d = a.count
        var v = (0..<d).map { i in (0..<d).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<d { for j in 0..<d where i != j { off += a[i][j] * a[i][j] } }
            if off < 1e-22 { break }
            for p in 0..<d {
                for q in (p + 1)..<max(d, p + 1) where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<d {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<d {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<d).map { a[$0][$0] }, v)
    }
}
