import Builtins
import Foundation
import Host

/// The lines `runs show` prints before the run's report: when it was saved, the data it ran on
/// and whether the users table has changed since, its plugins with versions and file hashes,
/// and every setting of the command line that made it.
struct RunHeader {
    let run: GoalRun

    var lines: [String] {
        var lines: [String] = []
        let when = run.createdAt.map { ", saved \($0)" } ?? ""
        lines.append("Run \(run.runID.map(String.init) ?? "?")\(when): run goal \"\(run.goal)\".")
        lines.append("Data: " + data)
        let plugins = run.plugins.map { p in
            "\(p.name) \(p.version)" + (p.sourceHash.map { " (files \($0))" } ?? "")
        }
        lines.append("Plugins: " + (plugins.isEmpty ? "none recorded." : plugins.joined(separator: ", ") + "."))
        lines.append("Settings: " + settings)
        lines.append("")
        return lines
    }

    /// "users table of N rows, hash H; unchanged since this run." and the other cases.
    var data: String {
        guard let then = run.dataFingerprint else {
            return "no fingerprint (the run was saved before persona-host recorded the data a run read)."
        }
        let described = Self.describe(then)
        guard let now = run.dataNow else { return "users table of \(described)." }
        switch now.comparison {
        case .unchanged:
            return "users table of \(described); unchanged since this run."
        case .rewrittenSame:
            return "users table of \(described); rewritten since this run, with the same content."
        case .changed:
            return "the users table has changed since this run (then \(described); now \(Self.describe(now.now)))."
        }
    }

    static func describe(_ fingerprint: UsersFingerprint) -> String {
        "\(NumberFormat.count(fingerprint.rows)) rows, hash \(fingerprint.hash)"
    }

    /// Every setting; those the command line did not give are marked as defaults.
    var settings: String {
        guard let s = run.settings else {
            return "seed \(run.seed), algorithm \(run.clustering.algorithm); the other settings were not recorded "
                + "(the run was saved before persona-host recorded them)."
        }
        let k = run.clustering.kRange
        let kText = k.count == 2 ? (k[0] == k[1] ? "\(k[0])" : "\(k[0])-\(k[1])") : k.map(String.init).joined(separator: ",")
        var parts = ["seed \(s.seed)"]
        parts.append(s.algorithm.map { "algorithm \($0) (--algo)" } ?? "algorithm \(run.clustering.algorithm) (the domain's)")
        parts.append(s.k != nil ? "k \(kText) (--k)" : "k \(kText) (the domain's)")
        parts.append("strict \(s.strict ? "on" : "off")")
        parts.append("skip-broken \(s.skipBroken ? "on" : "off")")
        parts.append("explain \(s.explain ? "on" : "off")")
        if let folder = s.pluginsFolder {
            parts.append("plugins \(folder)" + (s.pluginsFolderFrom.map { " (\($0))" } ?? ""))
        }
        parts.append("members file " + (s.membersFile.map { $0 == "-" ? "stdout" : $0 } ?? "none"))
        return parts.joined(separator: "; ") + "."
    }
}
