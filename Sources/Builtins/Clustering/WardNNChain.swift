/// Exact Ward agglomeration by the nearest-neighbour-chain algorithm (internal to `WardClustering`).
///
/// Clusters are kept as centroid + size (structure-of-arrays, compacted: a merge writes the union into one slot
/// and moves the last active slot into the other), never as a distance matrix: memory is O(n·d). The Ward
/// distance between clusters A and B is `sqrt(2·|A|·|B| / (|A|+|B|)) · ‖c_A − c_B‖` (scipy's convention: the
/// Lance–Williams Ward update on Euclidean distances), so two single rows are at their Euclidean distance.
/// Nearest-neighbour queries search a k-d tree of the active centroids (`WardKDTree`) while there are many
/// clusters, and scan all of them with a vectorised pass once few remain; both return the same answer, so the
/// worst case is O(n²·d) time and the typical low-dimensional case far less.
///
/// Because Ward's linkage is reducible, a pair of reciprocal nearest neighbours can be merged as soon as it is
/// found, and the chain stays valid after the merge. On ties the chain prefers its previous element (which is
/// what guarantees termination), then the cluster with the lowest representative row.
enum WardNNChain {
    /// One merge: representative rows (the smallest row index of each side) and the Ward height.
    struct RawMerge {
        var a: Int
        var b: Int
        var height: Double
        var size: Int
    }

    /// Active clusters below which queries scan every cluster instead of searching the k-d tree.
    static let treeMinimum = 512

    /// The n − 1 merges of the Ward tree of the rows of `X`, in the order the chain found them (not sorted).
    /// `treeMinimum` (tests only) sets the active-cluster count from which queries use the pruning k-d tree.
    static func merges(_ X: FeatureMatrix, treeMinimum: Int = treeMinimum) -> [RawMerge] {
        let m = X.rows, d = X.columns
        guard m >= 2 else { return [] }
        precondition(d >= 1, "Ward needs at least one column")
        // Working state, one slot per active cluster: centroid (column-major, cen[j * m + slot]), size and
        // representative (smallest) row; plus a cost buffer for full scans and a point scratch for the tree.
        let cen = UnsafeMutablePointer<Double>.allocate(capacity: m * d)
        let sz = UnsafeMutablePointer<Double>.allocate(capacity: m)
        let rep = UnsafeMutablePointer<Int>.allocate(capacity: m)
        let buf = UnsafeMutablePointer<Double>.allocate(capacity: m)
        let pt = UnsafeMutablePointer<Double>.allocate(capacity: d)
        defer {
            cen.deallocate()
            sz.deallocate()
            rep.deallocate()
            buf.deallocate()
            pt.deallocate()
        }
        X.columnMajor().withUnsafeBufferPointer { cen.initialize(from: $0.baseAddress!, count: m * d) }
        sz.initialize(repeating: 1, count: m)
        for i in 0..<m { rep[i] = i }
        var chain = [Int]()
        chain.reserveCapacity(64)
        var out = [RawMerge]()
        out.reserveCapacity(m - 1)
        var active = m
        var tree = m >= treeMinimum ? WardKDTree(cen: cen, m: m, d: d, sizes: sz, active: m) : nil
        var treeBuiltAt = m

        // The cost the full scan computes for the pair (a, s).
        func cost(_ a: Int, _ s: Int) -> Double {
            var d2 = 0.0
            for j in 0..<d {
                let e = cen[j &* m &+ s] - cen[j &* m &+ a]
                d2 += e * e
            }
            let w = sz[s]
            return d2 * w / (sz[a] + w)
        }

        // The active slot ≠ a of least cost (ties → lowest representative), or `prev` if it ties with that.
        func nearest(to a: Int, preferring prev: Int) -> Int {
            var best: Int
            if let tree {
                best = tree.nearest(to: a, cen: cen, m: m, sizes: sz, rep: rep, point: pt)
            } else {
                let count = active
                switch d {
                case 1: wardCosts(FixedDimensions.One.self, cen: cen, m: m, sizes: sz, count: count, a: a, into: buf)
                case 2: wardCosts(FixedDimensions.Two.self, cen: cen, m: m, sizes: sz, count: count, a: a, into: buf)
                case 3: wardCosts(FixedDimensions.Three.self, cen: cen, m: m, sizes: sz, count: count, a: a, into: buf)
                case 4: wardCosts(FixedDimensions.Four.self, cen: cen, m: m, sizes: sz, count: count, a: a, into: buf)
                default: wardCosts(cen: cen, m: m, d: d, sizes: sz, count: count, a: a, into: buf)
                }
                buf[a] = .infinity
                best = argmin(buf, count: count, rep: rep)
            }
            if prev >= 0 && cost(a, prev) <= cost(a, best) { return prev }
            return best
        }

        while active > 1 {
            if chain.isEmpty { chain.append(0) }
            var a = chain[chain.count - 1]
            var b: Int
            while true {
                let prev = chain.count >= 2 ? chain[chain.count - 2] : -1
                b = nearest(to: a, preferring: prev)
                if b == prev { break }
                chain.append(b)
                a = b
            }
            chain.removeLast(2)
            // Merge a and b into the lower slot; move the last active slot into the higher one.
            let lo = min(a, b), hi = max(a, b)
            let sl = sz[lo], sh = sz[hi], total = sl + sh
            tree?.remove(slot: lo)
            tree?.remove(slot: hi)
            var d2 = 0.0
            for j in 0..<d {
                let pl = cen[j * m + lo], ph = cen[j * m + hi]
                let e = pl - ph
                d2 += e * e
                cen[j * m + lo] = (sl * pl + sh * ph) / total
            }
            let height = (2 * sl * sh / total * d2).squareRoot()
            out.append(RawMerge(a: min(rep[lo], rep[hi]), b: max(rep[lo], rep[hi]), height: height,
                                size: Int(total)))
            sz[lo] = total
            rep[lo] = min(rep[lo], rep[hi])
            tree?.insert(slot: lo, cen: cen, m: m, size: total)
            let last = active - 1
            if hi != last {
                for j in 0..<d { cen[j * m + hi] = cen[j * m + last] }
                sz[hi] = sz[last]
                rep[hi] = rep[last]
                tree?.move(slot: last, to: hi)
                for i in chain.indices where chain[i] == last { chain[i] = hi }
            }
            active -= 1
            if tree != nil {
                if active < treeMinimum {
                    tree = nil
                } else if active <= treeBuiltAt / 2 {
                    // Rebuild: tighter boxes, balanced leaves.
                    tree = WardKDTree(cen: cen, m: m, d: d, sizes: sz, active: active)
                    treeBuiltAt = active
                }
            }
        }
        return out
    }

    /// Fused, vectorisable cost pass for a compile-time column count.
    @inline(__always)
    static func wardCosts<D: FixedDimension>(_: D.Type, cen: UnsafePointer<Double>, m: Int,
                                             sizes: UnsafePointer<Double>, count: Int, a: Int,
                                             into buf: UnsafeMutablePointer<Double>) {
        let point = D.load(column: cen, row: a, stride: m)
        let sa = sizes[a]
        for s in 0..<count {
            let d2 = D.squaredDistance(cen, s, m, point)
            let w = sizes[s]
            buf[s] = d2 * w / (sa + w)
        }
    }

    /// Cost pass for any column count (one vectorisable pass per column).
    @inline(__always)
    static func wardCosts(cen: UnsafePointer<Double>, m: Int, d: Int, sizes: UnsafePointer<Double>, count: Int,
                          a: Int, into buf: UnsafeMutablePointer<Double>) {
        let a0 = cen[a]
        for s in 0..<count {
            let e = cen[s] - a0
            buf[s] = e * e
        }
        var j = 1
        while j < d {
            let col = cen + j * m
            let aj = col[a]
            for s in 0..<count {
                let e = col[s] - aj
                buf[s] += e * e
            }
            j += 1
        }
        let sa = sizes[a]
        for s in 0..<count {
            let w = sizes[s]
            buf[s] = buf[s] * w / (sa + w)
        }
    }

    /// Index of the smallest of `values[0..<count]` (ties → lowest `rep`); four independent running minima
    /// keep the loop from being bound by one compare chain.
    @inline(__always)
    static func argmin(_ values: UnsafePointer<Double>, count: Int, rep: UnsafePointer<Int>) -> Int {
        var m0 = Double.infinity, m1 = Double.infinity, m2 = Double.infinity, m3 = Double.infinity
        var i0 = -1, i1 = -1, i2 = -1, i3 = -1
        @inline(__always)
        func better(_ v: Double, _ s: Int, _ m: Double, _ i: Int) -> Bool {
            v < m || (v == m && i >= 0 && rep[s] < rep[i])
        }
        var s = 0
        while s &+ 4 <= count {
            let v0 = values[s], v1 = values[s &+ 1], v2 = values[s &+ 2], v3 = values[s &+ 3]
            if better(v0, s, m0, i0) { m0 = v0; i0 = s }
            if better(v1, s &+ 1, m1, i1) { m1 = v1; i1 = s &+ 1 }
            if better(v2, s &+ 2, m2, i2) { m2 = v2; i2 = s &+ 2 }
            if better(v3, s &+ 3, m3, i3) { m3 = v3; i3 = s &+ 3 }
            s &+= 4
        }
        while s < count {
            if better(values[s], s, m0, i0) { m0 = values[s]; i0 = s }
            s &+= 1
        }
        var best = i0, bestValue = m0
        if i1 >= 0 && (best < 0 || better(m1, i1, bestValue, best)) { best = i1; bestValue = m1 }
        if i2 >= 0 && (best < 0 || better(m2, i2, bestValue, best)) { best = i2; bestValue = m2 }
        if i3 >= 0 && (best < 0 || better(m3, i3, bestValue, best)) { best = i3; bestValue = m3 }
        return max(best, 0)
    }
}
