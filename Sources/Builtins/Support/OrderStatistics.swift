/// Exact percentiles of a list of numbers, without sorting it.
///
/// A percentile is interpolated linearly between the two closest ranks (the "type 7" rule of
/// Hyndman and Fan, numpy's and R's default): over `n` sorted values `x₀ … xₙ₋₁`, the
/// p-percentile is at position `h = (n − 1)·p`, that is `x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`.
/// So the median of an odd count is its middle value, of an even count the mean of the two
/// middle ones, and p = 0 and p = 1 are the minimum and the maximum. Exact: every value is
/// used, nothing is sampled or approximated.
///
/// How, fast at a million values: the values are counted into equal-width buckets between the
/// minimum and the maximum (the bucket of a value never decreases as the value grows), the
/// cumulative counts say which bucket holds each needed rank and at which offset, and only
/// those buckets' values are then ordered (a bucket of equal values, an integer column's usual
/// case, needs no ordering), by Hoare's selection (median-of-three pivot; a range that keeps
/// partitioning badly is sorted instead, so the worst case stays n log n). Four or five passes
/// over the values instead of a sort; small lists are selected directly.
public enum OrderStatistics {
    /// Below this many values, selection on a copy is as fast as counting buckets.
    static let directBelow = 4_096
    /// Buckets for the counting pass.
    static let buckets = 4_096

    /// The `percentiles` (each in 0…1) of `values`, in the order asked; nil when `values` is
    /// empty. `values` must hold no NaN.
    public static func percentiles(_ percentiles: [Double], of values: [Double]) -> [Double]? {
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
        let ranked = orderStatistics(ranks.sorted(), of: values)
        return positions.map { position in
            let low = ranked[position.rank]!
            guard position.fraction > 0, position.rank + 1 < n else { return low }
            return low + position.fraction * (ranked[position.rank + 1]! - low)
        }
    }

    /// The value at each of `ranks` (ascending, unique, within the values) in sorted order.
    static func orderStatistics(_ ranks: [Int], of values: [Double]) -> [Int: Double] {
        var lowest = Double.infinity, highest = -Double.infinity
        for value in values {
            lowest = Swift.min(lowest, value)
            highest = Swift.max(highest, value)
        }
        let width = highest - lowest
        guard values.count >= directBelow, width > 0, width.isFinite else {
            if width == 0 { return Dictionary(uniqueKeysWithValues: ranks.map { ($0, lowest) }) }
            var copy = values
            return direct(ranks, of: &copy, offset: 0)
        }
        let scale = Double(buckets) / width
        @inline(__always) func bucket(_ value: Double) -> Int { Swift.min(Int((value - lowest) * scale), buckets - 1) }
        var counts = [Int](repeating: 0, count: buckets)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in values { counts[bucket(value)] += 1 }
        }
        // Which bucket holds each rank, and how many values come before that bucket.
        var wanted: [Int: (before: Int, ranks: [Int])] = [:]
        var before = 0, b = 0
        for rank in ranks {
            while before + counts[b] <= rank {
                before += counts[b]
                b += 1
            }
            wanted[b, default: (before, [])].ranks.append(rank)
        }
        var slot = [Int](repeating: -1, count: buckets)
        let chosen = wanted.keys.sorted()
        for (i, key) in chosen.enumerated() { slot[key] = i }
        // The chosen buckets' own ranges: a bucket of equal values (an integer column's usual
        // case) answers without gathering anything.
        var low = [Double](repeating: .infinity, count: chosen.count)
        var high = [Double](repeating: -.infinity, count: chosen.count)
        slot.withUnsafeBufferPointer { slot in
            low.withUnsafeMutableBufferPointer { low in
                high.withUnsafeMutableBufferPointer { high in
                    for value in values {
                        let s = slot[bucket(value)]
                        if s >= 0 {
                            low[s] = Swift.min(low[s], value)
                            high[s] = Swift.max(high[s], value)
                        }
                    }
                }
            }
        }
        var result: [Int: Double] = [:]
        for (i, key) in chosen.enumerated() where low[i] == high[i] {
            for rank in wanted[key]!.ranks { result[rank] = low[i] }
            slot[key] = -1
        }
        var members = chosen.map { key -> [Double] in
            var list: [Double] = []
            if slot[key] >= 0 { list.reserveCapacity(counts[key]) }
            return list
        }
        if slot.contains(where: { $0 >= 0 }) {
            slot.withUnsafeBufferPointer { slot in
                for value in values {
                    let s = slot[bucket(value)]
                    if s >= 0 { members[s].append(value) }
                }
            }
        }
        for (i, key) in chosen.enumerated() where slot[key] >= 0 {
            let entry = wanted[key]!
            let local = direct(entry.ranks.map { $0 - entry.before }, of: &members[i], offset: entry.before)
            result.merge(local) { a, _ in a }
        }
        return result
    }

    /// Selection on `values` itself: the value at each of `ranks` (local to `values`), keyed
    /// by rank + `offset`.
    static func direct(_ ranks: [Int], of values: inout [Double], offset: Int) -> [Int: Double] {
        values.withUnsafeMutableBufferPointer { buffer in
            place(ranks[...], in: buffer, buffer.startIndex, buffer.endIndex - 1)
        }
        return Dictionary(uniqueKeysWithValues: ranks.map { ($0 + offset, values[$0]) })
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
        // Partitions that keep more than half the range this many times are unlucky pivots:
        // sort what is left instead (n log n at worst).
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
