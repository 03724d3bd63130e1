import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host run goal "Gen Z Moms"`: the goal pipeline.
struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "Turn a goal in plain words into named, explained personas from the users table.",
        usage: "persona-host run goal <goal> [<options>]",
        discussion: """
            The default database (persona-host.sqlite here, when neither --db, $PERSONA_HOST_DB nor the config file \
            names one) gets the default sample (20,000 users, seed 42) on first use; any other database must exist and hold users.
            Goal words that are recognised but not turned into a condition are listed ("not applied"); \
            --strict makes them an error (exit 2). A run on fewer than \(GoalPipeline.fewUsersThreshold) users says so \
            (a warning in the text, "warnings" in the JSON).
            The table fits the terminal (80 columns when piped): one line per persona, its traits below; \
            --wide puts everything on the row. --seed, --json and --wide default to the config file's seed, json and wide.
            Options of every command (--config, --quiet, --verbose, --color): see 'persona-host --help'.
            """
    )

    @Argument(help: "The goal, e.g. \"Gen Z Moms\".") var goal: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var loading: PluginLoadOptions
    @Flag(inversion: .prefixedNo, help: "Print the whole run as JSON on stdout (default: the config file's json, else no).") var json: Bool?
    @Flag(inversion: .prefixedNo, help: "One row per persona with every column in full, traits included, whatever the width.") var wide: Bool?
    @Flag(help: "Stop with exit 2 when a recognised goal word is not applied as a condition.") var strict = false
    @Flag(help: "Print each stage's decisions and the rule behind each (with --json: an \"explanation\" object).") var explain = false
    @Option(help: ArgumentHelp("Seed for clustering and sampling: the same data, plugins and seed give the same personas (default: the config file's seed, else 42).",
                               valueName: "n")) var seed: UInt64?
    @Option(name: .customLong("algo"), help: ArgumentHelp("Override the domain's algorithm: kmeans, ward or gmm.", valueName: "name")) var algorithm: String?
    @Option(help: "Override the domain's k: a number (4) or a range (2-6).") var k: String?
    @Option(help: ArgumentHelp("Write user_id,persona_index,persona CSV to this file (- for stdout, instead of the table).", valueName: "file")) var members: String?
    @Flag(help: "Replace an existing --members file.") var force = false

    /// The seed when neither --seed nor the config file gives one.
    static let defaultSeed: UInt64 = 42

    func validate() throws {
        if let algorithm, ClusteringAlgorithm(rawValue: algorithm) == nil {
            throw ValidationError("--algo must be kmeans, ward or gmm")
        }
        if k != nil, parsedK == nil { throw ValidationError("--k must be a number from 2 to 50, or a range such as 2-6") }
        if members == "-" && json == true { throw ValidationError("--members - and --json both write to stdout: give --members a file") }
        if force && members == nil { throw ValidationError("--force only applies to --members") }
    }

    var parsedK: ClosedRange<Int>? { k.flatMap(Self.parseK) }

    /// `--k` (and `persona-host serve`'s `k`): a number from 2 to 50, or a range such as 2-6.
    static func parseK(_ k: String) -> ClosedRange<Int>? {
        let parts = k.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 1 || parts.count == 2, let low = parts.first ?? nil, let high = parts.last ?? nil,
              low >= 2, high <= 50, low <= high else { return nil }
        return low...high
    }

    func run() throws {
        let settings = Settings.current
        let json = self.json ?? settings.config?.json ?? false
        if members == "-" && json {
            throw CLIFailure(status: .usage, message: "--members - and JSON output (json = true in \(settings.config?.path ?? "the config file")) both write to stdout: give --members a file, or pass --no-json")
        }
        let membersFile = try members.map { try MembersFile(path: $0, force: force, database: database.resolvedPath) }
        let session = try PluginSession.load(plugins, loading)
        let db = try database.open(.write)!
        let store = UserStore(database: db)
        if try store.count() == 0 {
            // Only the default database gets the sample: users of a database someone named are real data.
            guard database.isDefault else {
                throw CLIFailure(status: .usage, message: "no users in \(database.resolvedPath); add some with `persona-host data import FILE --db \(database.resolvedPath)` or `data generate`")
            }
            Output.info("no users in \(database.resolvedPath); creating the default sample (20,000 users, seed 42)")
            _ = try store.defaultSampleIfEmpty()
        }
        var options = GoalPipeline.Options(goal: goal)
        options.seed = seed ?? settings.config?.seed ?? Self.defaultSeed
        options.algorithm = algorithm.flatMap(ClusteringAlgorithm.init(rawValue:))
        options.k = parsedK
        options.strict = strict
        options.explain = explain
        options.skippedPlugins = session.skipped
        options.invocation = .init(plugins: try plugins.resolve(), membersFile: members, skipBroken: loading.skipBroken)
        options.save = false
        var pipeline = GoalPipeline(plugins: session.set, database: db, loader: session.loader)
        pipeline.progress = { ProgressLine.stage($0) }
        defer { ProgressLine.stage("") }
        var run = try pipeline.run(options)
        // The run and its members file land together (see MembersFile).
        let prepared = try membersFile?.prepare(run)
        do {
            run.runID = try pipeline.save(run)
        } catch {
            prepared?.discard()
            throw error
        }
        if let prepared {
            do {
                try prepared.commit()
            } catch {
                // Undo the save, so no run is left without the file that was asked for.
                var message = "\(error)"
                if let id = run.runID {
                    do { _ = try pipeline.runs.delete(id: id) } catch { message += "; run \(id) was saved and could not be removed: \(error)" }
                }
                throw CLIFailure(status: .failure, message: message)
            }
        }
        Output.debug("timings: " + run.timingsMs.sorted { $0.key < $1.key }.map { "\($0.key) \(NumberFormat.value($0.value)) ms" }.joined(separator: ", "))
        if json {
            try Output.json(run)
        } else if membersFile?.isStdout != true {
            let report = GoalReport(run: run, explain: explain, wide: wide ?? settings.config?.wide ?? false)
            Output.styledLines(report.lines(for: Terminal.standardOutput(choice: settings.color)))
        } else {
            // The CSV is stdout's only content; what the table would have said about the run goes to stderr.
            session.warnOnStderr()
            for warning in run.warnings { Output.warning(warning) }
        }
    }
}
