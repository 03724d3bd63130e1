import Testing
@testable import Builtins

/// Percentiles by buckets and selection agree with the same rule applied to a full sort, whatever
/// the order, the spread and however many values repeat (lists from 4,096 values use the buckets).
@Suite struct OrderStatisticsTests {
    /// The type-7 percentile of already sorted values, the plain way.
    func reference(_ p: Double, _ sorted: [Double]) -> Double {
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        guard low + 1 < sorted.count else { return sorted[low] }
        return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }

    static let shapes = ["random", "few distinct", "sorted", "reversed", "organ pipe", "all equal", "two values",
                         "one outlier", "beyond double range", "negative zero"]

    func values(_ shape: String, count n: Int) -> [Double] {
        var random = SeededGenerator(seed: 11)
        switch shape {
        case "random": return (0..<n).map { _ in Double(random.next() % 1_000_000) / 7 }
        case "few distinct": return (0..<n).map { _ in Double(random.next() % 3) }
        case "sorted": return (0..<n).map(Double.init)
        case "reversed": return (0..<n).reversed().map(Double.init)
        case "organ pipe": return (0..<n).map { Double(Swift.min($0, n - $0)) }
        case "all equal": return [Double](repeating: 4.5, count: n)
        // Nearly every value in the first bucket: that bucket is ordered value by value.
        case "one outlier": return (0..<n).map { $0 == n / 2 ? 1e12 : Double(random.next() % 1_000) / 3 }
        // max − min overflows to infinity: no buckets, selection on the whole list.
        case "beyond double range": return (0..<n).map { _ in random.next() % 2 == 0 ? -1e308 : Double(random.next() % 9) * 1e307 }
        case "negative zero": return (0..<n).map { $0 % 2 == 0 ? -0.0 : Double($0 % 5) }
        default: return (0..<n).map { $0 < n / 3 ? -1 : 1 }
        }
    }

    @Test(arguments: shapes, [1, 2, 3, 5, 100, 4_096, 10_001])
    func selectionAgreesWithASort(shape: String, count: Int) throws {
        let original = values(shape, count: count)
        let sorted = original.sorted()
        let ps = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1]
        let got = try #require(OrderStatistics.percentiles(ps, of: original))
        #expect(got == ps.map { reference($0, sorted) })
    }

    @Test func selectPutsOneRankInPlaceWithSmallerBeforeAndLargerAfter() {
        var values: [Double] = [9, 1, 8, 2, 7, 3, 6, 4, 5, 5, 0]
        values.withUnsafeMutableBufferPointer { OrderStatistics.select(4, in: $0, 0, $0.count - 1) }
        #expect(values[4] == 4)
        #expect(values[..<4].allSatisfy { $0 <= 4 } && values[5...].allSatisfy { $0 >= 4 })
    }

    @Test func noValuesHaveNoPercentile() {
        #expect(OrderStatistics.percentiles([0.5], of: []) == nil)
    }
}
