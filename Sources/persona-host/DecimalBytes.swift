/// Writing integers as ASCII digits straight into a byte buffer: the members files (a million
/// lines) are written without a `String` per number.
extension Array where Element == UInt8 {
    /// Appends `n` in decimal (`-42` → `-`, `4`, `2`).
    mutating func appendDecimal(_ n: Int64) {
        if n < 0 { append(45) }
        var value = n.magnitude
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            append(UInt8(truncatingIfNeeded: value / divisor) + 48)
            value %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
