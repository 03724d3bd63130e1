import Builtins
import Host

/// What `persona show run:RUN/N` prints: a persona a goal run produced — its size and share,
/// traits, what sets it apart, and its feature profile (the persona's mean of each feature and
/// its z-score against the run's matched users), read from the saved run.
struct RunPersonaView: Encodable {
    /// One feature of the persona's profile.
    struct Feature: Encodable {
        var name: String
        /// The clustering weight (0: describes only).
        var weight: Double
        /// The persona's mean.
        var mean: Double?
        /// (persona mean − matched mean) / matched sd.
        var zScore: Double?
        /// The mean and sd over all the run's matched users.
        var matchedMean: Double
        var matchedSd: Double
    }

    /// `run:RUN/N`.
    var id: String
    var run: Int64
    var goal: String
    var createdAt: String?
    var domain: String
    var matchedRows: Int
    /// How many personas the run produced.
    var personas: Int
    var persona: GoalRun.Persona
    var features: [Feature]

    init(run: GoalRun, persona: GoalRun.Persona) {
        let runID = run.runID ?? 0
        id = RunPersonaID(run: runID, number: persona.index).description
        self.run = runID
        goal = run.goal
        createdAt = run.createdAt
        domain = run.domain.plugin
        matchedRows = run.matchedRows
        personas = run.personas.count
        self.persona = persona
        features = run.features.map { f in
            Feature(name: f.name, weight: f.weight, mean: persona.centroid[f.name], zScore: persona.zScores[f.name],
                    matchedMean: f.mean, matchedSd: f.sd)
        }
    }

    var text: String {
        let p = persona
        var lines = ["\(p.name) (\(id)): persona \(p.index) of \(personas) of run \(run), goal \"\(goal)\""
                     + (createdAt.map { ", saved \($0)" } ?? "") + "; domain \(domain)."]
        lines.append("  \(NumberFormat.count(p.size)) users, \(NumberFormat.share(p.share)) of the \(NumberFormat.count(matchedRows)) matched.")
        lines.append("  Traits: \(p.traits.text)")
        lines.append("  Set apart by: \(p.distinguishing.isEmpty ? "nothing stands out" : p.distinguishing.joined(separator: ", "))")
        lines.append("Feature profile (the persona's mean; z = (mean − matched mean) / matched sd):")
        var rows = [["FEATURE", "WEIGHT", "MEAN", "Z", "MATCHED MEAN", "MATCHED SD"]]
        for f in features {
            rows.append([f.name, NumberFormat.value(f.weight), f.mean.map(NumberFormat.value) ?? "-", f.zScore.map(NumberFormat.score) ?? "-",
                         NumberFormat.value(f.matchedMean), NumberFormat.value(f.matchedSd)])
        }
        lines += Output.columns(rows).map { "  " + $0 }
        if !p.profile.isEmpty {
            lines.append("Profile: " + p.profile.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.text($0.value))" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    /// A profile value: numbers through ``NumberFormat``.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case let .number(d): NumberFormat.value(d)
        case let .array(items): items.map(text).joined(separator: ", ")
        case let .object(fields): fields.sorted { $0.key < $1.key }.map { "\($0.key): \(text($0.value))" }.joined(separator: "; ")
        default: value.text
        }
    }
}

/// A line of `persona list --runs`.
struct RunPersonaListing: Encodable {
    var id: String
    var run: Int64
    var name: String
    var size: Int
    var share: Double
    var goal: String
    var createdAt: String?

    /// Every persona of `runs`, newest run first, each run's personas in order.
    static func all(_ runs: [GoalRun]) -> [RunPersonaListing] {
        runs.flatMap { run in
            run.personas.map { p in
                RunPersonaListing(id: RunPersonaID(run: run.runID ?? 0, number: p.index).description, run: run.runID ?? 0, name: p.name,
                                  size: p.size, share: p.share, goal: run.goal, createdAt: run.createdAt)
            }
        }
    }

    static func lines(_ listings: [RunPersonaListing]) -> [String] {
        guard !listings.isEmpty else { return ["No goal-run personas: no run is saved (persona-host run goal \"…\" saves one)."] }
        var rows = [["ID", "NAME", "USERS", "SHARE", "GOAL", "SAVED"]]
        for l in listings {
            rows.append([l.id, l.name, NumberFormat.count(l.size), NumberFormat.share(l.share), l.goal, l.createdAt ?? ""])
        }
        return Output.columns(rows)
    }
}
