import Testing
@testable import Builtins

/// `data stats`'s numbers against values worked out by hand.
@Suite struct NumericSummaryTests {
    @Test func anOddCountWithNullsHasItsMiddleValueAsMedian() throws {
        // NULLs (NaN) are left out: 1, 2, 3, 4, 10. Ranks: p25 at 1, median at 2, p75 at 3.
        // Mean 4; deviations −3 −2 −1 0 6, squares sum to 50: sd √(50/5) = √10.
        let s = try #require(NumericSummary(values: [10, .nan, 3, 1, .nan, 4, 2]))
        #expect(s == NumericSummary(count: 5, min: 1, p25: 2, median: 3, p75: 4, max: 10, mean: 4,
                                    standardDeviation: 10.0.squareRoot()))
    }

    @Test func anEvenCountInterpolatesBetweenTheClosestRanks() throws {
        // 10, 20, 30, 40: p25 at rank 0.75 → 17.5, median at 1.5 → 25, p75 at 2.25 → 32.5.
        // Mean 25; squares 225 + 25 + 25 + 225 = 500: sd √125.
        let s = try #require(NumericSummary(values: [40, 10, 30, 20]))
        #expect(s.p25 == 17.5 && s.median == 25 && s.p75 == 32.5)
        #expect(s.min == 10 && s.max == 40 && s.mean == 25 && s.count == 4)
        #expect(s.standardDeviation == 125.0.squareRoot())
    }

    @Test func aSingleRowIsEveryStatisticWithNoSpread() throws {
        let s = try #require(NumericSummary(values: [.nan, 7, .nan]))
        #expect(s == NumericSummary(count: 1, min: 7, p25: 7, median: 7, p75: 7, max: 7, mean: 7, standardDeviation: 0))
    }

    @Test func allNullOrNothingHasNoSummary() {
        #expect(NumericSummary(values: [.nan, .nan]) == nil)
        #expect(NumericSummary(values: []) == nil)
    }

    @Test func equalValuesHaveTheirValueAsMeanAndNoSpread() throws {
        // 0.1 summed ten times is not exactly 1.0; the mean is still exactly 0.1 and the sd 0.
        let s = try #require(NumericSummary(values: [Double](repeating: 0.1, count: 10)))
        #expect(s.mean == 0.1 && s.standardDeviation == 0 && s.median == 0.1)
    }

    @Test func negativeAndFractionalValues() throws {
        // −2.5, −1, 0, 0.5, 3: median 0, p25 −1, p75 0.5; mean 0; squares 6.25+1+0+0.25+9 = 16.5.
        let s = try #require(NumericSummary(values: [0.5, -1, 3, -2.5, 0]))
        #expect(s.p25 == -1 && s.median == 0 && s.p75 == 0.5 && s.mean == 0)
        #expect(s.standardDeviation == (16.5 / 5).squareRoot())
    }
}
