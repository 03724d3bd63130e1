/// The few number formats the mix and gap reports write into their messages, kept local so the
/// dataset math depends on no other file: counts with thousands separators, achieved shares
/// with one decimal, targets with as few decimals as they need, upsampling factors.
enum MixFormat {
    /// `4500` → `4,500`.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// An achieved share with one decimal: `0.0087` → `0.9%`.
    static func share(_ fraction: Double) -> String { percent(fraction, decimals: 1) + "%" }

    /// A target share with as few decimals as it needs (at most two): `0.15` → `15%`, `0.025` → `2.5%`.
    static func target(_ fraction: Double) -> String { percent(fraction, decimals: decimals(fraction)) + "%" }

    /// A target range, both ends with the same decimals: `0.025...0.05` → `2.5–5.0%`.
    static func range(_ lo: Double, _ hi: Double) -> String {
        if abs(lo - hi) < 1e-12 { return target(lo) }
        let d = max(decimals(lo), decimals(hi))
        return percent(lo, decimals: d) + "–" + percent(hi, decimals: d) + "%"
    }

    /// An upsampling factor: `2.0` → `2`, `1.5` → `1.5`.
    static func factor(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let hundredths = Int((x * 100).rounded())
        var text = "\(hundredths / 100)"
        let rest = hundredths % 100
        if rest != 0 {
            text += rest % 10 == 0 ? ".\(rest / 10)" : (rest < 10 ? ".0\(rest)" : ".\(rest)")
        }
        return text
    }

    /// The fewest decimals (0, 1 or 2) that write `fraction` as a percentage exactly.
    static func decimals(_ fraction: Double) -> Int {
        let p = fraction * 100
        for d in 0...1 {
            let scale = d == 0 ? 1.0 : 10.0
            if abs((p * scale).rounded() - p * scale) < 1e-6 { return d }
        }
        return 2
    }

    /// `fraction` as a percentage number (no `%` sign) with `decimals` decimals.
    static func percent(_ fraction: Double, decimals: Int) -> String {
        guard fraction.isFinite else { return "\(fraction)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = Int((fraction * 100 * scale).rounded())
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = magnitude / UInt(scale)
        guard decimals > 0 else { return sign + "\(whole)" }
        var fractionDigits = String(magnitude % UInt(scale))
        while fractionDigits.count < decimals { fractionDigits = "0" + fractionDigits }
        return sign + "\(whole)." + fractionDigits
    }
}

/// Whole example counts from real-valued targets, tolerant of floating-point noise
/// (`0.15 × 100` is `15.000000000000002`, which must give 15, not 16).
enum MixCount {
    /// The smallest whole count ≥ `x` (less a relative 1e-9).
    static func ceil(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return 0 }
        if x >= 9.0e18 { return Int.max }
        return Int((x - 1e-9 * Swift.max(1, x)).rounded(.up))
    }

    /// The largest whole count ≤ `x` (plus a relative 1e-9).
    static func floor(_ x: Double) -> Int {
        guard x.isFinite, x > 0 else { return x.isInfinite && x > 0 ? Int.max : 0 }
        if x >= 9.0e18 { return Int.max }
        return Int((x + 1e-9 * Swift.max(1, x)).rounded(.down))
    }
}
