import Foundation
import GRDB

/// Everything one learning call writes, built in memory before the write transaction and then
/// written by ``LearningTransaction/apply(_:)`` with prepared multi-row statements.
///
/// Building it encodes every JSON document and date, so the transaction only binds and steps:
/// the write lock is held for the writing alone. Feedback ids are assigned here, from
/// `firstFeedbackID` up (the caller reads the next free id in the snapshot it computed from, and
/// checks in the transaction that it is still free; see ``LearningStateToken``), so outcomes and
/// version reasons can name them before anything is written.
public struct LearningWriteBatch: Sendable {
    struct VersionRow: Sendable {
        var persona: String
        var major: Int
        var minor: Int
        var status: PersonaVersionRecord.Status
        var traits: String
        var states: String
        var parent: String?
        var reason: String
        var createdAt: String
    }

    struct FeedbackRow: Sendable {
        var persona: String
        var interactionID: Int64?
        var type: String
        var target: String?
        var value: String
        var createdAt: String
        var source: String
        var fingerprint: String
        var status: FeedbackRecord.Status
        var version: String?
        var signals: [SignalRecord]
    }

    /// The id the first feedback added gets; the next ones follow.
    public let firstFeedbackID: Int64
    private(set) var versions: [VersionRow] = []
    private(set) var feedback: [FeedbackRow] = []
    /// Feedback stored before this batch whose status changes (a pending batch applied).
    private(set) var settled: [(id: Int64, status: FeedbackRecord.Status, version: String?)] = []
    private(set) var learnerStates: [String: String] = [:]

    public init(firstFeedbackID: Int64) {
        self.firstFeedbackID = firstFeedbackID
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool { versions.isEmpty && feedback.isEmpty && settled.isEmpty && learnerStates.isEmpty }

    /// How many feedback rows the batch adds.
    public var feedbackCount: Int { feedback.count }

    /// How many versions the batch adds.
    public var versionCount: Int { versions.count }

    /// Adds a version. An `active` one supersedes the persona's active version, stored or added
    /// earlier in this batch.
    public mutating func addVersion(_ record: PersonaVersionRecord) throws(LearningJSONError) {
        versions.append(VersionRow(persona: record.persona, major: record.major, minor: record.minor, status: record.status,
                                   traits: try LearningJSON.traits(record.traits), states: record.states.text, parent: record.parent,
                                   reason: record.reason, createdAt: LearningDates.text(record.createdAt)))
    }

    /// Adds a feedback with its signals; returns the id it will have.
    public mutating func addFeedback(_ given: NewFeedback, signals: [SignalRecord], status: FeedbackRecord.Status, version: String?) -> Int64 {
        feedback.append(FeedbackRow(persona: given.persona, interactionID: given.interactionID, type: given.type, target: given.target,
                                    value: given.value.text, createdAt: LearningDates.text(given.createdAt), source: given.source,
                                    fingerprint: given.fingerprint, status: status, version: version, signals: signals))
        return firstFeedbackID + Int64(feedback.count - 1)
    }

    /// Sets the status and version of feedback `ids`, stored before or added to this batch.
    public mutating func settle(_ ids: [Int64], status: FeedbackRecord.Status, version: String?) {
        for id in ids {
            if id >= firstFeedbackID, id - firstFeedbackID < Int64(feedback.count) {
                let index = Int(id - firstFeedbackID)
                feedback[index].status = status
                feedback[index].version = version
            } else {
                settled.append((id, status, version))
            }
        }
    }

    /// Sets the learner's running state of `persona` (the last one set is written).
    public mutating func setLearnerStates(_ states: JSONDocument, of persona: String) {
        learnerStates[persona] = states.text
    }
}

extension LearningTransaction {
    /// Writes `batch`: supersedes the active version of each persona that gains one, inserts the
    /// versions (only each persona's last new active one stays active), the feedback with the
    /// batch's ids and their signals, settles earlier feedback and stores the learner states.
    public func apply(_ batch: LearningWriteBatch) throws {
        guard !batch.isEmpty else { return }
        // Final statuses: of each persona's new active versions, only the last stays active.
        var versions = batch.versions
        var lastActive: [String: Int] = [:]
        for (i, v) in versions.enumerated() where v.status == .active { lastActive[v.persona] = i }
        for (i, v) in versions.enumerated() where v.status == .active && lastActive[v.persona] != i { versions[i].status = .superseded }
        for persona in lastActive.keys.sorted() {
            try db.execute(sql: "UPDATE persona_versions SET status = 'superseded' WHERE persona = ? AND status = 'active'", arguments: [persona])
        }

        let versionInsert = try MultiRowInsert(db, table: "persona_versions",
                                               columns: ["persona", "major", "minor", "status", "traits", "states", "parent", "reason", "created_at"])
        try versionInsert.insert(versions.count, operation: "storing persona versions") { s, row, p in
            let v = versions[row]
            s.bindText(p, v.persona); s.bind(p + 1, Int64(v.major)); s.bind(p + 2, Int64(v.minor)); s.bindText(p + 3, v.status.rawValue)
            s.bindText(p + 4, v.traits); s.bindText(p + 5, v.states)
            if let parent = v.parent { s.bindText(p + 6, parent) } else { s.bindNull(p + 6) }
            s.bindText(p + 7, v.reason); s.bindText(p + 8, v.createdAt)
        }

        let feedback = batch.feedback
        let feedbackInsert = try MultiRowInsert(db, table: "feedback",
                                                columns: ["id", "persona", "interaction_id", "type", "target", "value", "created_at", "source",
                                                          "fingerprint", "status", "version"])
        try feedbackInsert.insert(feedback.count, operation: "storing feedback") { s, row, p in
            let f = feedback[row]
            s.bind(p, batch.firstFeedbackID + Int64(row)); s.bindText(p + 1, f.persona)
            if let id = f.interactionID { s.bind(p + 2, id) } else { s.bindNull(p + 2) }
            s.bindText(p + 3, f.type)
            if let target = f.target { s.bindText(p + 4, target) } else { s.bindNull(p + 4) }
            s.bindText(p + 5, f.value); s.bindText(p + 6, f.createdAt); s.bindText(p + 7, f.source); s.bindText(p + 8, f.fingerprint)
            s.bindText(p + 9, f.status.rawValue)
            if let version = f.version { s.bindText(p + 10, version) } else { s.bindNull(p + 10) }
        }

        var signals: [(feedback: Int64, signal: SignalRecord)] = []
        for (row, f) in feedback.enumerated() {
            for s in f.signals { signals.append((batch.firstFeedbackID + Int64(row), s)) }
        }
        let signalInsert = try MultiRowInsert(db, table: "signals", columns: ["feedback_id", "trait", "adjustment", "confidence", "weight"])
        try signalInsert.insert(signals.count, operation: "storing signals") { s, row, p in
            let (id, signal) = signals[row]
            s.bind(p, id); s.bindText(p + 1, signal.trait); s.bind(p + 2, signal.adjustment); s.bind(p + 3, signal.confidence)
            s.bind(p + 4, signal.weight)
        }

        if !batch.settled.isEmpty {
            let update = try RawStatement(db, sql: "UPDATE feedback SET status = ?, version = ? WHERE id = ?")
            for (id, status, version) in batch.settled {
                update.bindText(1, status.rawValue)
                if let version { update.bindText(2, version) } else { update.bindNull(2) }
                update.bind(3, id)
                try update.execute("settling feedback \(id)")
            }
        }
        for (persona, states) in batch.learnerStates.sorted(by: { $0.key < $1.key }) {
            try setLearnerStates(JSONDocument(trusted: states), of: persona)
        }
    }
}

/// An INSERT of many rows through prepared statements of ``rowsPerStatement`` rows (and one of a
/// single row for the rest): SQLite's fixed cost per statement is shared among the rows.
struct MultiRowInsert {
    static let maximumParameters = 999
    let columns: Int
    let rowsPerStatement: Int
    private let full: RawStatement
    private let single: RawStatement

    init(_ db: Database, table: String, columns: [String]) throws {
        self.columns = columns.count
        rowsPerStatement = max(1, min(64, Self.maximumParameters / columns.count))
        let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: row, count: rowsPerStatement).joined(separator: ", ")
        full = try RawStatement(db, sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(list)) VALUES \(values)")
        single = try RawStatement(db, sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(list)) VALUES \(row)")
    }

    /// Inserts `count` rows; `bind(statement, row, firstParameter)` binds row `row`'s columns from
    /// parameter `firstParameter` on.
    func insert(_ count: Int, operation: String, bind: (RawStatement, Int, Int32) -> Void) throws {
        var row = 0
        while row < count {
            let statement = count - row >= rowsPerStatement ? full : single
            let rows = statement.handle == full.handle ? rowsPerStatement : 1
            for r in 0..<rows { bind(statement, row + r, Int32(r * columns + 1)) }
            try statement.execute(operation)
            row += rows
        }
    }
}
