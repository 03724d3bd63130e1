/// A column count known at compile time, so distance loops over it unroll and the loop over rows vectorises
/// (see `NearestCentroid.nearest`). Points are passed as four hoisted coordinates (unused ones are 0), so no
/// load inside a row loop can alias its stores. Index arithmetic is wrapping (`&+`, `&*`): Swift's overflow
/// checks would block vectorisation.
protocol FixedDimension {
    static var count: Int { get }
}

extension FixedDimension {
    /// The first `count` coordinates of `p` (the rest 0), as values so loops need not reload them.
    @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> (Double, Double, Double, Double) {
        (p[0], count > 1 ? p[1] : 0, count > 2 ? p[2] : 0, count > 3 ? p[3] : 0)
    }

    /// Row `row` of column-major data at `base` (column stride `stride`), as hoisted coordinates.
    @inline(__always)
    static func load(column base: UnsafePointer<Double>, row: Int, stride: Int) -> (Double, Double, Double, Double) {
        (base[row], count > 1 ? base[stride &+ row] : 0, count > 2 ? base[2 &* stride &+ row] : 0,
         count > 3 ? base[3 &* stride &+ row] : 0)
    }

    /// Squared distance between row t of column-major data at `base` (column stride n) and point `p`.
    @inline(__always)
    static func squaredDistance(_ base: UnsafePointer<Double>, _ t: Int, _ n: Int,
                                _ p: (Double, Double, Double, Double)) -> Double {
        let e0 = base[t] - p.0
        var s = e0 * e0
        if count > 1 {
            let e1 = base[n &+ t] - p.1
            s += e1 * e1
        }
        if count > 2 {
            let e2 = base[2 &* n &+ t] - p.2
            s += e2 * e2
        }
        if count > 3 {
            let e3 = base[3 &* n &+ t] - p.3
            s += e3 * e3
        }
        return s
    }
}

/// The column counts the kernels specialise for (the persona features have 3 or 4 columns).
enum FixedDimensions {
    enum One: FixedDimension { static var count: Int { 1 } }
    enum Two: FixedDimension { static var count: Int { 2 } }
    enum Three: FixedDimension { static var count: Int { 3 } }
    enum Four: FixedDimension { static var count: Int { 4 } }
}
