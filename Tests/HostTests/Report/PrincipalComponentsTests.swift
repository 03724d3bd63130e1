import Testing
@testable import Host

/// ``PrincipalComponents``: the eigen solver and the projection on known matrices.
@Suite struct PrincipalComponentsTests {
    @Test func eigenOfAKnownSymmetricMatrix() {
        let (values, vectors) = PrincipalComponents.eigen([[2, 1], [1, 2]])
        #expect(values.sorted().map { ($0 * 1e9).rounded() / 1e9 } == [1, 3])
        let k = values[0] > values[1] ? 0 : 1
        #expect(abs(abs(vectors[0][k]) - 0.5.squareRoot()) < 1e-12 && abs(vectors[0][k] - vectors[1][k]) < 1e-12)
    }

    @Test func pointsOnALineHaveOneComponentWithAllTheVariance() {
        // Points along (1, 2, 2)/3 with a little spread on (2, -2, 1)/3, uncorrelated with it
        // (+ − − + in every run of four).
        let points = (0..<20).map { i -> [Double] in
            let t = Double(i) - 9.5, e = i % 4 == 0 || i % 4 == 3 ? 0.1 : -0.1
            return [t / 3 + 2 * e / 3, 2 * t / 3 - 2 * e / 3, 2 * t / 3 + e / 3]
        }
        let pca = PrincipalComponents(points: points, count: 2)
        let first = pca.components[0]
        #expect(zip(first, [1.0 / 3, 2.0 / 3, 2.0 / 3]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(pca.shares[0] > 0.999 && pca.shares[0] + pca.shares[1] > 0.999_999)
        #expect(abs(abs(pca.project(points[0])[1]) - 0.1) < 1e-9)
        #expect(abs(pca.project(points[0])[0] - -9.5) < 1e-9)
        // The same input gives the same output (sign fixed by the largest entry).
        #expect(PrincipalComponents(points: points, count: 2) == pca)
    }

    @Test func theSampleIsEvenAndDeterministic() {
        let a = MemberSample.positions(count: 10_000, limit: 1_000, seed: 42)
        #expect(a.count == 1_000 && a == MemberSample.positions(count: 10_000, limit: 1_000, seed: 42))
        #expect(zip(a, a.dropFirst()).allSatisfy { $1 - $0 == 10 })
        // The seed moves the offset within the first step.
        #expect(Set((0..<8).map { MemberSample.positions(count: 10_000, limit: 1_000, seed: UInt64($0))[0] }).count > 1)
        #expect(MemberSample.positions(count: 7, limit: 1_000, seed: 1) == Array(0..<7))
    }
}
