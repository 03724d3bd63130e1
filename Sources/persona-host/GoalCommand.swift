import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins
import LuaBridge

/// `persona-host run goal "Gen Z Moms"`: the goal pipeline.
struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "Turn a goal in plain words into named, explained personas from the users table.",
        discussion: "With no users in the database, the default sample (20,000 users, seed 42) is created first."
    )

    @Argument(help: "The goal, e.g. \"Gen Z Moms\".") var goal: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var plugins: PluginOptions
    @Flag(help: "Print the whole run as JSON on stdout.") var json = false
    @Option(help: "Seed for clustering and sampling: the same data, plugins and seed give the same personas.") var seed: UInt64 = 42
    @Option(name: .customLong("algo"), help: "Override the domain's algorithm: kmeans, ward or gmm.") var algorithm: String?
    @Option(help: "Override the domain's k: a number (4) or a range (2-6).") var k: String?
    @Option(help: ArgumentHelp("Write user_id,persona to this CSV file.", valueName: "file")) var members: String?

    func validate() throws {
        if let algorithm, ClusteringAlgorithm(rawValue: algorithm) == nil {
            throw ValidationError("--algo must be kmeans, ward or gmm")
        }
        if k != nil, parsedK == nil { throw ValidationError("--k must be a number of at least 2, or a range such as 2-6") }
    }

    var parsedK: ClosedRange<Int>? {
        guard let k else { return nil }
        let parts = k.split(separator: "-").compactMap { Int($0) }
        guard (parts.count == 1 || parts.count == 2), parts.allSatisfy({ $0 >= 2 && $0 <= 50 }), parts.first! <= parts.last! else {
            return nil
        }
        return parts.first!...parts.last!
    }

    func run() throws {
        let db = try database.open()
        let store = UserStore(database: db)
        if try store.count() == 0 {
            FileHandle.standardError.write(Data("persona-host: no users in \(database.resolvedPath); creating the default sample (20,000 users, seed 42)\n".utf8))
            _ = try store.defaultSampleIfEmpty()
        }
        let resolution = try plugins.resolve()
        let set = try loadSet(from: resolution.folder)
        for failure in set.failures {
            FileHandle.standardError.write(Data("persona-host: warning: plugin skipped: \(failure.error.description)\n".utf8))
        }
        var options = GoalPipeline.Options(goal: goal)
        options.seed = seed
        options.algorithm = algorithm.flatMap(ClusteringAlgorithm.init(rawValue:))
        options.k = parsedK
        var pipeline = GoalPipeline(plugins: set, database: db, loader: PluginLoader(logger: Output.pluginLogger))
        pipeline.progress = { ProgressLine.stage($0) }
        let run: GoalRun
        do {
            run = try pipeline.run(options)
            ProgressLine.stage("")
        } catch {
            ProgressLine.stage("")
            throw CLIFailure(status: error.exitStatus, message: error.description)
        }
        if let members { try writeMembers(run, to: members) }
        if json {
            try Output.json(run)
        } else {
            print(GoalReport(run: run).text)
        }
    }

    /// `user_id,persona_index,persona`, ordered by user_id; written as bytes (a million lines in well under a second).
    private func writeMembers(_ run: GoalRun, to path: String) throws {
        var pairs: [(id: Int64, persona: Int32)] = []
        pairs.reserveCapacity(run.memberIDs.reduce(0) { $0 + $1.count })
        for (index, ids) in run.memberIDs.enumerated() { pairs += ids.map { ($0, Int32(index)) } }
        pairs.sort { $0.id < $1.id }
        let suffixes = run.personas.enumerated().map { index, persona in
            Array(",\(index + 1),\"\(persona.name.replacingOccurrences(of: "\"", with: "\"\""))\"\n".utf8)
        }
        var bytes = Array("user_id,persona_index,persona\n".utf8)
        bytes.reserveCapacity(pairs.count * 40)
        var digits = [UInt8](repeating: 0, count: 20)
        for (id, persona) in pairs {
            var value = id.magnitude
            var count = 0
            repeat {
                digits[count] = UInt8(truncatingIfNeeded: value % 10) + 48
                value /= 10
                count += 1
            } while value > 0
            if id < 0 { bytes.append(45) }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[i]) }
            bytes.append(contentsOf: suffixes[Int(persona)])
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CLIFailure(status: .failure, message: "\(path): cannot write the members file")
        }
    }
}

extension GoalError {
    /// Input problems exit 2, plugin problems 3, storage 1.
    var exitStatus: ExitStatus {
        switch self {
        case .noIntent, .noDomain, .noMatches, .data: .usage
        case .plugin: .plugin
        case .storage: .failure
        }
    }
}
