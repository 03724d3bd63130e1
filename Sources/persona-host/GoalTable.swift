import Builtins
import Host

/// The persona table of a goal run, laid out for a terminal's width.
///
/// Narrow (the default): one line per persona — index, name (cut with `…` when needed), users
/// and share right-aligned, and as many of the features that set it apart as fit (in short:
/// `↑ x` for high, `↓ x` for low) — then its
/// traits as an indented block wrapped to the width. Wide (`--wide`): one row per persona with
/// every column in full, whatever the width. Every cell is escaped by `TerminalText` first;
/// styling (bold header, coloured names, dim traits) is added afterwards, and only when the
/// terminal takes colour.
struct GoalTable {
    let personas: [GoalRun.Persona]
    var terminal: Terminal
    var wide = false

    /// Columns the set-apart cell keeps when names are long (names are cut first).
    static let minimumSetApartWidth = 24
    /// Columns between two cells.
    static let gap = "  "

    /// One persona's cells, escaped.
    private struct Row {
        var index: String
        var name: String
        var users: String
        var share: String
        var setApart: [String]
        /// The traits as `key: value` items.
        var traits: [String]
        var number: Int
    }

    private var rows: [Row] {
        personas.enumerated().map { offset, p in
            Row(index: String(offset + 1), name: TerminalText.escaped(p.name), users: NumberFormat.count(p.size),
                share: NumberFormat.share(p.share), setApart: p.distinguishing.map(TerminalText.escaped),
                traits: Self.traitItems(p.traits).map(TerminalText.escaped), number: offset + 1)
        }
    }

    var lines: [String] { wide ? wideLines : narrowLines }

    /// The traits as items: an object's entries as `key: value` in key order (an empty list or
    /// table — Lua's `{}` — as `none`); any other value as one item; nothing for null or an
    /// empty object.
    static func traitItems(_ traits: JSONValue) -> [String] {
        switch traits {
        case .object(let entries):
            entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value == .array([]) || $0.value == .object([:]) ? "none" : $0.value.text)" }
        case .null, .array([]): []
        default: [traits.text]
        }
    }

    /// Trait items joined with `; ` into lines of at most `width` columns, breaking between
    /// items where one fits on a line, inside an item only where it does not.
    static func traitLines(_ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for (offset, item) in items.enumerated() {
            let piece = offset < items.count - 1 ? item + ";" : item
            if line.isEmpty {
                line = piece
            } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(piece) <= width {
                line += " " + piece
            } else {
                lines.append(line)
                line = piece
            }
            if DisplayWidth.of(line) > width {
                let parts = DisplayWidth.wrapped(line, width: width)
                lines += parts.dropLast()
                line = parts.last ?? ""
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private var narrowLines: [String] {
        let rows = rows
        let indexWidth = max(1, rows.map { DisplayWidth.of($0.index) }.max() ?? 0)
        let usersWidth = max(5, rows.map { DisplayWidth.of($0.users) }.max() ?? 0)
        let shareWidth = max(5, rows.map { DisplayWidth.of($0.share) }.max() ?? 0)
        let fixed = indexWidth + usersWidth + shareWidth + 4 * Self.gap.count
        let longestName = max(7, rows.map { DisplayWidth.of($0.name) }.max() ?? 0)
        let nameWidth = max(7, min(longestName, terminal.width - fixed - Self.minimumSetApartWidth))
        let setApartWidth = terminal.width - fixed - nameWidth

        func line(_ index: String, _ name: String, _ users: String, _ share: String, _ setApart: String) -> [String] {
            [DisplayWidth.padded(index, to: indexWidth, alignRight: true), DisplayWidth.padded(name, to: nameWidth),
             DisplayWidth.padded(users, to: usersWidth, alignRight: true), DisplayWidth.padded(share, to: shareWidth, alignRight: true),
             setApart]
        }
        let header = line("#", "PERSONA", "USERS", "SHARE", DisplayWidth.truncated("SET APART BY", to: setApartWidth))
        var lines = [terminal.bold(trimmed(header.joined(separator: Self.gap)))]
        let indent = String(repeating: " ", count: indexWidth + Self.gap.count)
        for row in rows {
            let name = DisplayWidth.truncated(row.name, to: nameWidth)
            var cells = line(row.index, name, row.users, row.share, Self.fitting(row.setApart.map(Self.compact), in: setApartWidth))
            cells[1] = terminal.persona(name, index: row.number) + String(repeating: " ", count: nameWidth - DisplayWidth.of(name))
            lines.append(trimmed(cells.joined(separator: Self.gap)))
            for part in Self.traitLines(row.traits, width: terminal.width - indent.count) {
                lines.append(indent + terminal.dim(part))
            }
        }
        return lines
    }

    private var wideLines: [String] {
        let rows = rows
        let table = [["#", "PERSONA", "USERS", "SHARE", "SET APART BY", "TRAITS"]]
            + rows.map { [$0.index, $0.name, $0.users, $0.share, $0.setApart.joined(separator: ", "), $0.traits.joined(separator: "; ")] }
        let widths = (0..<6).map { c in table.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        let rightAligned: Set<Int> = [0, 2, 3]
        return table.enumerated().map { r, cells in
            let padded = cells.enumerated().map { c, cell -> String in
                let text = c == 5 ? cell : DisplayWidth.padded(cell, to: widths[c], alignRight: rightAligned.contains(c))
                guard r > 0, c == 1 else { return text }
                return terminal.persona(cell, index: r) + String(repeating: " ", count: widths[c] - DisplayWidth.of(cell))
            }
            let line = trimmed(padded.joined(separator: Self.gap))
            return r == 0 ? terminal.bold(line) : line
        }
    }

    /// A set-apart entry in short, for the narrow table: `high x (z 1.52)` → `↑ x`,
    /// `low x (z -0.8)` → `↓ x`; `--wide` and the JSON keep it whole.
    static func compact(_ entry: String) -> String {
        var entry = entry
        if entry.hasSuffix(")"), let open = entry.range(of: " (z ", options: .backwards) { entry = String(entry[..<open.lowerBound]) }
        if entry.hasPrefix("high ") { return "↑ " + entry.dropFirst(5) }
        if entry.hasPrefix("low ") { return "↓ " + entry.dropFirst(4) }
        return entry
    }

    /// Whole entries joined with `, ` while they fit in `width`; the first one cut with `…`
    /// when even it does not.
    static func fitting(_ entries: [String], in width: Int) -> String {
        var text = ""
        for entry in entries {
            let candidate = text.isEmpty ? entry : text + ", " + entry
            if DisplayWidth.of(candidate) <= width {
                text = candidate
            } else {
                break
            }
        }
        if text.isEmpty, let first = entries.first { return DisplayWidth.truncated(first, to: width) }
        return text
    }

    private func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
