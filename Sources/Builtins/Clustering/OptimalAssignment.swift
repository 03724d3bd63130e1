/// The optimal one-to-one assignment of rows to columns of a weight matrix (the Hungarian
/// method, in the O(n²m) shortest-augmenting-path form with potentials): the pairing whose
/// total weight is the largest, each row and each column used at most once.
///
/// Used to match the personas of two runs by member overlap (`runs diff`). Greedy matching
/// (take the largest overlap, then the next) can lose: with overlaps [[5, 4], [4, 0]] greedy
/// pairs 5 and 0 (total 5) where the optimum pairs 4 and 4 (total 8).
///
/// Deterministic: the same matrix gives the same pairing. A rectangular matrix leaves the
/// surplus rows (or columns) unassigned.
public enum OptimalAssignment {
    /// For each row, the column assigned to it (nil when there are more rows than columns and
    /// the row is left out), maximising the sum of `weights[row][column]`. Rows may have
    /// different lengths: a missing entry, or a non-finite one, weighs 0.
    public static func maximizing(_ weights: [[Double]]) -> [Int?] {
        let rows = weights.count
        let columns = weights.map(\.count).max() ?? 0
        guard rows > 0, columns > 0 else { return Array(repeating: nil, count: rows) }
        func weight(_ row: Int, _ column: Int) -> Double {
            guard column < weights[row].count, weights[row][column].isFinite else { return 0 }
            return weights[row][column]
        }
        // The method below needs rows ≤ columns: assign the transposed matrix otherwise.
        if rows > columns {
            let transposed = (0..<columns).map { column in (0..<rows).map { weight($0, column) } }
            var result = [Int?](repeating: nil, count: rows)
            for (column, row) in maximizing(transposed).enumerated() {
                if let row { result[row] = column }
            }
            return result
        }
        // Minimise the negated weights; 1-based arrays, index 0 is the virtual start.
        let infinity = Double.infinity
        var u = [Double](repeating: 0, count: rows + 1)
        var v = [Double](repeating: 0, count: columns + 1)
        var owner = [Int](repeating: 0, count: columns + 1)  // owner[column] = row (1-based), 0 = free
        var way = [Int](repeating: 0, count: columns + 1)
        for row in 1...rows {
            owner[0] = row
            var column0 = 0
            var minimum = [Double](repeating: infinity, count: columns + 1)
            var used = [Bool](repeating: false, count: columns + 1)
            repeat {
                used[column0] = true
                let row0 = owner[column0]
                var delta = infinity
                var column1 = 0
                for column in 1...columns where !used[column] {
                    let reduced = -weight(row0 - 1, column - 1) - u[row0] - v[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...columns {
                    if used[column] {
                        u[owner[column]] += delta
                        v[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while owner[column0] != 0
            repeat {
                let column1 = way[column0]
                owner[column0] = owner[column1]
                column0 = column1
            } while column0 != 0
        }
        var result = [Int?](repeating: nil, count: rows)
        for column in 1...columns where owner[column] != 0 {
            result[owner[column] - 1] = column - 1
        }
        return result
    }
}
