import Builtins
import LuaBridge
import Plugins

/// What the naming hook learns about one cluster: size, feature means and z-scores, the
/// features that set it apart, and the raw columns' means and modes.
struct ClusterSummary {
    var index: Int
    var size: Int
    var share: Double
    var means: [String: Double]
    var z: [String: Double]
    /// Features by |z|, strongest first (ties by name).
    var distinguishing: [(feature: String, z: Double)]
    var profile: [String: JSONValue]

    /// Summaries of every cluster from the computed features and the fetched columns.
    static func summarize(labels: [Int32], k: Int, features: FeatureEngine.Features,
                          table: ColumnTable, profileColumns: [String]) -> [ClusterSummary] {
        let n = labels.count
        var counts = [Int](repeating: 0, count: k)
        for label in labels { counts[Int(label)] += 1 }
        let featureNames = features.names
        // z-scores divide by the overall sd; a constant feature (sd 0) divides by 1.
        let overall = features.moments.map { (mean: $0.mean, sd: $0.sd > 0 ? $0.sd : 1) }
        let featureMeans = features.values.map { column -> [Double] in
            var sums = [Double](repeating: 0, count: k)
            for i in 0..<n { sums[Int(labels[i])] += column[i] }
            return (0..<k).map { sums[$0] / Double(max(counts[$0], 1)) }
        }
        let profiles = profile(labels: labels, k: k, counts: counts, table: table, columns: profileColumns)
        return (0..<k).map { c in
            var means: [String: Double] = [:]
            var z: [String: Double] = [:]
            for (f, name) in featureNames.enumerated() {
                means[name] = featureMeans[f][c]
                z[name] = (featureMeans[f][c] - overall[f].mean) / overall[f].sd
            }
            let distinguishing = z.map { (feature: $0.key, z: $0.value) }
                .sorted { (abs($0.z), $1.feature) > (abs($1.z), $0.feature) }
            return ClusterSummary(index: c + 1, size: counts[c], share: Double(counts[c]) / Double(max(n, 1)),
                                  means: means, z: z, distinguishing: distinguishing, profile: profiles[c])
        }
    }

    /// Per cluster: the mean of each numeric profile column, the most common value of each text one
    /// (ties → alphabetical).
    static func profile(labels: [Int32], k: Int, counts: [Int], table: ColumnTable, columns: [String]) -> [[String: JSONValue]] {
        var result = [[String: JSONValue]](repeating: [:], count: k)
        for name in columns {
            if let column = table.numeric[name] {
                var sums = [Double](repeating: 0, count: k)
                var present = [Int](repeating: 0, count: k)
                for (i, value) in column.enumerated() where !value.isNaN {
                    sums[Int(labels[i])] += value
                    present[Int(labels[i])] += 1
                }
                for c in 0..<k { result[c][name] = present[c] > 0 ? .number(sums[c] / Double(present[c])) : .null }
            } else if let column = table.text[name] {
                var tallies = [[Int]](repeating: [Int](repeating: 0, count: column.dictionary.count), count: k)
                for (i, code) in column.codes.enumerated() where code >= 0 { tallies[Int(labels[i])][Int(code)] += 1 }
                for c in 0..<k {
                    let best = tallies[c].indices.max { (tallies[c][$0], column.dictionary[$1]) < (tallies[c][$1], column.dictionary[$0]) }
                    result[c][name] = best.map { tallies[c][$0] > 0 ? .string(column.dictionary[$0]) : .null } ?? .null
                }
            }
        }
        return result
    }

    /// The `cluster` table handed to `persona(cluster)`.
    func luaValue(filter: [String: LuaValue], taken: [String], attempt: Int) -> LuaValue {
        func table(_ values: [String: LuaValue]) -> LuaValue {
            .table(Dictionary(uniqueKeysWithValues: values.map { (LuaKey.string($0.key), $0.value) }))
        }
        let ranked: [LuaValue] = distinguishing.map { table(["feature": .string($0.feature), "z": .number($0.z)]) }
        var fields: [String: LuaValue] = [:]
        fields["index"] = .integer(Int64(index))
        fields["size"] = .integer(Int64(size))
        fields["share"] = .number(share)
        fields["means"] = table(means.mapValues(LuaValue.number))
        fields["z"] = table(z.mapValues(LuaValue.number))
        fields["distinguishing"] = .array(ranked)
        fields["profile"] = table(profile.mapValues(\.luaValue))
        fields["filter"] = table(filter)
        fields["taken"] = .array(taken.map(LuaValue.string))
        fields["attempt"] = .integer(Int64(attempt))
        return table(fields)
    }
}
