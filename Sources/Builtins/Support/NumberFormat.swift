/// Number formatting shared by every report: fixed decimals without Foundation's locale, so the
/// same value prints the same way in the table, the JSON-adjacent text and the error messages.
extension String {
    /// `d` with two decimals (`-1.5` → `-1.50`). Beyond ±10^15, where a double has no
    /// hundredths left, its shortest exact form (`1e+20`); NaN and infinities by name.
    public init(format2 d: Double) {
        guard d.isFinite else {
            self = d.isNaN ? "NaN" : d > 0 ? "∞" : "-∞"
            return
        }
        guard abs(d) < 1e15 else {
            self = d == d.rounded() && abs(d) < 9.2e18 ? String(Int64(d)) : "\(d)"
            return
        }
        let scaled = (d * 100).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int64(abs(scaled))
        self = "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }
}

extension Double {
    /// Up to two decimals, no trailing zeros: 0.3, 5, 12.25.
    public var formatted2: String {
        guard isFinite else { return isNaN ? "NaN" : self > 0 ? "∞" : "-∞" }
        var text = String(format2: self)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Up to three decimals, for scores.
    public var formatted3: String {
        guard isFinite else { return formatted2 }
        let r = rounded(places: 3)
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : "\(r)"
    }

    /// Rounded to `places` decimals (for JSON that reads as a person writes).
    public func rounded(places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

/// The one way numbers are shown to people, by kind. Every text report formats through these,
/// so a count, a share or a score reads the same in every command (JSON keeps raw values).
///
/// - a count: a whole number with thousands separators (`20,000`);
/// - a share: a percentage with one decimal (`45.2%`);
/// - a score (silhouette, confidence, distance, trait value): two fixed decimals (`0.57`),
///   so a column of scores lines up;
/// - a measured value (a column's mean, a formula's result, a price): up to two decimals with
///   no trailing zeros, and a whole number as a whole number (`3`, `12.25`, `-0.5`).
public enum NumberFormat {
    /// `20000` → `20,000`.
    public static func count<I: BinaryInteger>(_ n: I) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A fraction as a percentage: `0.452` → `45.2%`.
    public static func share(_ fraction: Double) -> String {
        guard fraction.isFinite else { return fraction.formatted2 }
        let tenths = (fraction * 1000).rounded()
        let sign = tenths < 0 ? "-" : ""
        let magnitude = Int64(abs(tenths))
        return "\(sign)\(magnitude / 10).\(magnitude % 10)%"
    }

    /// A score with two fixed decimals: `0.5` → `0.50`.
    public static func score(_ d: Double) -> String {
        guard d.isFinite else { return d.formatted2 }
        return String(format2: d)
    }

    /// A measured value: up to two decimals, whole numbers without decimals (`3`, `12.25`).
    public static func value(_ d: Double) -> String { d.formatted2 }
}
