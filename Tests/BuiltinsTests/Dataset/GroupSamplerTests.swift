import Testing
@testable import Builtins

/// Selection sampling with repeats: exact totals, the spread of copies, and seeds that decide.
struct GroupSamplerTests {
    func run(available: Int, quota: Int, seed: UInt64) -> [Int] {
        var sampler = GroupSampler(available: available, quota: quota, seed: seed)
        return (0..<available).map { _ in sampler.copies() }
    }

    @Test func exactTotals() {
        let pairs = [(1, 0), (5, 0), (1, 1), (7, 7), (10, 3), (3, 10), (100, 37), (100, 250), (1, 5), (1_000, 999), (13, 1)]
        for (available, quota) in pairs {
            for seed: UInt64 in [0, 1, 42, .max] {
                let copies = run(available: available, quota: quota, seed: seed)
                #expect(copies.reduce(0, +) == quota, "\(available) \(quota) \(seed)")
                #expect(copies.allSatisfy { $0 == quota / available || $0 == quota / available + 1 })
                #expect(copies.filter { $0 == quota / available + 1 }.count == quota % available)
            }
        }
    }

    @Test func tenCopiesOfThree() {
        #expect(run(available: 3, quota: 10, seed: 9).sorted() == [3, 3, 4])
        #expect(run(available: 4, quota: 4, seed: 9) == [1, 1, 1, 1])
        #expect(run(available: 4, quota: 0, seed: 9) == [0, 0, 0, 0])
    }

    @Test func callsBeyondTheGroupAndAnEmptyGroupGiveNothing() {
        var sampler = GroupSampler(available: 2, quota: 5, seed: 1)
        let first = sampler.copies() + sampler.copies()
        #expect(first == 5)
        #expect(sampler.copies() == 0)
        var empty = GroupSampler(available: 0, quota: 5, seed: 1)
        #expect(empty.copies() == 0)
    }

    @Test func seedsDecideTheSubset() {
        let a = run(available: 100, quota: 50, seed: 1)
        #expect(a == run(available: 100, quota: 50, seed: 1))
        #expect(a != run(available: 100, quota: 50, seed: 2))
        let s1 = GroupSampler.seed(base: 7, persona: "code_expert", mask: 3)
        #expect(s1 == GroupSampler.seed(base: 7, persona: "code_expert", mask: 3))
        #expect(s1 != GroupSampler.seed(base: 8, persona: "code_expert", mask: 3))
        #expect(s1 != GroupSampler.seed(base: 7, persona: "code_expert", mask: 2))
        #expect(s1 != GroupSampler.seed(base: 7, persona: "code_experts", mask: 3))
    }

    @Test func everyExampleIsEquallyLikely() {
        // 3 extras among 10 examples over 3,000 seeds: each position about 900 times.
        var hits = [Int](repeating: 0, count: 10)
        for seed in 0..<3_000 {
            for (i, c) in run(available: 10, quota: 3, seed: GroupSampler.seed(base: UInt64(seed), persona: "p", mask: 0)).enumerated() {
                hits[i] += c
            }
        }
        #expect(hits.reduce(0, +) == 9_000)
        for h in hits { #expect((780...1_020).contains(h), "\(hits)") }
    }

    /// Values from an independent implementation (Python) of the documented hash and sampler:
    /// a change to either would silently change every mix made with the same seed.
    @Test func pinnedValues() {
        #expect(GroupSampler.seed(base: 7, persona: "code_expert", mask: 3) == 0xe01e_b7ea_8014_2135)
        #expect(GroupSampler.seed(base: 0, persona: "", mask: 0) == 0x8932_c885_a3fe_960e)
        #expect(run(available: 10, quota: 13, seed: 42) == [1, 2, 1, 1, 2, 1, 2, 1, 1, 1])
    }
}
