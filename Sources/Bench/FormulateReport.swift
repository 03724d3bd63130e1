import Builtins
import Host
import Foundation
import Plugins
import LuaBridge

/// The "Formulation (`run formulate`)" section of docs/BENCHMARKS.md: one table row per request
/// and catalogue (median, then fastest–slowest, of each timing), the search's node count and
/// whether it proved its formula optimal, then notes on method and on each answer.
struct FormulateReport {
    static let title = "Formulation (`run formulate`)"

    var date: Date
    var machine: MachineInfo
    var outcome: FormulateOutcome

    /// The section, markers excluded.
    var markdown: String {
        let stamp = ISO8601DateFormatter().string(from: date)
        var machineLine = "Machine: `\(machine.uname)`, \(machine.processors) processor(s), \(machine.cpuModel)"
        if let swift = machine.swiftVersion { machineLine += ", \(swift)" }
        if let load = machine.loadAverage { machineLine += "; 1-minute load average \(load) at the start" }
        let loads: [String] = outcome.loads.map { load in
            "\(Format.grouped(load.ingredients)) ingredients \(FormulateReport.cell(load.milliseconds))"
        }
        var lines: [String] = [
            "## \(FormulateReport.title)",
            "",
            "Command: `make bench` (release build of `persona-host` and `persona-bench`; `persona-bench formulate` "
                + "runs this section alone). Date: \(stamp).",
            "",
            machineLine + ".",
            "",
            "Plugin load (`PluginLoader().loadAll` + `FormulationDomain.find`, the skincare plugin alone): "
                + loads.joined(separator: "; ") + ".",
            "",
            "| Ingredients | Request | Scoring (`assess`) | Whole `run` | Load + `run` | `persona-host run formulate` process "
                + "| Search nodes | Proven optimal | Result | Runs |",
            "|---:|---|---:|---:|---:|---:|---:|---|---|---:|",
        ]
        for row in outcome.rows {
            let optimal = row.provenOptimal ? "yes" : "**no** (node limit)"
            let process = FormulateReport.cell(row.process)
                + (row.process.median > FormulateBenchmark.interactiveMilliseconds ? " **(> 1 s)**" : "")
            lines.append("| \(Format.grouped(row.ingredients)) | \(row.request) | \(FormulateReport.cell(row.assess)) "
                         + "| \(FormulateReport.cell(row.run)) | \(FormulateReport.cell(row.loadAndRun)) | \(process) "
                         + "| \(Format.grouped(row.nodes)) | \(optimal) | \(FormulateReport.result(row)) | \(row.runs) |")
        }
        lines.append("")
        lines += notes.map { "- \($0)" }
        return lines.joined(separator: "\n")
    }

    private var notes: [String] {
        var notes = [
            "Timings are medians, then (fastest–slowest), in ms. Scoring: `FormulatePipeline.assess`, every ingredient "
                + "scored through the plugin's Lua rules. Whole `run`: `FormulatePipeline.run` on a loaded domain (scoring again, "
                + "the branch-and-bound search, the binding-constraint diagnosis when not every concern is covered, the report). "
                + "Load + `run`: a fresh plugin load, `find` and `run`, in process. Process: `persona-host run formulate "
                + "--plugins DIR --db EMPTY --persona … --concerns … [--budget …] --json` spawned and timed from launch to exit, as the user "
                + "meets it; `--db` names an empty database made by `persona-host data init`, which the command opens to read learned "
                + "multipliers and finds none. Every repetition, in process and from the CLI, must give the same status and node count.",
            "The \(Format.grouped(outcome.generatedSize))-ingredient catalogue is generated (`CatalogueFixture`, seed \(outcome.seed)): "
                + "the real ingredients unchanged, then seeded variants `<id>_v<n>` of them with scores, pH window, use range "
                + "and cost perturbed within their valid ranges, class, concerns and tags kept, and incompatibilities and "
                + "synergies pointing at the base ingredients and some of their variants. Both catalogues are loaded from a "
                + "temporary plugins folder holding only a copy of `plugins/skincare`.",
            "A request is called interactive when its whole process takes at most 1 s; slower ones are marked. "
                + "The search proves its formula optimal to within \(FormulatePipeline.tolerance) of the objective, or stops at "
                + "its node limit (\(Format.grouped(FormulateReport.nodeLimit)); a quarter of that per relaxed constraint in "
                + "the diagnosis) and reports its best formula as not proven optimal, with the gap to the highest bound "
                + "left unexplored.",
        ]
        for row in outcome.rows {
            notes.append("\(Format.grouped(row.ingredients)) ingredients, \(row.request): \(row.status), covers "
                         + "\(row.covered.isEmpty ? "nothing" : row.covered.joined(separator: ", ")); "
                         + "\(row.candidates) candidates searched; formula \(row.chosen.isEmpty ? "none" : row.chosen.joined(separator: ", "))"
                         + (row.binding.isEmpty ? "" : "; binding: \(row.binding.joined(separator: ", "))")
                         + "; peak RSS of the process \(Format.fixed(row.peakRSSMiB, 0)) MiB.")
        }
        return notes
    }

    /// The search's default node limit.
    static var nodeLimit: Int {
        FormulationProblem(ingredients: [], scores: [], targetConcerns: [], constraints: FormulationConstraints()).nodeLimit
    }

    /// "12.3 ms (11.9–13.0)".
    static func cell(_ s: Samples) -> String {
        "\(number(s.median)) ms (\(number(s.min))–\(number(s.max)))"
    }

    /// Milliseconds with fewer decimals as they grow.
    static func number(_ ms: Double) -> String {
        ms < 10 ? Format.fixed(ms, 2) : ms < 100 ? Format.fixed(ms, 1) : Format.grouped(Int(ms.rounded()))
    }

    private static func result(_ row: FormulateOutcome.Row) -> String {
        "\(row.status), \(row.chosen.count) ingredient\(row.chosen.count == 1 ? "" : "s")"
    }
}
