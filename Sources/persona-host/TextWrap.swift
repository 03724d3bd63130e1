/// Lists laid out for an 80-column terminal: items joined on a line while they fit, the rest on
/// indented continuation lines; an item wider than a whole line is broken at its spaces (or,
/// without one, cut).
enum TextWrap {
    /// The report width.
    static let width = 80

    /// `lead` followed by `items` joined with `separator` (`", "`, `"  "`), wrapped at `width`;
    /// continuation lines start with `indent`.
    static func lines(_ items: [String], lead: String, separator: String = ", ", indent: String, width: Int = width) -> [String] {
        let gap = String(separator.reversed().prefix { $0 == " " })
        let joint = String(separator.dropLast(gap.count))
        var lines: [String] = []
        var line = lead
        var empty = true  // nothing after the lead or indent yet
        for (i, item) in items.enumerated() {
            let piece = item + (i < items.count - 1 ? joint : "")
            if !empty && line.count + gap.count + piece.count > width {
                lines.append(line)
                line = indent
                empty = true
            }
            if empty {
                var rest = Substring(piece)
                while line.count + rest.count > width, width - line.count > 0 {
                    let room = width - line.count
                    let head = rest.prefix(room + 1)
                    let cut = head.lastIndex(of: " ").map { rest.distance(from: rest.startIndex, to: $0) } ?? room
                    let taken = cut > 0 ? cut : room
                    lines.append(line + rest.prefix(taken))
                    rest = rest.dropFirst(taken).drop { $0 == " " }
                    line = indent
                }
                line += rest
            } else {
                line += gap + piece
            }
            empty = false
        }
        lines.append(line)
        return lines
    }

    /// One sentence after `lead`, broken at its spaces to fit `width`.
    static func text(_ text: String, lead: String, indent: String, width: Int = width) -> [String] {
        lines(text.split(separator: " ").map(String.init), lead: lead, separator: " ", indent: indent, width: width)
    }
}
