/// Exact percentiles of a list of numbers, by selection instead of a full sort.
///
/// A percentile is interpolated linearly between the two closest ranks (the "type 7" rule of
/// Hyndman and Fan, numpy's and R's default): over `n` sorted values `x₀ … xₙ₋₁`, the
/// p-percentile is at position `h = (n − 1)·p`, that is `x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`.
/// So the median of an odd count is its middle value, of an even count the mean of the two
/// middle ones, and p = 0 and p = 1 are the minimum and the maximum. Exact: every value is
/// used, nothing is sampled or binned.
///
/// Only the needed ranks are put in place (Hoare's selection with a median-of-three pivot,
/// falling back to sorting a range that partitions badly, so the worst case stays n log n): a
/// few passes over the values instead of sorting them, which keeps `data stats` fast on a
/// million rows.
public enum OrderStatistics {
    /// The `percentiles` (each in 0…1) of `values`, in the order asked; nil when `values` is
    /// empty. `values` must hold no NaN; it is reordered (not sorted) in place.
    public static func percentiles(_ percentiles: [Double], of values: inout [Double]) -> [Double]? {
        let n = values.count
        guard n > 0 else { return nil }
        let positions = percentiles.map { p -> (rank: Int, fraction: Double) in
            let h = Double(n - 1) * Swift.min(Swift.max(p, 0), 1)
            let rank = Swift.min(Int(h.rounded(.down)), n - 1)
            return (rank, h - Double(rank))
        }
        var ranks = Set<Int>()
        for position in positions {
            ranks.insert(position.rank)
            if position.fraction > 0 && position.rank + 1 < n { ranks.insert(position.rank + 1) }
        }
        let sortedRanks = ranks.sorted()
        values.withUnsafeMutableBufferPointer { buffer in
            place(sortedRanks[...], in: buffer, buffer.startIndex, buffer.endIndex - 1)
        }
        return positions.map { position in
            let low = values[position.rank]
            guard position.fraction > 0, position.rank + 1 < n else { return low }
            return low + position.fraction * (values[position.rank + 1] - low)
        }
    }

    /// Puts every rank of `ranks` (ascending, unique, within `low…high`) where a sort of
    /// `low…high` would put it, each range split around the middle rank first.
    static func place(_ ranks: ArraySlice<Int>, in values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        guard !ranks.isEmpty else { return }
        let middle = ranks.startIndex + ranks.count / 2
        let k = ranks[middle]
        select(k, in: values, low, high)
        place(ranks[..<middle], in: values, low, k - 1)
        place(ranks[(middle + 1)...], in: values, k + 1, high)
    }

    /// Rearranges `low…high` so that position `k` holds the value a sort would put there, with
    /// nothing greater before it and nothing smaller after it.
    static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        var l = low, m = high
        // Partitions that keep more than half the range this many times in a row are unlucky
        // pivots: sort what is left instead (n log n at worst).
        var allowance = 2 * (Int.bitWidth - (high - low + 1).leadingZeroBitCount) + 4
        while l < m {
            if allowance == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: values[l...m])
                rest.sort()
                return
            }
            let before = m - l
            let x = medianOfThree(values[l], values[l + (m - l) / 2], values[m])
            var i = l, j = m
            // The pivot is a value of the range, so each scan stops inside it; after a swap the
            // swapped values stop the next scans (Hoare's scheme: equal values split evenly).
            repeat {
                while values[i] < x { i += 1 }
                while x < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            } while i <= j
            if j < k { l = i }
            if k < i { m = j }
            if 2 * (m - l) > before { allowance -= 1 }
        }
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        if a < b {
            return b < c ? b : (a < c ? c : a)
        }
        return a < c ? a : (b < c ? c : b)
    }
}
