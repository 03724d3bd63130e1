import Testing
@testable import Builtins

/// The one way numbers read in text reports.
@Suite struct NumberFormatTests {
    @Test func countsGroupThousands() {
        #expect(NumberFormat.count(0) == "0")
        #expect(NumberFormat.count(999) == "999")
        #expect(NumberFormat.count(1000) == "1,000")
        #expect(NumberFormat.count(20_000) == "20,000")
        #expect(NumberFormat.count(1_234_567) == "1,234,567")
        #expect(NumberFormat.count(-45_000) == "-45,000")
    }

    @Test func sharesHaveOneDecimal() {
        #expect(NumberFormat.share(0.452) == "45.2%")
        #expect(NumberFormat.share(0.07599) == "7.6%")
        #expect(NumberFormat.share(1) == "100.0%")
        #expect(NumberFormat.share(0) == "0.0%")
    }

    @Test func scoresHaveTwoFixedDecimals() {
        #expect(NumberFormat.score(0.5) == "0.50")
        #expect(NumberFormat.score(-1.234) == "-1.23")
        #expect(NumberFormat.score(2) == "2.00")
    }

    @Test func valuesDropTrailingZeros() {
        #expect(NumberFormat.value(3) == "3")
        #expect(NumberFormat.value(12.25) == "12.25")
        #expect(NumberFormat.value(-0.5) == "-0.5")
        #expect(NumberFormat.value(1.0 / 3) == "0.33")
    }
}

/// Numbers too large for hundredths, and not numbers at all, print without trapping.
@Suite struct NumberFormatEdgeTests {
    @Test func hugeAndNonFiniteValuesPrint() {
        #expect(String(format2: 1e17) == "100000000000000000")
        #expect(String(format2: -3e16) == "-30000000000000000")
        #expect(String(format2: 1e20) == "1e+20")
        #expect(NumberFormat.value(9.3e18) == "9.3e+18")
        #expect(NumberFormat.score(.infinity) == "∞")
        #expect(String(format2: .nan) == "NaN")
        #expect(NumberFormat.value(-.infinity) == "-∞")
        #expect(String(format2: 123456789012.25) == "123456789012.25")
    }
}
