import Builtins
import Foundation
import LuaBridge
import Plugins

/// What a feedback call reads before computing anything, from one consistent snapshot of the
/// database (no write lock): the state token, each persona's active traits and learner state,
/// its version numbers and pending batch, the interactions the feedback name, and which
/// fingerprints are already stored.
struct LearningSnapshot {
    let token: LearningStateToken
    let ledgers: [String: PersonaLedger]
    let interactions: [Int64: LoadedInteraction]
    let storedFingerprints: Set<String>
}

/// One persona's learning state, held in memory while a call computes: what the database
/// holds, updated by every feedback of the call, so that nothing is read back per feedback.
struct PersonaLedger {
    let persona: LearningPersona
    /// The plugin's mapping functions by feedback type.
    let mappings: [String: LuaFunctionRef]
    /// The active version's name (`v1.0` before any is stored).
    var current: String
    /// Whether an active version is stored (or added earlier in this call).
    var hasActive: Bool
    var traits: [String: Double]
    var states: [String: TraitState]
    /// The highest minor number of each major version.
    var highestMinor: [Int: Int]
    /// Batch mode: the feedback waiting for their batch (stored, or added in this call).
    var pending: [(id: Int64, signals: [SignalRecord])]
    /// Reuses the JSON of trait states that did not change.
    var statesEncoder = LearningJSON.StatesEncoder()
}

/// Applies feedback in memory, over a ``LearningSnapshot``: fingerprint, plugin mapping, damped
/// update (or batch accumulation), golden-scenario validation; the versions, feedback rows and
/// learner states it produces go into a ``LearningWriteBatch`` that the pipeline writes in one
/// short transaction.
struct FeedbackSession {
    private var ledgers: [String: PersonaLedger]
    private let interactions: [Int64: LoadedInteraction]
    private let stored: Set<String>
    /// Fingerprints seen earlier in this call (duplicates within one import).
    private var seen: Set<String> = []
    private(set) var batch: LearningWriteBatch
    /// Text measures of short values, by text.
    private var measures: [String: LuaValue] = [:]

    init(snapshot: LearningSnapshot) {
        ledgers = snapshot.ledgers
        interactions = snapshot.interactions
        stored = snapshot.storedFingerprints
        batch = LearningWriteBatch(firstFeedbackID: snapshot.token.lastFeedbackID + 1)
    }

    /// Applies one feedback; any error names where the feedback came from.
    mutating func add(_ feedback: PreparedFeedback) throws(LearningError) -> FeedbackOutcome {
        do {
            return try apply(feedback)
        } catch let error as LearningError {
            throw .located(feedback.input.location, error)
        } catch let error as PluginError {
            throw .located(feedback.input.location, .plugin(error))
        } catch let error as LearningJSONError {
            throw .located(feedback.input.location, .storage("cannot store the result: \(error)"))
        } catch {
            throw .located(feedback.input.location, .storage("\(error)"))
        }
    }

    private mutating func apply(_ feedback: PreparedFeedback) throws -> FeedbackOutcome {
        let input = feedback.input
        guard var ledger = ledgers[input.persona], let mapping = ledger.mappings[input.type] else {
            // The pipeline checked every feedback before computing; this is a host bug.
            throw LearningError.storage("feedback of persona '\(input.persona)', type '\(input.type)' was not checked before computing")
        }
        defer { ledgers[input.persona] = ledger }
        let persona = ledger.persona
        if seen.contains(feedback.fingerprint) || stored.contains(feedback.fingerprint)
            || feedback.legacyFingerprint.map(stored.contains) == true {
            return FeedbackOutcome(status: "duplicate", persona: persona.id, feedbackID: nil, version: nil, changes: [], signals: [],
                                   message: "\(input.location): duplicate feedback ignored")
        }
        seen.insert(feedback.fingerprint)
        var interaction: LoadedInteraction?
        if let id = input.interactionID {
            guard let found = interactions[id], found.record.persona == persona.id else {
                throw LearningError.badFeedback(where: input.location, message: "no interaction \(id) of persona '\(persona.id)'")
            }
            interaction = found
        }

        for spec in persona.traits {
            // The active version's value always wins (a rollback restores values, not the smoothing).
            let value = ledger.traits[spec.name] ?? spec.initial
            if ledger.states[spec.name]?.value != value { ledger.states[spec.name] = TraitState(value: value) }
        }
        let table = FeedbackTable(input: input, interaction: interaction, traits: ledger.traits).lua(cache: &measures)
        let results = try persona.plugin.call(mapping, hookName: "feedback.\(input.type)", [table])
        let signals = try readSignals(results.first ?? .nil, persona: persona, input: input)
        let time = feedback.time
        let record = NewFeedback(persona: persona.id, interactionID: input.interactionID, type: input.type, target: input.target,
                                 value: feedback.value, createdAt: time, source: input.source, fingerprint: feedback.fingerprint)
        if !ledger.hasActive {
            try batch.addVersion(PersonaVersionRecord(persona: persona.id, major: 1, minor: 0, status: .active, traits: ledger.traits,
                                                      states: try ledger.statesEncoder.encode(ledger.states), parent: nil,
                                                      reason: "initial: declared by plugin '\(persona.plugin.name)'", createdAt: time))
            ledger.hasActive = true
            ledger.current = "v1.0"
            ledger.highestMinor[1] = max(ledger.highestMinor[1] ?? 0, 0)
        }
        let current = ledger.current
        let seconds = time.timeIntervalSince1970

        if let size = persona.settings.batchSize {
            let id = batch.addFeedback(record, signals: signals, status: .pending, version: nil)
            ledger.pending.append((id, signals))
            let waiting = ledger.pending.count
            guard waiting >= size else {
                return FeedbackOutcome(status: "pending", persona: persona.id, feedbackID: id, version: nil, changes: [], signals: signals,
                                       message: "\(persona.id): feedback \(id) recorded; \(waiting) of \(size) samples until \(next(current))")
            }
            let pending = ledger.pending
            let all = pending.flatMap { f in
                f.signals.map { TraitSignal(trait: $0.trait, adjustment: $0.adjustment, confidence: $0.confidence, weight: $0.weight, time: seconds) }
            }
            let update = TraitLearner.applyBatch(all, to: ledger.states, specs: persona.traits, settings: persona.settings)
            let reason = "batch of \(pending.count) samples (feedback \(pending.first!.id)–\(pending.last!.id))"
            ledger.pending = []
            return try settle(&ledger, feedbackIDs: pending.map(\.id), update: update, reason: reason, time: time, signals: signals)
        }
        let timed = signals.map {
            TraitSignal(trait: $0.trait, adjustment: $0.adjustment, confidence: $0.confidence, weight: $0.weight, time: seconds)
        }
        let update = TraitLearner.apply(timed, to: ledger.states, specs: persona.traits, settings: persona.settings)
        let id = batch.addFeedback(record, signals: signals, status: .pending, version: nil)
        return try settle(&ledger, feedbackIDs: [id], update: update,
                          reason: "feedback \(id): \(input.type) \(feedback.value.text.prefix(60))", time: time, signals: signals)
    }

    /// Validates the candidate, adds it as the new active version (or as rejected), and settles the feedback.
    private mutating func settle(_ ledger: inout PersonaLedger, feedbackIDs: [Int64], update: LearningUpdate, reason: String,
                                 time: Date, signals: [SignalRecord]) throws -> FeedbackOutcome {
        let persona = ledger.persona
        if let refused = update.rejected.first {
            // readSignals checks names and ranges; whatever the learner still refuses is the plugin's bug, never dropped.
            throw PluginError.badResult(plugin: persona.plugin.name, hook: "feedback", problem: refused.description)
        }
        let current = ledger.current
        var traits = ledger.traits
        for (name, state) in update.states { traits[name] = state.value }
        if !update.changes.contains(where: \.moved) {
            // Nothing moved ("nailed it", or every step held by its limits): no new version.
            batch.settle(feedbackIDs, status: .applied, version: current)
            batch.setLearnerStates(try ledger.statesEncoder.encode(update.states), of: persona.id)
            ledger.states = update.states
            return FeedbackOutcome(status: "applied", persona: persona.id, feedbackID: feedbackIDs.last, version: current,
                                   changes: update.changes, signals: signals, message: "\(persona.id) \(current): no trait moved")
        }
        let major = PersonaVersionRecord.parse(current)?.major ?? 1
        let minor = (ledger.highestMinor[major] ?? -1) + 1
        ledger.highestMinor[major] = minor
        let name = "v\(major).\(minor)"
        let states = try ledger.statesEncoder.encode(update.states)
        if let failure = try persona.failedScenario(traits) {
            // The active version, its traits and the learner's state stay as they were.
            try batch.addVersion(PersonaVersionRecord(persona: persona.id, major: major, minor: minor, status: .rejected, traits: traits,
                                                      states: states, parent: current, reason: "\(reason); rejected: \(failure)", createdAt: time))
            batch.settle(feedbackIDs, status: .rejected, version: name)
            return FeedbackOutcome(status: "rejected", persona: persona.id, feedbackID: feedbackIDs.last, version: name, changes: update.changes,
                                   signals: signals, message: "\(persona.id): candidate \(name) rejected (\(failure)); \(current) stays active")
        }
        try batch.addVersion(PersonaVersionRecord(persona: persona.id, major: major, minor: minor, status: .active, traits: traits,
                                                  states: states, parent: current, reason: reason, createdAt: time))
        batch.setLearnerStates(states, of: persona.id)
        batch.settle(feedbackIDs, status: .applied, version: name)
        ledger.current = name
        ledger.traits = traits
        ledger.states = update.states
        return FeedbackOutcome(status: "applied", persona: persona.id, feedbackID: feedbackIDs.last, version: name, changes: update.changes,
                               signals: signals, message: "\(persona.id) \(name): " + LearningPipeline.summary(update.changes))
    }

    private func next(_ current: String) -> String {
        let (major, minor) = PersonaVersionRecord.parse(current) ?? (1, 0)
        return "v\(major).\(minor + 1)"
    }

    /// A signal's weight: a number above 0 (a weight of 0 would make the learner drop the signal).
    private func weight(_ f: LuaFieldReader) throws(PluginError) -> Double {
        let weight = try f.number("weight", in: 0...1e6)
        guard weight > 0 else { throw f.fail("weight", "must be above 0 (leave the signal out instead)") }
        return weight
    }

    /// The plugin's list of `{ trait, adjustment, confidence, weight }`, checked.
    private func readSignals(_ value: LuaValue, persona: LearningPersona, input: FeedbackInput) throws -> [SignalRecord] {
        let hook = "feedback.\(input.type)"
        guard let items = value.arrayValue else {
            throw PluginError.badResult(plugin: persona.plugin.name, hook: hook, problem: "must return a list of signals, got \(value.typeName)",
                                        location: persona.mapping(for: input.type)?.location)
        }
        guard items.count <= ContractDefaults.Limits.listItems else {
            throw PluginError.badResult(plugin: persona.plugin.name, hook: hook,
                                        problem: "returned \(items.count) signals; at most \(ContractDefaults.Limits.listItems)",
                                        location: persona.mapping(for: input.type)?.location)
        }
        return try items.enumerated().map { i, item in
            let f = LuaFieldReader(plugin: persona.plugin.name, path: "\(hook) result[\(i + 1)]", table: item)
            let trait = try f.string("trait")
            guard persona.traits.contains(where: { $0.name == trait }) else {
                throw f.fail("trait", "'\(trait)' is not a trait of \(persona.id)\(Suggestion.phrase(for: trait, among: persona.traits.map(\.name)))")
            }
            return SignalRecord(trait: trait, adjustment: try f.number("adjustment", in: -1e6...1e6),
                                confidence: item["confidence"] == .nil ? ContractDefaults.signalConfidence : try f.number("confidence", in: 0...1),
                                weight: item["weight"] == .nil ? ContractDefaults.signalWeight : try weight(f))
        }
    }
}
