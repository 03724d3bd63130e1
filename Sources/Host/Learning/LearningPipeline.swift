import Builtins
import Foundation
import LuaBridge
import Plugins

/// Feedback to signals to versions: the plugin maps each feedback to trait signals, the host
/// damps and applies them (``TraitLearner``), checks the candidate against the persona's golden
/// scenarios, and stores every version, active or rejected.
///
/// A call is one transaction: a feedback import either lands whole or leaves nothing behind.
public struct LearningPipeline {
    public let store: LearningStore
    public let personas: [LearningPersona]
    /// The clock (tests set it).
    public var now: @Sendable () -> Date = { Date() }

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

    /// Logs an interaction; returns its id.
    public func addInteraction(persona id: String, input: String, output: String, context: JSONValue = .object([:])) throws(LearningError) -> Int64 {
        _ = try persona(id)
        let document = try storage { try JSONDocument(text: JSONDocumentText.canonical(context)) }
        let time = now()
        return try storage { try store.write("logging an interaction") { try $0.addInteraction(persona: id, input: input, output: output, context: document, at: time) } }
    }

    /// Applies `inputs` in order, in one transaction. Any error leaves the database unchanged.
    public func addFeedback(_ inputs: [FeedbackInput]) throws(LearningError) -> [FeedbackOutcome] {
        do {
            return try store.write("applying feedback") { tx in
                var session = FeedbackSession(pipeline: self, tx: tx)
                return try inputs.map { try session.add($0) }
            }
        } catch let error as LearningError {
            throw error
        } catch let error as PluginError {
            throw .plugin(error)
        } catch {
            throw .storage("\(error)")
        }
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
            throw .storage("\(error)")
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
        let parts = order.prefix(6).map { "\($0) \(last[$0]!.0.formatted2) → \(last[$0]!.1.formatted2)" }
        return parts.joined(separator: ", ") + (order.count > 6 ? ", and \(order.count - 6) more" : "")
    }

    func storage<T>(_ body: () throws -> T) throws(LearningError) -> T {
        do { return try body() } catch { throw .storage("\(error)") }
    }
}
