import Builtins
import Foundation
import LuaBridge
import Plugins

/// Applies feedback inside one transaction: fingerprint, plugin mapping, damped update (or batch
/// accumulation), golden-scenario validation, and the versions and feedback rows that record it.
struct FeedbackSession {
    let pipeline: LearningPipeline
    let tx: LearningTransaction
    /// Fingerprints seen earlier in this call (duplicates within one import).
    var seen: Set<String> = []

    init(pipeline: LearningPipeline, tx: LearningTransaction) {
        self.pipeline = pipeline
        self.tx = tx
    }

    /// Applies one feedback; any error names where the feedback came from.
    mutating func add(_ input: FeedbackInput) throws -> FeedbackOutcome {
        do {
            return try apply(input)
        } catch let error as LearningError {
            throw LearningError.located(input.location, error)
        } catch let error as PluginError {
            throw LearningError.located(input.location, .plugin(error))
        }
    }

    private mutating func apply(_ input: FeedbackInput) throws -> FeedbackOutcome {
        let persona = try pipeline.persona(input.persona)
        guard let mapping = persona.mapping(for: input.type)?.function else {
            throw LearningError.unknownType(type: input.type, persona: persona.id, known: persona.feedbackTypes)
        }
        let time = input.time ?? pipeline.now()
        let fingerprint = input.fingerprint(at: time)
        let stored = try tx.hasFeedback(fingerprint: fingerprint)
        if seen.contains(fingerprint) || stored {
            return FeedbackOutcome(status: "duplicate", persona: persona.id, feedbackID: nil, version: nil, changes: [], signals: [],
                                   message: "\(input.location): duplicate feedback ignored")
        }
        seen.insert(fingerprint)
        var interaction: InteractionRecord?
        if let id = input.interactionID {
            guard let found = try tx.interaction(id), found.persona == persona.id else {
                throw LearningError.badFeedback(where: input.location, message: "no interaction \(id) of persona '\(persona.id)'")
            }
            interaction = found
        }

        let active = try tx.activeVersion(of: persona.id)
        var traits = active?.traits ?? persona.initialTraits
        var states = (try? tx.learnerStates(of: persona.id)?.decode([String: TraitState].self)) ?? [:]
        for spec in persona.traits {
            // The active version's value always wins (a rollback restores values, not the smoothing).
            let value = traits[spec.name] ?? spec.initial
            if states[spec.name]?.value != value { states[spec.name] = TraitState(value: value) }
        }

        let table = FeedbackTable(input: input, interaction: interaction, traits: traits).lua
        let results = try persona.plugin.call(mapping, hookName: "feedback.\(input.type)", [table])
        let signals = try readSignals(results.first ?? .nil, persona: persona, input: input)
        let document = try JSONDocument(text: JSONDocumentText.canonical(input.value))
        let record = NewFeedback(persona: persona.id, interactionID: input.interactionID, type: input.type, target: input.target,
                                 value: document, createdAt: time, source: input.source, fingerprint: fingerprint)
        if active == nil {
            try tx.addVersion(PersonaVersionRecord(persona: persona.id, major: 1, minor: 0, status: .active, traits: traits,
                                                   states: try JSONDocument(encoding: states), parent: nil,
                                                   reason: "initial: declared by plugin '\(persona.plugin.name)'", createdAt: time))
        }
        let current = active?.name ?? "v1.0"

        if let batch = persona.settings.batchSize {
            let id = try tx.addFeedback(record, signals: signals, status: .pending, version: nil)
            let waiting = try tx.pendingCount(of: persona.id)
            guard waiting >= batch else {
                return FeedbackOutcome(status: "pending", persona: persona.id, feedbackID: id, version: nil, changes: [], signals: signals,
                                       message: "\(persona.id): feedback \(id) recorded; \(waiting) of \(batch) samples until \(next(current))")
            }
            let pending = try tx.feedback(of: persona.id, status: .pending)
            let all = pending.flatMap { f in f.signals.map { TraitSignal(trait: $0.trait, adjustment: $0.adjustment, confidence: $0.confidence, weight: $0.weight, time: time.timeIntervalSince1970) } }
            let update = TraitLearner.applyBatch(all, to: states, specs: persona.traits, settings: persona.settings)
            let reason = "batch of \(pending.count) samples (feedback \(pending.first!.id)–\(pending.last!.id))"
            return try settle(persona: persona, feedbackIDs: pending.map(\.id), update: update, traits: &traits, current: current,
                              reason: reason, time: time, signals: signals)
        }
        let timed = signals.map { TraitSignal(trait: $0.trait, adjustment: $0.adjustment, confidence: $0.confidence, weight: $0.weight, time: time.timeIntervalSince1970) }
        let update = TraitLearner.apply(timed, to: states, specs: persona.traits, settings: persona.settings)
        let id = try tx.addFeedback(record, signals: signals, status: .pending, version: nil)
        return try settle(persona: persona, feedbackIDs: [id], update: update, traits: &traits, current: current,
                          reason: "feedback \(id): \(input.type) \(JSONDocumentText.canonical(input.value).prefix(60))", time: time, signals: signals)
    }

    /// Validates the candidate, stores it as the new active version (or as rejected), and settles the feedback.
    private func settle(persona: LearningPersona, feedbackIDs: [Int64], update: LearningUpdate, traits: inout [String: Double],
                        current: String, reason: String, time: Date, signals: [SignalRecord]) throws -> FeedbackOutcome {
        for (name, state) in update.states { traits[name] = state.value }
        if !update.changes.contains(where: \.moved) {
            // Nothing moved ("nailed it", or every step held by its limits): no new version.
            try tx.settleFeedback(feedbackIDs, status: .applied, version: current)
            try tx.setLearnerStates(try JSONDocument(encoding: update.states), of: persona.id)
            return FeedbackOutcome(status: "applied", persona: persona.id, feedbackID: feedbackIDs.last, version: current,
                                   changes: update.changes, signals: signals, message: "\(persona.id) \(current): no trait moved")
        }
        let (major, _) = PersonaVersionRecord.parse(current) ?? (1, 0)
        let minor = try tx.nextMinor(of: persona.id, major: major)
        let name = "v\(major).\(minor)"
        let states = try JSONDocument(encoding: update.states)
        if let failure = try persona.failedScenario(traits) {
            try tx.addVersion(PersonaVersionRecord(persona: persona.id, major: major, minor: minor, status: .rejected, traits: traits,
                                                   states: states, parent: current, reason: "\(reason); rejected: \(failure)", createdAt: time))
            try tx.settleFeedback(feedbackIDs, status: .rejected, version: name)
            return FeedbackOutcome(status: "rejected", persona: persona.id, feedbackID: feedbackIDs.last, version: name, changes: update.changes,
                                   signals: signals, message: "\(persona.id): candidate \(name) rejected (\(failure)); \(current) stays active")
        }
        try tx.addVersion(PersonaVersionRecord(persona: persona.id, major: major, minor: minor, status: .active, traits: traits,
                                               states: states, parent: current, reason: reason, createdAt: time))
        try tx.setLearnerStates(states, of: persona.id)
        try tx.settleFeedback(feedbackIDs, status: .applied, version: name)
        return FeedbackOutcome(status: "applied", persona: persona.id, feedbackID: feedbackIDs.last, version: name, changes: update.changes,
                               signals: signals, message: "\(persona.id) \(name): " + LearningPipeline.summary(update.changes))
    }

    private func next(_ current: String) -> String {
        let (major, minor) = PersonaVersionRecord.parse(current) ?? (1, 0)
        return "v\(major).\(minor + 1)"
    }

    /// The plugin's list of `{ trait, adjustment, confidence, weight }`, checked.
    private func readSignals(_ value: LuaValue, persona: LearningPersona, input: FeedbackInput) throws -> [SignalRecord] {
        let hook = "feedback.\(input.type)"
        guard let items = value.arrayValue else {
            throw PluginError.badResult(plugin: persona.plugin.name, hook: hook, problem: "must return a list of signals, got \(value.typeName)")
        }
        let known = Set(persona.traits.map(\.name))
        return try items.enumerated().map { i, item in
            let f = LuaFieldReader(plugin: persona.plugin.name, path: "\(hook) result[\(i + 1)]", table: item)
            let trait = try f.string("trait")
            guard known.contains(trait) else {
                throw f.fail("trait", "'\(trait)' is not a trait of \(persona.id)\(Suggestion.phrase(for: trait, among: known))")
            }
            return SignalRecord(trait: trait, adjustment: try f.number("adjustment", in: -1e6...1e6),
                                confidence: item["confidence"] == .nil ? 1 : try f.number("confidence", in: 0...1),
                                weight: item["weight"] == .nil ? 1 : try f.number("weight", in: 0...1e6))
        }
    }
}
