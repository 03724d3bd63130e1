/// A k-d tree over the active Ward clusters' centroids, to prune nearest-neighbour queries (internal to
/// `WardNNChain`).
///
/// Built by median splits on the widest column, with leaves of a few clusters whose coordinates and sizes are
/// copied next to each other (cache-friendly scans). Merged clusters are inserted by descending the split
/// planes and widening every node's box on the way; removed clusters leave boxes as they are, so every box
/// stays a bounding box of its contents. For a query a, a cluster s in node N costs
/// ‖c_a − c_s‖²·|s|/(|a|+|s|) ≥ dist²(c_a, box(N))·w/(|a|+w) with w ≤ every size ever inserted into N (sizes
/// only grow), so a depth-first, nearer-child-first search skips every node whose bound exceeds the best cost
/// found. Pruning is strict and slightly conservative (a relative slack of 1e-12 absorbs rounding), so a query
/// returns exactly what a full scan returns, ties included (lowest representative row).
struct WardKDTree {
    let d: Int
    /// Values per leaf entry: d coordinates, then the size.
    let stride: Int
    static let leafCapacity = 64

    // Nodes.
    var boxLo: [Double]
    var boxHi: [Double]
    var minSize: [Double]
    /// Children (−1 for a leaf) and, for leaves, the leaf index.
    var left: [Int32]
    var right: [Int32]
    var leafIndex: [Int32]
    var splitColumn: [Int32]
    var splitValue: [Double]

    // Leaves.
    var leafData: [[Double]]
    var leafSlots: [[Int32]]
    var leafOfSlot: [Int32]
    var positionOfSlot: [Int32]

    /// A tree over slots 0..<active of the column-major centroids `cen` (column stride m).
    init(cen: UnsafePointer<Double>, m: Int, d: Int, sizes: UnsafePointer<Double>, active: Int) {
        self.d = d
        stride = d + 1
        boxLo = []
        boxHi = []
        minSize = []
        left = []
        right = []
        leafIndex = []
        splitColumn = []
        splitValue = []
        leafData = []
        leafSlots = []
        leafOfSlot = [Int32](repeating: -1, count: m)
        positionOfSlot = [Int32](repeating: -1, count: m)
        var order = Array(0..<active)
        build(range: 0..<active, order: &order, cen: cen, m: m, sizes: sizes)
    }

    /// Builds the subtree over `order[range]`; returns its node id.
    @discardableResult
    private mutating func build(range: Range<Int>, order: inout [Int], cen: UnsafePointer<Double>, m: Int,
                                sizes: UnsafePointer<Double>) -> Int {
        let node = left.count
        var widest = 0, widestExtent = -1.0
        var smallest = Double.infinity
        for j in 0..<d {
            var lo = Double.infinity, hi = -Double.infinity
            for r in range {
                let v = cen[j * m + order[r]]
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
            boxLo.append(lo)
            boxHi.append(hi)
            if hi - lo > widestExtent {
                widestExtent = hi - lo
                widest = j
            }
        }
        for r in range { smallest = Swift.min(smallest, sizes[order[r]]) }
        minSize.append(smallest)
        left.append(-1)
        right.append(-1)
        leafIndex.append(-1)
        splitColumn.append(Int32(widest))
        splitValue.append(0)
        if range.count <= Self.leafCapacity || widestExtent <= 0 {
            let leaf = leafData.count
            leafIndex[node] = Int32(leaf)
            leafData.append([])
            leafSlots.append([])
            for r in range { append(slot: order[r], toLeaf: leaf, cen: cen, m: m, size: sizes[order[r]]) }
            return node
        }
        // Median split on the widest column (ties broken by slot, so the build is deterministic).
        let column = cen + widest * m
        order[range].sort { (column[$0], $0) < (column[$1], $1) }
        let mid = range.lowerBound + range.count / 2
        splitValue[node] = column[order[mid]]
        let l = build(range: range.lowerBound..<mid, order: &order, cen: cen, m: m, sizes: sizes)
        let r = build(range: mid..<range.upperBound, order: &order, cen: cen, m: m, sizes: sizes)
        left[node] = Int32(l)
        right[node] = Int32(r)
        return node
    }

    private mutating func append(slot s: Int, toLeaf leaf: Int, cen: UnsafePointer<Double>, m: Int, size: Double) {
        leafOfSlot[s] = Int32(leaf)
        positionOfSlot[s] = Int32(leafSlots[leaf].count)
        leafSlots[leaf].append(Int32(s))
        for j in 0..<d { leafData[leaf].append(cen[j * m + s]) }
        leafData[leaf].append(size)
    }

    /// Inserts slot s (a merged cluster) into the leaf its centroid routes to, widening boxes on the way.
    mutating func insert(slot s: Int, cen: UnsafePointer<Double>, m: Int, size: Double) {
        var node = 0
        while true {
            for j in 0..<d {
                let v = cen[j * m + s]
                if v < boxLo[node * d + j] { boxLo[node * d + j] = v }
                if v > boxHi[node * d + j] { boxHi[node * d + j] = v }
            }
            if size < minSize[node] { minSize[node] = size }
            let leaf = Int(leafIndex[node])
            if leaf >= 0 {
                append(slot: s, toLeaf: leaf, cen: cen, m: m, size: size)
                return
            }
            node = cen[Int(splitColumn[node]) * m + s] < splitValue[node] ? Int(left[node]) : Int(right[node])
        }
    }

    mutating func remove(slot s: Int) {
        let leaf = Int(leafOfSlot[s]), p = Int(positionOfSlot[s])
        let last = leafSlots[leaf].count - 1
        if p != last {
            let moved = leafSlots[leaf][last]
            leafSlots[leaf][p] = moved
            positionOfSlot[Int(moved)] = Int32(p)
            for e in 0..<stride { leafData[leaf][p * stride + e] = leafData[leaf][last * stride + e] }
        }
        leafSlots[leaf].removeLast()
        leafData[leaf].removeLast(stride)
    }

    /// Slot `from` now lives in slot `to` (the compaction move of the Ward loop; its data is unchanged).
    mutating func move(slot from: Int, to: Int) {
        let leaf = Int(leafOfSlot[from]), p = Int(positionOfSlot[from])
        leafSlots[leaf][p] = Int32(to)
        leafOfSlot[to] = Int32(leaf)
        positionOfSlot[to] = Int32(p)
    }

    /// The active slot ≠ a minimising ‖c_a − c_s‖²·|s|/(|a|+|s|) (ties → lowest `rep`), computed exactly as
    /// `WardNNChain`'s full scan computes it; −1 if a is alone. `point` is scratch for d values.
    func nearest(to a: Int, cen: UnsafePointer<Double>, m: Int, sizes: UnsafePointer<Double>,
                 rep: UnsafePointer<Int>, point: UnsafeMutablePointer<Double>) -> Int {
        let d = self.d, stride = self.stride
        for j in 0..<d { point[j] = cen[j &* m &+ a] }
        let sa = sizes[a]
        var best = Double.infinity
        var bestSlot = -1
        return withUnsafeTemporaryAllocation(of: (Int32, Double).self, capacity: 128) { stack in
            // Lower bound of the cost of any cluster in `node`.
            @inline(__always)
            func bound(_ node: Int) -> Double {
                var g = 0.0
                let base = node &* d
                for j in 0..<d {
                    let x = point[j]
                    // Branch-free: at most one of the two gaps is positive.
                    let e = Swift.max(boxLo[base &+ j] - x, 0) + Swift.max(x - boxHi[base &+ j], 0)
                    g += e * e
                }
                let w = minSize[node]
                return g * (w / (sa + w)) * (1 - 1e-12)
            }
            var top = 0
            stack[0] = (0, 0)
            top = 1
            while top > 0 {
                top -= 1
                let (node32, lb) = stack[top]
                if lb > best { continue }
                let node = Int(node32)
                let leaf = Int(leafIndex[node])
                if leaf >= 0 {
                    leafData[leaf].withUnsafeBufferPointer { data in
                        leafSlots[leaf].withUnsafeBufferPointer { slots in
                            var e = data.baseAddress!
                            for q in 0..<slots.count {
                                defer { e += stride }
                                let s = Int(slots[q])
                                if s == a { continue }
                                var d2 = 0.0
                                for j in 0..<d {
                                    let diff = e[j] - point[j]
                                    d2 += diff * diff
                                }
                                let w = e[d]
                                let f = d2 * w / (sa + w)
                                if f < best || (f == best && bestSlot >= 0 && rep[s] < rep[bestSlot]) {
                                    best = f
                                    bestSlot = s
                                }
                            }
                        }
                    }
                    continue
                }
                let l = Int(left[node]), r = Int(right[node])
                let bl = bound(l), br = bound(r)
                // Push the farther child first so the nearer one is searched first.
                if bl <= br {
                    if br <= best { stack[top] = (Int32(r), br); top += 1 }
                    if bl <= best { stack[top] = (Int32(l), bl); top += 1 }
                } else {
                    if bl <= best { stack[top] = (Int32(l), bl); top += 1 }
                    if br <= best { stack[top] = (Int32(r), br); top += 1 }
                }
            }
            return bestSlot
        }
    }
}
