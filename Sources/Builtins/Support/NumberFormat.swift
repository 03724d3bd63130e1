/// Number formatting shared by every report: fixed decimals without Foundation's locale, so the
/// same value prints the same way in the table, the JSON-adjacent text and the error messages.
extension String {
    /// `d` with two decimals (`-1.5` → `-1.50`).
    public init(format2 d: Double) {
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
