#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Element-wise square roots two at a time.
///
/// Swift lowers `squareRoot()` to a libm call guarded by an errno check, which LLVM will not vectorise; on
/// x86-64 the SSE2 `sqrtpd` intrinsic (baseline on every x86-64 CPU) halves the cost of the silhouette's
/// O(n²) distances. IEEE square roots are correctly rounded either way, so both paths give identical bits.
enum FastMath {
    /// `values[i] = values[i].squareRoot()` for i in 0..<count (values must not be negative).
    @inline(__always)
    static func squareRoots(_ values: UnsafeMutablePointer<Double>, count: Int) {
        var t = 0
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        while t &+ 2 <= count {
            _mm_storeu_pd(values + t, _mm_sqrt_pd(_mm_loadu_pd(values + t)))
            t &+= 2
        }
        #endif
        while t < count {
            values[t] = values[t].squareRoot()
            t &+= 1
        }
    }
}
