import Builtins
import Host

/// The human rendering of `runs diff A B`: the matched personas side by side, the users who
/// moved between personas, and the users in one run only.
struct RunDiffText {
    let diff: RunDiff

    var lines: [String] {
        let a = diff.first, b = diff.second
        var lines = [
            "Run \(a.run) (\"\(a.goal)\", \(NumberFormat.count(a.members)) users, \(NumberFormat.count(a.personas)) personas) vs "
                + "run \(b.run) (\"\(b.goal)\", \(NumberFormat.count(b.members)) users, \(NumberFormat.count(b.personas)) personas).",
            "Personas matched one to one by shared members (optimal assignment); share = shared / users in either.",
            "",
        ]
        var rows = [["RUN \(a.run)", "RUN \(b.run)", "USERS", "CHANGE", "SHARED", "SHARE", "MOVED OUT", "MOVED IN", "LEFT", "JOINED"]]
        for pair in diff.pairs {
            let sizes = "\(pair.first.map { NumberFormat.count($0.size) } ?? "-") → \(pair.second.map { NumberFormat.count($0.size) } ?? "-")"
            rows.append([
                pair.first.map { "\($0.id) \($0.name)" } ?? "(no match)",
                pair.second.map { "\($0.id) \($0.name)" } ?? "(no match)",
                sizes, Self.signed(pair.sizeChange), NumberFormat.count(pair.overlap), NumberFormat.share(pair.overlapShare),
                NumberFormat.count(pair.movedOut), NumberFormat.count(pair.movedIn), NumberFormat.count(pair.left), NumberFormat.count(pair.joined),
            ])
        }
        lines += Output.columns(rows)
        lines.append("")
        let both = diff.stayed + diff.moved
        lines.append("Users in both runs: \(NumberFormat.count(both)); in matched personas \(NumberFormat.count(diff.stayed))"
                     + (both > 0 ? " (\(NumberFormat.share(Double(diff.stayed) / Double(both))))" : "")
                     + ", moved to another persona \(NumberFormat.count(diff.moved)).")
        lines.append("Only in run \(a.run): \(NumberFormat.count(diff.onlyFirst)); only in run \(b.run): \(NumberFormat.count(diff.onlySecond)).")
        if !diff.moves.isEmpty {
            lines.append("Moves between personas (largest first):")
            for move in diff.moves.prefix(12) {
                lines.append("  \(move.from.id) \(move.from.name) → \(move.to.id) \(move.to.name): \(NumberFormat.count(move.users))")
            }
            if diff.moves.count > 12 { lines.append("  … and \(NumberFormat.count(diff.moves.count - 12)) more (--json lists them all)") }
        }
        return lines
    }

    /// `+12`, `-3`, `0`.
    static func signed(_ n: Int) -> String {
        n > 0 ? "+" + NumberFormat.count(n) : NumberFormat.count(n)
    }
}
