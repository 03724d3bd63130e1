import Builtins
import Foundation
import LuaBridge
import Plugins

/// Feedback to signals to versions: the plugin maps each feedback to trait signals, the host
/// damps and applies them (``TraitLearner``), checks the candidate against the persona's golden
/// scenarios, and stores every version, active or rejected.
///
/// A call is all or nothing, in three steps:
/// 1. **Check** every feedback before any mapping runs: known persona, known feedback type, its
///    interaction exists and belongs to the persona (all problems reported together).
/// 2. **Compute** in memory from one snapshot of the database, without holding its write lock:
///    the personas' traits and learner states stay in memory from one feedback to the next.
/// 3. **Write** everything in one short transaction, which first checks that the snapshot is
///    still current (``LearningStateToken``). If another writer got in between, the result is
///    computed again from a fresh snapshot (up to ``attempts`` times), so two imports never
///    interleave into a history neither would have produced.
public struct LearningPipeline {
    public let store: LearningStore
    public let personas: [LearningPersona]
    /// The clock (tests set it).
    public var now: @Sendable () -> Date = { Date() }
    /// How many times a feedback call computes its result before giving up on other writers.
    public var attempts = 3
    /// Called after a call's snapshot is read and its result computed, before the write
    /// transaction (tests use it to play another writer).
    var beforeWriting: (() throws -> Void)?

    public init(plugins: PluginSet, database: PersonaDatabase) throws(LearningError) {
        store = LearningStore(database: database)
        personas = LearningPersona.all(in: plugins)
    }

    public func persona(_ id: String) throws(LearningError) -> LearningPersona {
        guard let p = personas.first(where: { $0.id == id }) else { throw .unknownPersona(id: id, known: personas.map(\.id)) }
        return p
    }

    /// The persona's traits now: its active version, or the declared traits before any learning.
    public func currentTraits(of id: String) throws(LearningError) -> (version: String, traits: [String: Double]) {
        let persona = try persona(id)
        let active = try storage { try store.activeVersion(of: id) }
        return active.map { ($0.name, $0.traits) } ?? ("v1.0", persona.initialTraits)
    }

    /// Where a persona's learning stands: its active version, how many versions are stored and
    /// how many feedback wait for their batch.
    public func status(of id: String) throws(LearningError) -> LearningStatus {
        let persona = try persona(id)
        return try storage {
            try store.read("reading the learning state") { tx in
                let active = try tx.activeVersion(of: id)
                return LearningStatus(version: active?.name ?? "v1.0", traits: active?.traits ?? persona.initialTraits,
                                      versions: try tx.versionCount(of: id), pendingFeedback: try tx.pendingCount(of: id),
                                      batchSize: persona.settings.batchSize)
            }
        }
    }

    /// Every version of a persona, oldest first, and every feedback with its signals (`persona history`).
    public func history(of id: String) throws(LearningError) -> (versions: [PersonaVersionRecord], feedback: [FeedbackRecord]) {
        _ = try persona(id)
        return try storage { try store.read("reading the history") { tx in (try tx.versions(of: id), try tx.feedback(of: id)) } }
    }

    /// The ingredient multipliers a persona has learned (its `multiplier.<ingredient id>` traits,
    /// from its active version), for `run formulate`, `persona show` and `persona compare`.
    ///
    /// nil when there is nothing learned to apply: the persona does not learn (no plugin declares
    /// it with `traits`) or has no stored version yet. Every multiplier trait the persona declares
    /// is listed, at its active value (its declared value when the version predates the trait).
    /// - Throws: ``LearningError/storage(_:)`` or ``LearningError/damaged(_:)`` when the
    ///   database cannot be read; never an empty answer in their place.
    public func learnedMultipliers(of personaID: String) throws(LearningError) -> LearnedMultipliers? {
        guard let persona = personas.first(where: { $0.id == personaID }) else { return nil }
        guard let active = try storage({ try store.activeVersion(of: personaID) }) else { return nil }
        var multipliers: [String: Double] = [:]
        for spec in persona.traits where spec.name.hasPrefix(LearnedMultipliers.traitPrefix) {
            multipliers[String(spec.name.dropFirst(LearnedMultipliers.traitPrefix.count))] = active.traits[spec.name] ?? spec.initial
        }
        return LearnedMultipliers(persona: personaID, version: active.name, multipliers: multipliers)
    }

    /// Logs an interaction; returns its id.
    public func addInteraction(persona id: String, input: String, output: String, context: JSONValue = .object([:])) throws(LearningError) -> Int64 {
        _ = try persona(id)
        let document: JSONDocument
        do {
            document = try LearningJSON.canonical(context, field: "context")
        } catch {
            throw .badFeedback(where: "--context", message: error.description)
        }
        let time = now()
        return try storage { try store.write("logging an interaction") { try $0.addInteraction(persona: id, input: input, output: output, context: document, at: time) } }
    }

    /// Applies `inputs` in order, all or nothing (see the type's documentation).
    public func addFeedback(_ inputs: [FeedbackInput]) throws(LearningError) -> [FeedbackOutcome] {
        let (prepared, early) = try prepare(inputs)
        for _ in 0..<max(1, attempts) {
            let (snapshot, late) = try snapshot(for: prepared)
            try Self.stop(on: early + late)
            var session = FeedbackSession(snapshot: snapshot)
            var outcomes: [FeedbackOutcome] = []
            outcomes.reserveCapacity(prepared.count)
            for feedback in prepared { outcomes.append(try session.add(feedback)) }
            let batch = session.batch
            if batch.isEmpty { return outcomes }
            try storage { try beforeWriting?() }
            let written = try storage {
                try store.write("applying feedback") { tx -> Bool in
                    guard try tx.stateToken() == snapshot.token else { return false }
                    try tx.apply(batch)
                    return true
                }
            }
            if written { return outcomes }
        }
        throw .conflict(attempts: max(1, attempts))
    }

    /// A problem of the feedback at `index` of the call's input, found while checking.
    private typealias Problem = (index: Int, error: LearningError)

    /// Throws the problems found, in input order (the first ``LearningError/shownProblems`` and
    /// how many there were); returns when there are none.
    private static func stop(on problems: [Problem]) throws(LearningError) {
        guard !problems.isEmpty else { return }
        let sorted = problems.sorted { $0.index < $1.index }.map(\.error)
        if sorted.count == 1 { throw sorted[0] }
        throw .several(Array(sorted.prefix(LearningError.shownProblems)), total: sorted.count)
    }

    /// Stamps every feedback (time, canonical value, fingerprints) and checks what needs no
    /// database: known persona and feedback type, a positive interaction id, a value JSON can hold.
    private func prepare(_ inputs: [FeedbackInput]) throws(LearningError) -> ([PreparedFeedback], [Problem]) {
        var problems: [Problem] = []
        let byID = Dictionary(personas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var types: [String: Set<String>] = [:]
        var prepared: [PreparedFeedback] = []
        prepared.reserveCapacity(inputs.count)
        for (index, input) in inputs.enumerated() {
            guard let persona = byID[input.persona] else {
                problems.append((index, .located(input.location, .unknownPersona(id: input.persona, known: personas.map(\.id)))))
                continue
            }
            if types[persona.id] == nil { types[persona.id] = Set(persona.feedbackTypes) }
            guard types[persona.id]!.contains(input.type) else {
                problems.append((index, .located(input.location, .unknownType(type: input.type, persona: persona.id, known: persona.feedbackTypes))))
                continue
            }
            if let id = input.interactionID, id < 1 {
                problems.append((index, .badFeedback(where: input.location, message: "interaction ids start at 1, got \(id)")))
                continue
            }
            let value: JSONDocument
            do {
                value = try LearningJSON.canonical(input.value)
            } catch {
                problems.append((index, .badFeedback(where: input.location, message: error.description)))
                continue
            }
            let time = input.time ?? now()
            prepared.append(PreparedFeedback(index: index, input: input, time: time, value: value,
                                             fingerprint: input.fingerprint(at: time, canonical: value.text),
                                             legacyFingerprint: input.legacyFingerprint(at: time, canonical: value.text)))
        }
        return (prepared, problems)
    }

    /// Reads what computing `prepared` needs from one snapshot, and checks that every
    /// interaction named exists and belongs to the feedback's persona.
    private func snapshot(for prepared: [PreparedFeedback]) throws(LearningError) -> (LearningSnapshot, [Problem]) {
        let database = store.database.path
        let ids = Set(prepared.map(\.input.persona))
        let read = try storage {
            try store.read("reading the learning state") { tx in
                let token = try tx.stateToken()
                var ledgers: [String: PersonaLedger] = [:]
                for id in ids.sorted() {
                    let persona = try persona(id)
                    var mappings: [String: LuaFunctionRef] = [:]
                    for (type, hook) in persona.plugin.contract.feedback {
                        mappings[type] = hook.function
                    }
                    let active = try tx.activeVersion(of: id)
                    let pending = persona.settings.batchSize == nil ? [] : try tx.feedback(of: id, status: .pending).map { ($0.id, $0.signals) }
                    ledgers[id] = PersonaLedger(persona: persona, mappings: mappings, current: active?.name ?? "v1.0", hasActive: active != nil,
                                                traits: active?.traits ?? persona.initialTraits, states: try tx.learnerStates(of: id) ?? [:],
                                                highestMinor: try tx.highestMinors(of: id), pending: pending)
                }
                let interactions = try tx.interactions(prepared.compactMap(\.input.interactionID))
                var fingerprints = prepared.map(\.fingerprint)
                fingerprints += prepared.compactMap(\.legacyFingerprint)
                return (token, ledgers, interactions, try tx.storedFingerprints(among: fingerprints))
            }
        }
        var problems: [Problem] = []
        for feedback in prepared {
            guard let id = feedback.input.interactionID else { continue }
            let message: String
            if let found = read.2[id] {
                guard found.persona != feedback.input.persona else { continue }
                message = "interaction \(id) belongs to persona '\(found.persona)', not '\(feedback.input.persona)'"
            } else {
                message = "no interaction \(id) (log it first with `persona-host interactions add`)"
            }
            problems.append((feedback.index, .badFeedback(where: feedback.input.location, message: message)))
        }
        var interactions: [Int64: LoadedInteraction] = [:]
        for (id, record) in read.2 { interactions[id] = try LoadedInteraction(record, database: database) }
        return (LearningSnapshot(token: read.0, ledgers: read.1, interactions: interactions, storedFingerprints: read.3), problems)
    }

    /// Restores version `name` as a new active version (history is never rewritten).
    public func rollback(persona id: String, to name: String) throws(LearningError) -> FeedbackOutcome {
        let persona = try persona(id)
        let time = now()
        do {
            return try store.write("rolling back") { tx in
                let versions = try tx.versions(of: id)
                guard let target = versions.first(where: { $0.name == name || "v" + name == $0.name }), target.status != .rejected else {
                    throw LearningError.unknownVersion(persona: id, version: name,
                                                       known: versions.filter { $0.status != .rejected }.map(\.name))
                }
                let current = try tx.activeVersion(of: id)
                let from = current?.traits ?? persona.initialTraits
                let record = PersonaVersionRecord(persona: id, major: target.major, minor: try tx.nextMinor(of: id, major: target.major),
                                                  status: .active, traits: target.traits, parent: current?.name,
                                                  reason: "rollback to \(target.name)", createdAt: time)
                try tx.addVersion(record)
                let changes = persona.traits.compactMap { spec -> TraitChange? in
                    let a = from[spec.name] ?? spec.initial, b = target.traits[spec.name] ?? spec.initial
                    return a == b ? nil : TraitChange(trait: spec.name, from: a, to: b)
                }
                return FeedbackOutcome(status: "applied", persona: id, feedbackID: nil, version: record.name, changes: changes, signals: [],
                                       message: "\(id) \(record.name) restores \(target.name): " + LearningPipeline.summary(changes))
            }
        } catch let error as LearningError {
            throw error
        } catch {
            throw Self.storageError(error)
        }
    }

    /// "formality 0.62 → 0.55, verbosity 0.5 → 0.45", or "no trait moved".
    static func summary(_ changes: [TraitChange]) -> String {
        let moved = changes.filter(\.moved)
        guard !moved.isEmpty else { return "no trait moved" }
        var last: [String: (Double, Double)] = [:]
        var order: [String] = []
        for c in moved {
            if let first = last[c.trait] { last[c.trait] = (first.0, c.to) } else { last[c.trait] = (c.from, c.to); order.append(c.trait) }
        }
        let parts = order.prefix(6).map { "\($0) \(NumberFormat.score(last[$0]!.0)) → \(NumberFormat.score(last[$0]!.1))" }
        return parts.joined(separator: ", ") + (order.count > 6 ? ", and \(order.count - 6) more" : "")
    }

    func storage<T>(_ body: () throws -> T) throws(LearningError) -> T {
        do { return try body() } catch { throw Self.storageError(error) }
    }

    static func storageError(_ error: any Error) -> LearningError {
        switch error {
        case let error as LearningError: error
        case let error as LearningDataError: .damaged(error)
        case let error as PluginError: .plugin(error)
        default: .storage("\(error)")
        }
    }
}

/// Where a persona's learning stands (`persona show`).
public struct LearningStatus: Sendable, Hashable {
    /// The active version (`v1.0` before any feedback).
    public var version: String
    /// The active traits (the declared ones before any feedback).
    public var traits: [String: Double]
    /// Versions stored: active, superseded and rejected.
    public var versions: Int
    /// Feedback waiting for their batch.
    public var pendingFeedback: Int
    /// The persona's batch size (nil: every feedback applies at once).
    public var batchSize: Int?
}

/// The ingredient multipliers a persona learned, from one version.
public struct LearnedMultipliers: Sendable, Hashable {
    /// Traits named `multiplier.<ingredient id>` are ingredient multipliers.
    public static let traitPrefix = "multiplier."

    public var persona: String
    /// The active version they come from (`v1.4`).
    public var version: String
    /// Ingredient id → multiplier.
    public var multipliers: [String: Double]
}
