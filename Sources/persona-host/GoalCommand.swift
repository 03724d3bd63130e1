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
        discussion: """
            The default database (persona-host.sqlite here, when neither --db nor $PERSONA_HOST_DB is given) \
            gets the default sample (20,000 users, seed 42) on first use; any other database must exist and hold users.
            Goal words that are recognised but not turned into a condition are listed ("not applied"); \
            --strict makes them an error (exit 2).
            """
    )

    @Argument(help: "The goal, e.g. \"Gen Z Moms\".") var goal: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var loading: PluginLoadOptions
    @Flag(help: "Print the whole run as JSON on stdout.") var json = false
    @Flag(help: "Stop with exit 2 when a recognised goal word is not applied as a condition.") var strict = false
    @Flag(help: "Print each stage's decisions and the rule behind each (with --json: an \"explanation\" object).") var explain = false
    @Option(help: "Seed for clustering and sampling: the same data, plugins and seed give the same personas.") var seed: UInt64 = 42
    @Option(name: .customLong("algo"), help: "Override the domain's algorithm: kmeans, ward or gmm.") var algorithm: String?
    @Option(help: "Override the domain's k: a number (4) or a range (2-6).") var k: String?
    @Option(help: ArgumentHelp("Write user_id,persona_index,persona CSV to this file (- for stdout).", valueName: "file")) var members: String?
    @Flag(help: "Replace an existing --members file.") var force = false

    func validate() throws {
        if let algorithm, ClusteringAlgorithm(rawValue: algorithm) == nil {
            throw ValidationError("--algo must be kmeans, ward or gmm")
        }
        if k != nil, parsedK == nil { throw ValidationError("--k must be a number from 2 to 50, or a range such as 2-6") }
        if members == "-" && json { throw ValidationError("--members - and --json both write to stdout: give --members a file") }
        if force && members == nil { throw ValidationError("--force only applies to --members") }
    }

    var parsedK: ClosedRange<Int>? {
        guard let k else { return nil }
        let parts = k.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 1 || parts.count == 2, let low = parts.first ?? nil, let high = parts.last ?? nil,
              low >= 2, high <= 50, low <= high else { return nil }
        return low...high
    }

    func run() throws {
        let membersFile = try members.map { try MembersFile(path: $0, force: force, database: database.resolvedPath) }
        let session = try PluginSession.load(plugins, loading)
        let db = try database.open(.write)!
        let store = UserStore(database: db)
        if try store.count() == 0 {
            // Only the default database gets the sample: users of a database someone named are real data.
            guard database.isDefault else {
                throw CLIFailure(status: .usage, message: "no users in \(database.resolvedPath); add some with `persona-host data import FILE --db \(database.resolvedPath)` or `data generate`")
            }
            FileHandle.standardError.write(Data("persona-host: no users in \(database.resolvedPath); creating the default sample (20,000 users, seed 42)\n".utf8))
            _ = try store.defaultSampleIfEmpty()
        }
        var options = GoalPipeline.Options(goal: goal)
        options.seed = seed
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
        if json {
            try Output.json(run)
        } else if membersFile?.isStdout != true {
            Output.lines(GoalReport(run: run, explain: explain).lines)
        }
    }
}
