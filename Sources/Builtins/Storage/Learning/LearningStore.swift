import Foundation
import GRDB

/// What personas learn from feedback: versions of their traits, the interaction log, feedback and
/// signals (`persona_versions`, `interactions`, `feedback`, `signals`).
///
/// Reads are plain methods; writes happen inside ``write(_:_:)``, one transaction in which the
/// caller may read and write through a ``LearningTransaction``: an import of 1,000 feedback lines
/// either lands whole or not at all.
public struct LearningStore: Sendable {
    public let database: PersonaDatabase

    public init(database: PersonaDatabase) {
        self.database = database
    }

    /// Runs `body` in one write transaction; anything it throws rolls everything back.
    public func write<T>(_ operation: String, _ body: (LearningTransaction) throws -> T) throws -> T {
        try database.writeTransaction(operation) { db in try body(LearningTransaction(db: db)) }
    }

    /// Every version of `persona`, oldest first.
    public func versions(of persona: String) throws -> [PersonaVersionRecord] {
        try database.read("reading persona versions") { db in try LearningTransaction(db: db).versions(of: persona) }
    }

    /// The active version of `persona`, if it has learned anything yet.
    public func activeVersion(of persona: String) throws -> PersonaVersionRecord? {
        try database.read("reading the active version") { db in try LearningTransaction(db: db).activeVersion(of: persona) }
    }

    /// Every feedback of `persona` with its signals, oldest first.
    public func feedback(of persona: String) throws -> [FeedbackRecord] {
        try database.read("reading feedback") { db in try LearningTransaction(db: db).feedback(of: persona) }
    }

    /// One interaction.
    public func interaction(_ id: Int64) throws -> InteractionRecord? {
        try database.read("reading an interaction") { db in try LearningTransaction(db: db).interaction(id) }
    }
}

/// Typed reads and writes inside one ``LearningStore/write(_:_:)`` transaction.
public struct LearningTransaction {
    let db: Database

    static let dateStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    func date(_ text: String) -> Date { (try? Date(text, strategy: Self.dateStyle)) ?? Date(timeIntervalSince1970: 0) }
    func text(_ date: Date) -> String { date.formatted(Self.dateStyle) }

    // MARK: interactions

    /// Logs an interaction and returns its id.
    public func addInteraction(persona: String, input: String, output: String, context: JSONDocument, at time: Date) throws -> Int64 {
        try db.execute(sql: "INSERT INTO interactions (persona, created_at, input, output, context) VALUES (?, ?, ?, ?, ?)",
                       arguments: [persona, text(time), input, output, context.text])
        return db.lastInsertedRowID
    }

    public func interaction(_ id: Int64) throws -> InteractionRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM interactions WHERE id = ?", arguments: [id]) else { return nil }
        return InteractionRecord(id: row["id"], persona: row["persona"], createdAt: date(row["created_at"]), input: row["input"],
                                 output: row["output"], context: JSONDocument(trusted: row["context"]))
    }

    // MARK: versions

    public func versions(of persona: String) throws -> [PersonaVersionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM persona_versions WHERE persona = ? ORDER BY id", arguments: [persona]).map(version)
    }

    public func activeVersion(of persona: String) throws -> PersonaVersionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM persona_versions WHERE persona = ? AND status = 'active'", arguments: [persona]).map(version)
    }

    /// Stores `record`; an `active` one supersedes the persona's current active version.
    public func addVersion(_ record: PersonaVersionRecord) throws {
        if record.status == .active {
            try db.execute(sql: "UPDATE persona_versions SET status = 'superseded' WHERE persona = ? AND status = 'active'",
                           arguments: [record.persona])
        }
        try db.execute(sql: """
            INSERT INTO persona_versions (persona, major, minor, status, traits, states, parent, reason, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.persona, record.major, record.minor, record.status.rawValue,
                             try JSONDocument.encode(record.traits), record.states.text, record.parent, record.reason, text(record.createdAt)])
    }

    /// The next free minor number after every version of `persona` with major `major`.
    public func nextMinor(of persona: String, major: Int) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT MAX(minor) FROM persona_versions WHERE persona = ? AND major = ?", arguments: [persona, major]) ?? -1) + 1
    }

    private func version(_ row: Row) throws -> PersonaVersionRecord {
        PersonaVersionRecord(persona: row["persona"], major: row["major"], minor: row["minor"],
                             status: PersonaVersionRecord.Status(rawValue: row["status"]) ?? .superseded,
                             traits: try JSONDocument(trusted: row["traits"]).decode([String: Double].self),
                             states: JSONDocument(trusted: row["states"]), parent: row["parent"], reason: row["reason"],
                             createdAt: date(row["created_at"]))
    }

    /// The learner's running state of `persona` (JSON), if it has one.
    public func learnerStates(of persona: String) throws -> JSONDocument? {
        try String.fetchOne(db, sql: "SELECT states FROM learner_states WHERE persona = ?", arguments: [persona]).map(JSONDocument.init(trusted:))
    }

    public func setLearnerStates(_ states: JSONDocument, of persona: String) throws {
        try db.execute(sql: "INSERT INTO learner_states (persona, states) VALUES (?, ?) ON CONFLICT (persona) DO UPDATE SET states = excluded.states",
                       arguments: [persona, states.text])
    }

    // MARK: feedback

    /// Whether a feedback with `fingerprint` is already stored (a duplicate is ignored).
    public func hasFeedback(fingerprint: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feedback WHERE fingerprint = ?)", arguments: [fingerprint]) ?? false
    }

    /// Stores a feedback and its signals; returns its id.
    public func addFeedback(_ feedback: NewFeedback, signals: [SignalRecord], status: FeedbackRecord.Status, version: String?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO feedback (persona, interaction_id, type, target, value, created_at, source, fingerprint, status, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [feedback.persona, feedback.interactionID, feedback.type, feedback.target, feedback.value.text,
                             text(feedback.createdAt), feedback.source, feedback.fingerprint, status.rawValue, version])
        let id = db.lastInsertedRowID
        for s in signals {
            try db.execute(sql: "INSERT INTO signals (feedback_id, trait, adjustment, confidence, weight) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, s.trait, s.adjustment, s.confidence, s.weight])
        }
        return id
    }

    /// How many feedback of `persona` wait for their batch.
    public func pendingCount(of persona: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE persona = ? AND status = 'pending'", arguments: [persona]) ?? 0
    }

    /// Marks `ids` as `status`, produced `version`.
    public func settleFeedback(_ ids: [Int64], status: FeedbackRecord.Status, version: String?) throws {
        for id in ids {
            try db.execute(sql: "UPDATE feedback SET status = ?, version = ? WHERE id = ?", arguments: [status.rawValue, version, id])
        }
    }

    public func feedback(of persona: String, status: FeedbackRecord.Status? = nil) throws -> [FeedbackRecord] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE persona = ? AND (? IS NULL OR status = ?) ORDER BY id",
                                    arguments: [persona, status?.rawValue, status?.rawValue])
        return try rows.map { row in
            let id: Int64 = row["id"]
            let signals = try Row.fetchAll(db, sql: "SELECT * FROM signals WHERE feedback_id = ? ORDER BY id", arguments: [id]).map {
                SignalRecord(trait: $0["trait"], adjustment: $0["adjustment"], confidence: $0["confidence"], weight: $0["weight"])
            }
            let given = NewFeedback(persona: row["persona"], interactionID: row["interaction_id"], type: row["type"], target: row["target"],
                                    value: JSONDocument(trusted: row["value"]), createdAt: date(row["created_at"]), source: row["source"],
                                    fingerprint: row["fingerprint"])
            return FeedbackRecord(id: id, feedback: given, status: FeedbackRecord.Status(rawValue: row["status"]) ?? .applied,
                                  version: row["version"], signals: signals)
        }
    }
}
