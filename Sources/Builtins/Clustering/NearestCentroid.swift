/// The shared hot loop of k-means, Ward's sample assignment and cluster summaries: nearest-centroid assignment
/// of a row range over column-major data, optionally accumulating per-cluster sums and counts.
///
/// Rows are processed in small blocks so the per-centroid distance loops are simple, branch-free, vectorisable
/// passes over contiguous memory (labels are kept as doubles inside a block so the compare-and-select stays
/// one vector select). Sum updates go to four interleaved accumulator copies (row t uses copy t % 4), which
/// breaks the store-to-load dependency chain when neighbouring rows share a cluster; the copies are combined in
/// a fixed order, so results are deterministic.
enum NearestCentroid {
    static let block = 256

    /// Assigns rows `range` of the column-major `cols` (n rows, d columns, `cols[j * n + i]`) to the nearest of
    /// the `k` row-major `centroids` (ties → lowest centroid index).
    ///
    /// Writes `labels[i]` (reading the previous label there; negative = none). When `sums` is given, overwrites
    /// `sums[0..<k*(d+1)]` with the change this range makes to every cluster's coordinate sums and row count
    /// (each row whose label changed leaves its old cluster and joins its new one), so callers keep running
    /// totals without re-adding unchanged rows. Returns the range's inertia (sum of squared distances to the
    /// nearest centroid) and how many labels changed.
    static func assign(
        cols: UnsafePointer<Double>, n: Int, d: Int, range: Range<Int>,
        centroids: UnsafePointer<Double>, k: Int,
        labels: UnsafeMutablePointer<Int32>,
        sums: UnsafeMutablePointer<Double>? = nil
    ) -> (inertia: Double, changed: Int) {
        let stride = d + 1
        let kd = k * stride
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * block + 4 * kd) { scratch in
            let best = scratch.baseAddress!
            let lab = best + block  // labels as doubles: keeps the compare-select loop vectorisable
            let dist = lab + block
            let s4 = dist + block
            if sums != nil { s4.initialize(repeating: 0, count: 4 * kd) }
            var in0 = 0.0, in1 = 0.0, in2 = 0.0, in3 = 0.0
            var changed = 0
            var start = range.lowerBound
            while start < range.upperBound {
                let b = min(block, range.upperBound - start)
                let base = cols + start
                switch d {
                case 1: nearest(FixedDimensions.One.self, base: base, n: n, count: b, centroids: centroids, k: k,
                                best: best, label: lab)
                case 2: nearest(FixedDimensions.Two.self, base: base, n: n, count: b, centroids: centroids, k: k,
                                best: best, label: lab)
                case 3: nearest(FixedDimensions.Three.self, base: base, n: n, count: b, centroids: centroids, k: k,
                                best: best, label: lab)
                case 4: nearest(FixedDimensions.Four.self, base: base, n: n, count: b, centroids: centroids, k: k,
                                best: best, label: lab)
                default:
                    for c in 0..<k {
                        squaredDistances(cols: cols, n: n, d: d, start: start, count: b, to: centroids + c * d,
                                         into: c == 0 ? best : dist)
                        if c == 0 {
                            for t in 0..<b { lab[t] = 0 }
                        } else {
                            relax(distances: dist, best: best, label: lab, count: b, candidate: Double(c))
                        }
                    }
                }
                let out = labels + start
                for t in 0..<b {
                    let old = out[t]
                    // Compare as doubles (Int32 → Double is exact); convert only the labels that changed.
                    if Double(old) != lab[t] {
                        let l = Int32(truncatingIfNeeded: Int(lab[t]))
                        changed += 1
                        out[t] = l
                        if sums != nil {
                            // Move the row's coordinates from its old cluster's sums to its new one's.
                            let copy: Int = (t & 3) &* kd
                            let gain = s4 + (copy &+ Int(l) &* stride)
                            var p = base + t
                            for j in 0..<d {
                                gain[j] += p.pointee
                                p += n
                            }
                            gain[d] += 1
                            if old >= 0 {
                                let loss = s4 + (copy &+ Int(old) &* stride)
                                p = base + t
                                for j in 0..<d {
                                    loss[j] -= p.pointee
                                    p += n
                                }
                                loss[d] -= 1
                            }
                        }
                    }
                }
                var t = 0
                while t + 4 <= b {
                    in0 += best[t]
                    in1 += best[t + 1]
                    in2 += best[t + 2]
                    in3 += best[t + 3]
                    t += 4
                }
                while t < b {
                    in0 += best[t]
                    t += 1
                }
                start += b
            }
            if let sums {
                for e in 0..<kd {
                    sums[e] = ((s4[e] + s4[kd + e]) + s4[2 * kd + e]) + s4[3 * kd + e]
                }
            }
            return (((in0 + in1) + in2) + in3, changed)
        }
    }

    /// Nearest of `k` centroids for `count` rows starting at `base` (column stride n), with the column count
    /// a compile-time constant so the per-row distance is unrolled and the row loop vectorises. Index
    /// arithmetic is wrapping (`&+`, `&*`): overflow checks would block vectorisation.
    @inline(__always)
    static func nearest<D: FixedDimension>(_: D.Type, base: UnsafePointer<Double>, n: Int, count: Int,
                                           centroids: UnsafePointer<Double>, k: Int,
                                           best: UnsafeMutablePointer<Double>, label: UnsafeMutablePointer<Double>) {
        let first = D.load(centroids)
        for t in 0..<count {
            best[t] = D.squaredDistance(base, t, n, first)
            label[t] = 0
        }
        for c in 1..<max(k, 1) {
            let cen = D.load(centroids + c &* D.count)
            let candidate = Double(c)
            for t in 0..<count {
                let s = D.squaredDistance(base, t, n, cen)
                // Load everything, then store unconditionally: keeps this a branch-free select.
                let bt = best[t]
                let lt = label[t]
                let less = s < bt
                let nb = less ? s : bt
                let nl = less ? candidate : lt
                best[t] = nb
                label[t] = nl
            }
        }
    }

    /// `best = min(best, distances)` elementwise, recording `candidate` in `label` where it improved
    /// (strictly: ties keep the earlier centroid). Branch-free, so it vectorises.
    @inline(__always)
    static func relax(distances: UnsafePointer<Double>, best: UnsafeMutablePointer<Double>,
                      label: UnsafeMutablePointer<Double>, count: Int, candidate: Double) {
        for t in 0..<count {
            let dt = distances[t]
            let bt = best[t]
            let lt = label[t]
            let less = dt < bt
            let nb = less ? dt : bt
            let nl = less ? candidate : lt
            best[t] = nb
            label[t] = nl
        }
    }

    /// Squared Euclidean distance between row `i` of column-major `cols` and a row-major point `p`.
    @inline(__always)
    static func squaredDistance(cols: UnsafePointer<Double>, n: Int, d: Int, row i: Int,
                                to p: UnsafePointer<Double>) -> Double {
        var s = 0.0
        for j in 0..<d {
            let e = cols[j * n + i] - p[j]
            s += e * e
        }
        return s
    }

    /// Labels every row of column-major `cols` with its nearest centroid, in parallel.
    static func labels(cols: [Double], n: Int, d: Int, centroids: [Double], k: Int) -> [Int32] {
        var labels = [Int32](repeating: -1, count: n)
        guard n > 0, d > 0, k > 0 else { return [Int32](repeating: 0, count: n) }
        cols.withUnsafeBufferPointer { cb in
            centroids.withUnsafeBufferPointer { cen in
                labels.withUnsafeMutableBufferPointer { lb in
                    ParallelChunks.forEach(count: n) { _, range in
                        _ = assign(cols: cb.baseAddress!, n: n, d: d, range: range,
                                   centroids: cen.baseAddress!, k: k, labels: lb.baseAddress!)
                    }
                }
            }
        }
        return labels
    }

    /// `out[t]` = squared distance from row `start + t` of column-major `cols` to the row-major `point`,
    /// for t in 0..<count (one vectorisable pass per column).
    @inline(__always)
    static func squaredDistances(cols: UnsafePointer<Double>, n: Int, d: Int, start: Int, count: Int,
                                 to point: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let base = cols + start
        switch d {
        case 1: squaredDistances(FixedDimensions.One.self, base: base, n: n, count: count, to: point, into: out)
        case 2: squaredDistances(FixedDimensions.Two.self, base: base, n: n, count: count, to: point, into: out)
        case 3: squaredDistances(FixedDimensions.Three.self, base: base, n: n, count: count, to: point, into: out)
        case 4: squaredDistances(FixedDimensions.Four.self, base: base, n: n, count: count, to: point, into: out)
        default:
            let p0 = point[0]
            for t in 0..<count {
                let e = base[t] - p0
                out[t] = e * e
            }
            var j = 1
            while j < d {
                let pj = point[j]
                let col = base + j * n
                for t in 0..<count {
                    let e = col[t] - pj
                    out[t] += e * e
                }
                j += 1
            }
        }
    }

    /// `squaredDistances` for a compile-time column count: one fused, vectorisable loop (the point's
    /// coordinates are hoisted into locals so no load in the loop can alias the stores).
    @inline(__always)
    static func squaredDistances<D: FixedDimension>(_: D.Type, base: UnsafePointer<Double>, n: Int, count: Int,
                                                    to point: UnsafePointer<Double>,
                                                    into out: UnsafeMutablePointer<Double>) {
        let p = D.load(point)
        for t in 0..<count { out[t] = D.squaredDistance(base, t, n, p) }
    }

    /// Sum of `values[0..<count]` with four interleaved accumulators (fixed order, so deterministic).
    @inline(__always)
    static func sum(_ values: UnsafePointer<Double>, count: Int) -> Double {
        var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
        var t = 0
        while t + 4 <= count {
            a0 += values[t]
            a1 += values[t + 1]
            a2 += values[t + 2]
            a3 += values[t + 3]
            t += 4
        }
        while t < count {
            a0 += values[t]
            t += 1
        }
        return ((a0 + a1) + a2) + a3
    }
}
