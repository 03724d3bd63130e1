import Testing
@testable import Builtins

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xs = (0..<8).map { _ in a.next() }
        #expect(xs == (0..<8).map { _ in b.next() })
        #expect(xs != (0..<8).map { _ in c.next() })
        var s0 = SeededGenerator(seed: 42, stream: 0), s1 = SeededGenerator(seed: 42, stream: 1)
        #expect(s0.next() != s1.next())
    }

    @Test func streamIsPinnedAcrossPlatformsAndVersions() {
        // xoshiro256** seeded by SplitMix64(0), values checked against an independent Python implementation:
        // a change here changes every seeded result (k-means++ draws, Ward and silhouette samples).
        var g = SeededGenerator(seed: 0)
        #expect((0..<3).map { _ in g.next() } == SeededGeneratorTests.pinned)
    }

    static let pinned: [UInt64] = [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0]

    @Test func doublesAndIntsStayInRange() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<10_000 {
            let x = g.nextDouble()
            #expect(x >= 0 && x < 1)
            let i = g.nextInt(below: 7)
            #expect(i >= 0 && i < 7)
        }
        var counts = [Int](repeating: 0, count: 4)
        for _ in 0..<40_000 { counts[g.nextInt(below: 4)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
    }

    @Test(arguments: [(1_000, 10), (1_000, 500), (1_000, 999), (50, 50), (50, 80), (20_000, 1_000)])
    func samplesAreSortedDistinctAndComplete(n: Int, count: Int) {
        var g = SeededGenerator(seed: 3)
        let s = g.sampleWithoutReplacement(n, count: count)
        #expect(s.count == min(n, count))
        #expect(zip(s, s.dropFirst()).allSatisfy { $0 < $1 })
        #expect(s.allSatisfy { $0 >= 0 && $0 < n })
        var again = SeededGenerator(seed: 3)
        #expect(again.sampleWithoutReplacement(n, count: count) == s)
    }

    @Test func samplesCoverTheRangeUniformly() {
        // Both algorithms (Floyd for small samples, selection sampling for large ones) hit every row alike.
        for count in [20, 300] {
            var hits = [Int](repeating: 0, count: 1_000)
            var g = SeededGenerator(seed: 11)
            for _ in 0..<(60_000 / count) {
                for i in g.sampleWithoutReplacement(1_000, count: count) { hits[i] += 1 }
            }
            let mean = 60.0
            #expect(hits.allSatisfy { Double($0) > mean * 0.4 && Double($0) < mean * 1.8 }, "count \(count)")
        }
    }
}
