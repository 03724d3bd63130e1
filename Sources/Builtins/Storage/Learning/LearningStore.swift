import Foundation
import GRDB

/// What personas learn from feedback: versions of their traits, the interaction log, feedback and
/// signals (`persona_versions`, `learner_states`, `interactions`, `feedback`, `signals`).
///
/// Reads are plain methods, or ``read(_:_:)`` for several reads from one consistent snapshot
/// (no lock: readers never wait for a writer, and a writer never waits for them). Writes happen
/// inside ``write(_:_:)``, one `BEGIN IMMEDIATE` transaction: an import of 100,000 feedback
/// lines either lands whole or not at all. Bulk writes go through ``LearningWriteBatch``, built
/// outside the transaction and written with prepared multi-row statements, so the write lock is
/// held for the writing only.
public struct LearningStore: Sendable {
    public let database: PersonaDatabase

    public init(database: PersonaDatabase) {
        self.database = database
    }

    /// Runs `body` in one write transaction; anything it throws rolls everything back.
    public func write<T>(_ operation: String, _ body: (LearningTransaction) throws -> T) throws -> T {
        try database.writeTransaction(operation) { db in try body(LearningTransaction(db: db, database: database.path)) }
    }

    /// Runs `body` in one read transaction: every read sees the same snapshot, and no lock is
    /// taken that a writer would wait for.
    public func read<T>(_ operation: String, _ body: (LearningTransaction) throws -> T) throws -> T {
        try database.read(operation) { db in try body(LearningTransaction(db: db, database: database.path)) }
    }

    /// Every version of `persona`, oldest first.
    public func versions(of persona: String) throws -> [PersonaVersionRecord] {
        try read("reading persona versions") { try $0.versions(of: persona) }
    }

    /// The active version of `persona`, if it has learned anything yet.
    public func activeVersion(of persona: String) throws -> PersonaVersionRecord? {
        try read("reading the active version") { try $0.activeVersion(of: persona) }
    }

    /// Every feedback of `persona` with its signals, oldest first.
    public func feedback(of persona: String) throws -> [FeedbackRecord] {
        try read("reading feedback") { try $0.feedback(of: persona) }
    }

    /// One interaction.
    public func interaction(_ id: Int64) throws -> InteractionRecord? {
        try read("reading an interaction") { try $0.interaction(id) }
    }
}

/// Typed reads and writes inside one ``LearningStore/write(_:_:)`` or ``LearningStore/read(_:_:)``.
///
/// Stored values that do not read back as what they must be (a date, a status, learner states)
/// throw ``LearningDataError`` naming the row: nothing is guessed.
public struct LearningTransaction {
    let db: Database
    /// The database file, for errors.
    let database: String

    init(db: Database, database: String) {
        self.db = db
        self.database = database
    }

    func damaged(_ record: String, _ field: String, _ problem: String) -> LearningDataError {
        LearningDataError(database: database, record: record, field: field, problem: problem)
    }

    func date(_ text: String, _ record: @autoclosure () -> String) throws(LearningDataError) -> Date {
        guard let date = LearningDates.date(text) else {
            throw damaged(record(), "created_at", "'\(text.prefix(40))' is not an ISO 8601 date")
        }
        return date
    }

    // MARK: the state token

    /// The highest feedback and version ids ever assigned (see ``LearningStateToken``).
    public func stateToken() throws -> LearningStateToken {
        func last(_ table: String) throws -> Int64 {
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
            let highest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
            return max(sequence, highest)
        }
        return LearningStateToken(lastFeedbackID: try last("feedback"), lastVersionID: try last("persona_versions"))
    }

    // MARK: interactions

    /// Logs an interaction and returns its id.
    public func addInteraction(persona: String, input: String, output: String, context: JSONDocument, at time: Date) throws -> Int64 {
        try db.execute(sql: "INSERT INTO interactions (persona, created_at, input, output, context) VALUES (?, ?, ?, ?, ?)",
                       arguments: [persona, LearningDates.text(time), input, output, context.text])
        return db.lastInsertedRowID
    }

    public func interaction(_ id: Int64) throws -> InteractionRecord? {
        try interactions([id])[id]
    }

    /// The interactions with these ids that exist, by id.
    public func interactions(_ ids: some Collection<Int64>) throws -> [Int64: InteractionRecord] {
        var found: [Int64: InteractionRecord] = [:]
        let unique = Array(Set(ids)).sorted()
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM interactions WHERE id IN (\(marks))", arguments: StatementArguments(chunk)) {
                let id: Int64 = row["id"]
                found[id] = InteractionRecord(id: id, persona: row["persona"], createdAt: try date(row["created_at"], "interactions, id \(id)"),
                                              input: row["input"], output: row["output"], context: JSONDocument(trusted: row["context"]))
            }
        }
        return found
    }

    // MARK: versions

    public func versions(of persona: String) throws -> [PersonaVersionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM persona_versions WHERE persona = ? ORDER BY id", arguments: [persona]).map(version)
    }

    public func activeVersion(of persona: String) throws -> PersonaVersionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM persona_versions WHERE persona = ? AND status = 'active'", arguments: [persona]).map(version)
    }

    /// How many versions `persona` has (active, superseded and rejected).
    public func versionCount(of persona: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM persona_versions WHERE persona = ?", arguments: [persona]) ?? 0
    }

    /// Stores `record`; an `active` one supersedes the persona's current active version.
    public func addVersion(_ record: PersonaVersionRecord) throws {
        var batch = LearningWriteBatch(firstFeedbackID: 1)
        try batch.addVersion(record)
        try apply(batch)
    }

    /// The next free minor number after every version of `persona` with major `major`.
    public func nextMinor(of persona: String, major: Int) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT MAX(minor) FROM persona_versions WHERE persona = ? AND major = ?", arguments: [persona, major]) ?? -1) + 1
    }

    /// The highest minor number of each major version of `persona`.
    public func highestMinors(of persona: String) throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT major, MAX(minor) AS minor FROM persona_versions WHERE persona = ? GROUP BY major",
                                    arguments: [persona]) {
            out[row["major"]] = row["minor"]
        }
        return out
    }

    private func version(_ row: Row) throws -> PersonaVersionRecord {
        let id: Int64 = row["id"]
        let record = "persona_versions, id \(id)"
        let statusText: String = row["status"]
        guard let status = PersonaVersionRecord.Status(rawValue: statusText) else {
            throw damaged(record, "status", "'\(statusText)' is not active, superseded or rejected")
        }
        let traits: [String: Double]
        do {
            traits = try JSONDocument(trusted: row["traits"]).decode([String: Double].self)
        } catch {
            throw damaged(record, "traits", "not an object of trait names to numbers (\(error))")
        }
        return PersonaVersionRecord(persona: row["persona"], major: row["major"], minor: row["minor"], status: status, traits: traits,
                                    states: JSONDocument(trusted: row["states"]), parent: row["parent"], reason: row["reason"],
                                    createdAt: try date(row["created_at"], record))
    }

    /// The learner's running state of `persona` (smoothing and rate windows per trait), if it has one.
    /// - Throws: ``LearningDataError`` when the stored states do not decode: they are never
    ///   silently reset (that would reopen every rate-limit window).
    public func learnerStates(of persona: String) throws -> [String: TraitState]? {
        guard let text = try String.fetchOne(db, sql: "SELECT states FROM learner_states WHERE persona = ?", arguments: [persona]) else {
            return nil
        }
        do {
            return try JSONDocument(trusted: text).decode([String: TraitState].self)
        } catch {
            throw damaged("learner_states, persona '\(persona)'", "states", "not the learner's trait states (\(error))")
        }
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

    /// The fingerprints among `fingerprints` that are already stored.
    public func storedFingerprints(among fingerprints: some Collection<String>) throws -> Set<String> {
        var found: Set<String> = []
        let all = Array(fingerprints)
        for start in stride(from: 0, to: all.count, by: 500) {
            let chunk = Array(all[start..<min(start + 500, all.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            found.formUnion(try String.fetchAll(db, sql: "SELECT fingerprint FROM feedback WHERE fingerprint IN (\(marks))",
                                                arguments: StatementArguments(chunk)))
        }
        return found
    }

    /// Stores a feedback and its signals; returns its id.
    public func addFeedback(_ feedback: NewFeedback, signals: [SignalRecord], status: FeedbackRecord.Status, version: String?) throws -> Int64 {
        let id = try stateToken().lastFeedbackID + 1
        var batch = LearningWriteBatch(firstFeedbackID: id)
        _ = batch.addFeedback(feedback, signals: signals, status: status, version: version)
        try apply(batch)
        return id
    }

    /// How many feedback of `persona` wait for their batch.
    public func pendingCount(of persona: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE persona = ? AND status = 'pending'", arguments: [persona]) ?? 0
    }

    /// Marks `ids` as `status`, produced `version`.
    public func settleFeedback(_ ids: [Int64], status: FeedbackRecord.Status, version: String?) throws {
        let statement = try db.cachedStatement(sql: "UPDATE feedback SET status = ?, version = ? WHERE id = ?")
        for id in ids { try statement.execute(arguments: [status.rawValue, version, id]) }
    }

    /// Every feedback of `persona` (only those with `status`, when given), with its signals, oldest first.
    public func feedback(of persona: String, status: FeedbackRecord.Status? = nil) throws -> [FeedbackRecord] {
        var signals: [Int64: [SignalRecord]] = [:]
        let signalRows = try Row.fetchCursor(db, sql: """
            SELECT s.feedback_id, s.trait, s.adjustment, s.confidence, s.weight FROM signals s JOIN feedback f ON f.id = s.feedback_id
            WHERE f.persona = ? AND (? IS NULL OR f.status = ?) ORDER BY s.id
            """, arguments: [persona, status?.rawValue, status?.rawValue])
        while let row = try signalRows.next() {
            signals[row[0], default: []].append(SignalRecord(trait: row[1], adjustment: row[2], confidence: row[3], weight: row[4]))
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM feedback WHERE persona = ? AND (? IS NULL OR status = ?) ORDER BY id",
                                       arguments: [persona, status?.rawValue, status?.rawValue])
        var out: [FeedbackRecord] = []
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let record = "feedback, id \(id)"
            let statusText: String = row["status"]
            guard let status = FeedbackRecord.Status(rawValue: statusText) else {
                throw damaged(record, "status", "'\(statusText)' is not applied, pending or rejected")
            }
            let given = NewFeedback(persona: row["persona"], interactionID: row["interaction_id"], type: row["type"], target: row["target"],
                                    value: JSONDocument(trusted: row["value"]), createdAt: try date(row["created_at"], record),
                                    source: row["source"], fingerprint: row["fingerprint"])
            out.append(FeedbackRecord(id: id, feedback: given, status: status, version: row["version"], signals: signals[id] ?? []))
        }
        return out
    }
}

/// How learning tables store dates: ISO 8601 in UTC with milliseconds (`2026-01-31T09:30:00.250Z`).
public enum LearningDates {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The stored text of `date`.
    public static func text(_ date: Date) -> String { date.formatted(style) }

    /// The date of a stored text, or nil when it is not one.
    public static func date(_ text: String) -> Date? {
        do { return try Date(text, strategy: style) } catch { return nil }
    }
}
