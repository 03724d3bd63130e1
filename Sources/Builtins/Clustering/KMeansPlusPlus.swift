/// k-means++ seeding over column-major data (internal to `KMeans`).
///
/// The first centre is a uniform row; each further centre is drawn with probability proportional to the squared
/// distance to the nearest centre chosen so far (D² sampling). With `trials` > 1 this is sklearn's greedy
/// variant: draw `trials` candidates and keep the one that minimises the new potential. The D² draw walks the
/// fixed row chunks' partial sums and then the chosen chunk, so it is deterministic and parallel.
enum KMeansPlusPlus {
    static func seed(cols: UnsafePointer<Double>, n: Int, d: Int, k: Int, trials: Int,
                     rng: inout SeededGenerator) -> [Double] {
        var centroids = [Double](repeating: 0, count: k * d)
        func setCentroid(_ c: Int, row: Int) {
            for j in 0..<d { centroids[c * d + j] = cols[j * n + row] }
        }
        setCentroid(0, row: rng.nextInt(below: n))
        if k == 1 { return centroids }

        let chunks = ParallelChunks.chunkCount(n)
        var closest = [Double](repeating: 0, count: n)
        var chunkPotential = [Double](repeating: 0, count: chunks)
        var candidatePotential = [Double](repeating: 0, count: chunks * trials)
        var candidatePoints = [Double](repeating: 0, count: trials * d)

        // closest = min(closest, d²(row, point)) (or = d² when `first`); chunk sums into chunkPotential.
        func update(point: [Double], first: Bool) {
            closest.withUnsafeMutableBufferPointer { cl in
                chunkPotential.withUnsafeMutableBufferPointer { cp in
                    point.withUnsafeBufferPointer { pt in
                        ParallelChunks.forEach(count: n) { chunk, range in
                            withUnsafeTemporaryAllocation(of: Double.self, capacity: NearestCentroid.block) { buf in
                                let dist = buf.baseAddress!
                                var total = 0.0
                                var start = range.lowerBound
                                while start < range.upperBound {
                                    let b = min(NearestCentroid.block, range.upperBound - start)
                                    NearestCentroid.squaredDistances(cols: cols, n: n, d: d, start: start, count: b,
                                                                     to: pt.baseAddress!, into: dist)
                                    let out = cl.baseAddress! + start
                                    if first {
                                        out.update(from: dist, count: b)
                                    } else {
                                        for t in 0..<b { out[t] = min(out[t], dist[t]) }
                                    }
                                    total += NearestCentroid.sum(out, count: b)
                                    start += b
                                }
                                cp[chunk] = total
                            }
                        }
                    }
                }
            }
        }

        // A row drawn with probability closest[i] / potential.
        func draw(potential: Double) -> Int {
            guard potential > 0 else { return rng.nextInt(below: n) }
            let r = rng.nextDouble() * potential
            var acc = 0.0
            for chunk in 0..<chunks {
                let part = chunkPotential[chunk]
                if acc + part > r {
                    let start = chunk * ParallelChunks.defaultChunkSize
                    let end = min(n, start + ParallelChunks.defaultChunkSize)
                    var a = acc
                    var lastPositive = -1
                    for i in start..<end where closest[i] > 0 {
                        a += closest[i]
                        lastPositive = i
                        if a > r { return i }
                    }
                    if lastPositive >= 0 { return lastPositive }
                }
                acc += part
            }
            for i in stride(from: n - 1, through: 0, by: -1) where closest[i] > 0 { return i }
            return rng.nextInt(below: n)
        }

        update(point: Array(centroids[0..<d]), first: true)
        var potential = chunkPotential.reduce(0, +)
        for c in 1..<k {
            var candidates = [Int]()
            for _ in 0..<trials { candidates.append(draw(potential: potential)) }
            var chosen = candidates[0]
            if trials > 1 {
                for (t, row) in candidates.enumerated() {
                    for j in 0..<d { candidatePoints[t * d + j] = cols[j * n + row] }
                }
                closest.withUnsafeBufferPointer { cl in
                    candidatePoints.withUnsafeBufferPointer { cpts in
                        candidatePotential.withUnsafeMutableBufferPointer { cpot in
                            ParallelChunks.forEach(count: n) { chunk, range in
                                withUnsafeTemporaryAllocation(of: Double.self, capacity: NearestCentroid.block) { buf in
                                    let dist = buf.baseAddress!
                                    for t in 0..<trials {
                                        var total = 0.0
                                        var start = range.lowerBound
                                        while start < range.upperBound {
                                            let b = min(NearestCentroid.block, range.upperBound - start)
                                            NearestCentroid.squaredDistances(
                                                cols: cols, n: n, d: d, start: start, count: b,
                                                to: cpts.baseAddress! + t * d, into: dist)
                                            let old = cl.baseAddress! + start
                                            for x in 0..<b { dist[x] = min(dist[x], old[x]) }
                                            total += NearestCentroid.sum(dist, count: b)
                                            start += b
                                        }
                                        cpot[chunk * trials + t] = total
                                    }
                                }
                            }
                        }
                    }
                }
                var bestPotential = Double.infinity
                for t in 0..<trials {
                    var total = 0.0
                    for chunk in 0..<chunks { total += candidatePotential[chunk * trials + t] }
                    if total < bestPotential {
                        bestPotential = total
                        chosen = candidates[t]
                    }
                }
            }
            setCentroid(c, row: chosen)
            if c + 1 < k {
                update(point: Array(centroids[(c * d)..<((c + 1) * d)]), first: false)
                potential = chunkPotential.reduce(0, +)
            }
        }
        return centroids
    }
}
