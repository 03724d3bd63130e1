import Testing
@testable import Builtins

@Suite struct AdjustedRandIndexTests {
    @Test func identicalAndPermutedPartitionsScoreOne() {
        let a: [Int32] = [0, 0, 1, 1, 2, 2, 2]
        #expect(AdjustedRandIndex.score(a, a) == 1)
        #expect(AdjustedRandIndex.score(a, [5, 5, 9, 9, 1, 1, 1]) == 1)
        #expect(AdjustedRandIndex.score(["x", "x", "y", "y"], ["b", "b", "a", "a"]) == 1)
    }

    @Test func knownSmallExample() {
        // Contingency table rows {0,1},{2,3} vs columns {0,1},{2},{3}: Σ C(n_ij,2) = 1, Σ C(a_i,2) = 2,
        // Σ C(b_j,2) = 1, C(4,2) = 6: expected 2·1/6 = 1/3, max (2+1)/2 = 3/2,
        // ARI = (1 − 1/3) / (3/2 − 1/3) = 4/7 (sklearn gives the same).
        let ari = AdjustedRandIndex.score([0, 0, 1, 1] as [Int32], [0, 0, 1, 2])
        #expect(abs(ari - 4.0 / 7) < 1e-15)
        #expect(abs(AdjustedRandIndex.score(["a", "a", "b", "b"], ["p", "p", "q", "r"]) - 4.0 / 7) < 1e-15)
    }

    @Test func chanceAndDegenerateCases() {
        // One cluster against all singletons: no pair agrees beyond chance.
        #expect(AdjustedRandIndex.score([0, 0, 0, 0] as [Int32], [0, 1, 2, 3]) == 0)
        // Both trivial the same way: identical partitions.
        #expect(AdjustedRandIndex.score([7, 7, 7] as [Int32], [1, 1, 1]) == 1)
        #expect(AdjustedRandIndex.score([] as [Int32], []) == 1)
        // Crossed 2 × 2 design: agreement below chance gives a negative score.
        #expect(AdjustedRandIndex.score([0, 0, 1, 1] as [Int32], [0, 1, 0, 1]) < 0)
        #expect(AdjustedRandIndex.score(labels: [1, 1, 2, 2], ["u", "u", "v", "v"]) == 1)
    }
}
