import Testing
@testable import Builtins

@Suite struct FeatureMatrixTests {
    @Test func columnsAndRowsBuildTheSameRowMajorMatrix() {
        let byColumns = FeatureMatrix(columns: [[1, 2, 3], [10, 20, 30]])
        let byRows = FeatureMatrix(rows: [[1, 10], [2, 20], [3, 30]])
        #expect(byColumns == byRows)
        #expect(byColumns.rows == 3 && byColumns.columns == 2)
        #expect(byColumns.values == [1, 10, 2, 20, 3, 30])
        #expect(byColumns[2, 1] == 30)
        #expect(Array(byColumns.row(1)) == [2, 20])
        #expect(byColumns.column(1) == [10, 20, 30])
        #expect(byColumns.columnMajor() == [1, 2, 3, 10, 20, 30])
    }

    @Test func standardizedUsesPopulationSdAndWeights() {
        // Column 0: mean 2, population sd sqrt(2/3). Column 1 is constant: sd 0 is replaced by 1.
        let X = FeatureMatrix(columns: [[1, 2, 3], [5, 5, 5]])
        let (Z, means, sds) = X.standardized(weights: [0.5, 2])
        #expect(means == [2, 5])
        #expect(abs(sds[0] - (2.0 / 3).squareRoot()) < 1e-15)
        #expect(sds[1] == 1)
        let z = 1 / (2.0 / 3).squareRoot()
        let expected: [Double] = [-z * 0.5, 0, 0, 0, z * 0.5, 0]
        #expect(zip(Z.values, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func standardizedColumnsHaveZeroMeanAndWeightSd() {
        let (X, _) = ClusteringFixtures.blobs(n: 500, centres: ClusteringFixtures.fourCentres, spread: 1, seed: 1)
        let weights = [0.4, 0.3, 0.3]
        let (Z, _, _) = X.standardized(weights: weights)
        for j in 0..<3 {
            let col = Z.column(j)
            let mean = col.reduce(0, +) / 500
            let sd = (col.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 500).squareRoot()
            #expect(abs(mean) < 1e-12)
            #expect(abs(sd - weights[j]) < 1e-12)
        }
    }

    @Test func sampleKeepsTheRequestedRowsInOrder() {
        let X = FeatureMatrix(rows: [[0, 0], [1, 1], [2, 2], [3, 3]])
        #expect(X.sample(rows: [3, 1]) == FeatureMatrix(rows: [[3, 3], [1, 1]]))
        #expect(X.sample(rows: []).rows == 0)
    }

    @Test func emptyMatrices() {
        #expect(FeatureMatrix(columns: []).rows == 0)
        let (Z, means, sds) = FeatureMatrix(columns: [[], []]).standardized(weights: [1, 1])
        #expect(Z.rows == 0 && Z.columns == 2 && means == [0, 0] && sds == [1, 1])
    }
}
