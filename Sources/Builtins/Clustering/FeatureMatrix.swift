/// A dense n × d matrix of features, stored row-major in one flat `[Double]`.
///
/// Every clustering primitive takes this type: one contiguous buffer keeps the hot loops allocation-free and
/// cache-friendly, and the value semantics (copy-on-write array) make it cheap to pass around and `Sendable`.
/// Row `i`, column `j` lives at `values[i * columns + j]`.
public struct FeatureMatrix: Sendable, Equatable {
    /// Row-major values, `rows * columns` of them.
    public private(set) var values: [Double]
    /// Number of rows (observations, e.g. users).
    public let rows: Int
    /// Number of columns (features).
    public let columns: Int

    /// A matrix over existing row-major `values` (`values.count` must be `rows * columns`).
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 0 && columns >= 0, "negative dimension")
        precondition(values.count == rows * columns, "values.count \(values.count) != \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from column vectors (one array per feature, all of the same length n).
    public init(columns vectors: [[Double]]) {
        let d = vectors.count
        let n = vectors.first?.count ?? 0
        precondition(vectors.allSatisfy { $0.count == n }, "feature columns differ in length")
        var values = [Double](repeating: 0, count: n * d)
        values.withUnsafeMutableBufferPointer { out in
            for (j, column) in vectors.enumerated() {
                column.withUnsafeBufferPointer { col in
                    for i in 0..<n { out[i * d + j] = col[i] }
                }
            }
        }
        self.init(rows: n, columns: d, values: values)
    }

    /// A matrix from row vectors (one array per observation, all of the same length d).
    public init(rows vectors: [[Double]]) {
        let n = vectors.count
        let d = vectors.first?.count ?? 0
        precondition(vectors.allSatisfy { $0.count == d }, "rows differ in length")
        var values = [Double]()
        values.reserveCapacity(n * d)
        for row in vectors { values.append(contentsOf: row) }
        self.init(rows: n, columns: d, values: values)
    }

    /// The value at row `i`, column `j`.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        values[row * columns + column]
    }

    /// Row `i` as a slice of `values`.
    public func row(_ i: Int) -> ArraySlice<Double> {
        values[(i * columns)..<((i + 1) * columns)]
    }

    /// Column `j` as a new array.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "column out of range")
        return values.withUnsafeBufferPointer { v in
            (0..<rows).map { v[$0 * columns + j] }
        }
    }

    /// Z-scores every column (mean, population sd with ddof 0; an sd of 0 is replaced by 1), then multiplies
    /// column j by `weights[j]`. Returns the new matrix and the means and sds used (the sds after the 0 → 1 rule).
    public func standardized(weights: [Double]) -> (matrix: FeatureMatrix, means: [Double], sds: [Double]) {
        precondition(weights.count == columns, "\(weights.count) weights for \(columns) columns")
        let n = rows, d = columns
        var means = [Double](repeating: 0, count: d)
        var sds = [Double](repeating: 1, count: d)
        var out = [Double](repeating: 0, count: n * d)
        guard n > 0 else { return (FeatureMatrix(rows: 0, columns: d, values: []), means, sds) }
        for (j, moments) in columnMoments().enumerated() {
            let sd = moments.variance.squareRoot()
            means[j] = moments.mean
            sds[j] = sd == 0 ? 1 : sd
        }
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<n {
                    for j in 0..<d {
                        o[i * d + j] = (v[i * d + j] - means[j]) / sds[j] * weights[j]
                    }
                }
            }
        }
        return (FeatureMatrix(rows: n, columns: d, values: out), means, sds)
    }

    /// The sub-matrix of the given rows, in the given order.
    public func sample(rows indices: [Int]) -> FeatureMatrix {
        let d = columns
        var out = [Double](repeating: 0, count: indices.count * d)
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for (r, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rows, "row index \(i) out of range")
                    for j in 0..<d { o[r * d + j] = v[i * d + j] }
                }
            }
        }
        return FeatureMatrix(rows: indices.count, columns: d, values: out)
    }

    /// The same values column-major (`out[j * rows + i]`), the layout the vectorised kernels stream over.
    func columnMajor() -> [Double] {
        let n = rows, d = columns
        var out = [Double](repeating: 0, count: n * d)
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<n {
                    for j in 0..<d { o[j * n + i] = v[i * d + j] }
                }
            }
        }
        return out
    }

    /// Mean of each column's variance (population), the scale sklearn uses for the k-means tolerance.
    func meanColumnVariance() -> Double {
        guard rows > 0, columns > 0 else { return 0 }
        return columnMoments().reduce(0) { $0 + $1.variance } / Double(columns)
    }

    /// Each column's mean and population variance (two passes, for accuracy).
    func columnMoments() -> [(mean: Double, variance: Double)] {
        let n = rows, d = columns
        guard n > 0 else { return Array(repeating: (0, 0), count: d) }
        return values.withUnsafeBufferPointer { v in
            (0..<d).map { j in
                var sum = 0.0
                for i in 0..<n { sum += v[i * d + j] }
                let mean = sum / Double(n)
                var ss = 0.0
                for i in 0..<n {
                    let e = v[i * d + j] - mean
                    ss += e * e
                }
                return (mean, ss / Double(n))
            }
        }
    }
}
