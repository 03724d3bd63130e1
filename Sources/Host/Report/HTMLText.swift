import Foundation

/// Text and numbers as the run report's HTML and SVG write them: every plugin or user string
/// escaped, every coordinate with one fixed decimal so the same run gives the same bytes.
enum HTMLText {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in HTML text.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x7F {
                    out += "&#xFFFD;"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A coordinate with one decimal (`-0.0` written `0.0`).
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0.0" }
        let magnitude = Int64(abs(tenths))
        return "\(tenths < 0 ? "-" : "")\(magnitude / 10).\(magnitude % 10)"
    }
}
