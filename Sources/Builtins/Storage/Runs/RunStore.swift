import Foundation
import GRDB

/// Saved runs: the run row, its personas and their members (`runs`, `personas`,
/// `persona_members`).
///
/// A run is saved in one transaction (all of it or none); deleting a run removes its personas
/// and members (foreign keys cascade). Member lists are stored compactly (``MemberIDCodec``),
/// so saving a 570,000-member run takes milliseconds.
public struct RunStore: Sendable {
    /// The database this store reads and writes.
    public let database: PersonaDatabase

    public init(database: PersonaDatabase) {
        self.database = database
    }

    /// Saves `run` (its `id` is ignored) with `personas` and their members, and returns the
    /// new run id. `members[i]` are the user ids of `personas[i]`, in any order (stored ascending).
    ///
    /// - Throws: ``StorageError/invalidArgument(_:)`` when `members` does not have one list per
    ///   persona, or two personas share an index.
    @discardableResult
    public func save(_ run: RunRecord, personas: [PersonaRecord], members: [[Int64]]) throws -> Int64 {
        guard members.count == personas.count else {
            throw StorageError.invalidArgument("\(personas.count) personas but \(members.count) member lists")
        }
        guard Set(personas.map(\.index)).count == personas.count else {
            throw StorageError.invalidArgument("two personas have the same index")
        }
        if let data = run.data, data.storedHash == nil {
            throw StorageError.invalidArgument("the users fingerprint's hash '\(data.hash)' is not 16 hexadecimal digits")
        }
        let pluginVersions = try JSONDocument(encoding: run.pluginVersions)
        let encoded = try personas.map { persona in
            do {
                return (centroid: try JSONDocument.encode(persona.centroid), zScores: try JSONDocument.encode(persona.zScores),
                        traits: try JSONDocument.encode(persona.traits))
            } catch {
                // JSON has no NaN or infinity: a z-score of a constant feature must be sent as 0.
                throw StorageError.invalidArgument(
                    "persona \(persona.index) cannot be stored as JSON (a NaN or infinite value?): \(error)")
            }
        }
        return try database.writeTransaction("saving a run") { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (created_at, pipeline, goal, seed, matched_rows, parameters, summary, plugin_versions,
                                      users_rows, users_hash, users_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run.createdAt, run.pipeline, run.goal, Int64(bitPattern: run.seed), run.matchedRows,
                            run.parameters.text, run.summary.text, pluginVersions.text,
                            run.data?.rows, run.data?.storedHash, run.data?.version])
            let runID = db.lastInsertedRowID
            let insertPersona = try db.makeStatement(sql: """
                INSERT INTO personas (run_id, idx, name, size, share, centroid, z_scores, traits, profile)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertMembers = try RawStatement(db, sql: """
                INSERT INTO persona_members (run_id, persona_idx, member_count, user_ids, checksum) VALUES (?, ?, ?, ?, ?)
                """)
            for (position, persona) in personas.enumerated() {
                let json = encoded[position]
                try insertPersona.execute(arguments: [
                    runID, persona.index, persona.name, persona.size, persona.share,
                    json.centroid, json.zScores, json.traits, persona.profile.text,
                ])
                let ids = MemberIDCodec.sorted(members[position])
                try MemberIDCodec.withEncodedBytes(ids) { bytes in
                    insertMembers.bind(1, runID)
                    insertMembers.bind(2, Int64(persona.index))
                    insertMembers.bind(3, Int64(ids.count))
                    insertMembers.bindBlob(4, bytes)
                    insertMembers.bind(5, MemberIDCodec.checksum(bytes, count: ids.count).storedChecksum)
                    try insertMembers.execute("saving persona \(persona.index)'s members")
                }
            }
            insertMembers.reset()
            return runID
        }
    }

    /// Every run, newest first.
    public func list() throws -> [RunSummary] {
        try database.read("listing runs") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, created_at, pipeline, goal, matched_rows,
                       (SELECT COUNT(*) FROM personas WHERE run_id = runs.id) AS persona_count
                FROM runs ORDER BY id DESC
                """).map { row in
                RunSummary(id: try row.decode(forColumn: "id"), createdAt: try row.decode(forColumn: "created_at"),
                           pipeline: try row.decode(forColumn: "pipeline"), goal: try row.decode(forColumn: "goal"),
                           matchedRows: try row.decode(forColumn: "matched_rows"), personaCount: try row.decode(forColumn: "persona_count"))
            }
        }
    }

    /// The run `id` with its personas (index order) and their member counts.
    ///
    /// - Throws: ``StorageError/runNotFound(id:)``; ``StorageError/corrupt(path:detail:)`` when a
    ///   stored value is not what storage wrote (a field of the wrong type, JSON that does not decode).
    public func load(id: Int64) throws -> StoredRun {
        try database.read("loading run \(id)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else {
                throw StorageError.runNotFound(id: id)
            }
            let run = RunRecord(
                id: try row.decode(forColumn: "id"), createdAt: try row.decode(forColumn: "created_at"),
                pipeline: try row.decode(forColumn: "pipeline"), goal: try row.decode(forColumn: "goal"),
                seed: UInt64(bitPattern: try row.decode(forColumn: "seed")), matchedRows: try row.decode(forColumn: "matched_rows"),
                parameters: try Self.json(row, "parameters", run: id), summary: try Self.json(row, "summary", run: id),
                pluginVersions: try Self.json(row, "plugin_versions", run: id).decoding([String: String].self, run: id),
                data: try Self.fingerprint(row))
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.*, COALESCE(m.member_count, 0) AS member_count
                FROM personas p LEFT JOIN persona_members m ON m.run_id = p.run_id AND m.persona_idx = p.idx
                WHERE p.run_id = ? ORDER BY p.idx
                """, arguments: [id])
            let personas = try rows.map { row in
                PersonaRecord(
                    index: try row.decode(forColumn: "idx"), name: try row.decode(forColumn: "name"),
                    size: try row.decode(forColumn: "size"), share: try row.decode(forColumn: "share"),
                    centroid: try Self.json(row, "centroid", run: id).decoding([FeatureValue].self, run: id),
                    zScores: try Self.json(row, "z_scores", run: id).decoding([FeatureValue].self, run: id),
                    traits: try Self.json(row, "traits", run: id).decoding([String].self, run: id),
                    profile: try Self.json(row, "profile", run: id))
            }
            return StoredRun(run: run, personas: personas, memberCounts: try rows.map { try $0.decode(forColumn: "member_count") })
        }
    }

    /// The run's users fingerprint; nil for a run saved before they were recorded.
    private static func fingerprint(_ row: Row) throws -> UsersFingerprint? {
        let rows: Int? = try row.decode(forColumn: "users_rows")
        let hash: Int64? = try row.decode(forColumn: "users_hash")
        let version: Int64? = try row.decode(forColumn: "users_version")
        guard let rows, let hash else { return nil }
        return UsersFingerprint(rows: rows, hash: UInt64(bitPattern: hash), version: version)
    }

    /// A stored JSON column, checked to be JSON (the column's CHECK guaranteed it when written).
    private static func json(_ row: Row, _ column: String, run: Int64) throws -> JSONDocument {
        let text: String = try row.decode(forColumn: column)
        do {
            return try JSONDocument(text: text)
        } catch {
            throw DamageFound(detail: "run \(run): the stored \(column) is not valid JSON")
        }
    }

    /// The user ids of persona `persona` of run `runID`, ascending (empty if it has none).
    public func members(runID: Int64, persona: Int) throws -> [Int64] {
        try memberLists(runID: runID, persona: persona).first?.ids ?? []
    }

    /// Every member of run `runID` with its persona index, ordered by user id.
    ///
    /// - Throws: ``StorageError/runNotFound(id:)``.
    public func memberships(runID: Int64) throws -> RunMemberships {
        let lists = try memberLists(runID: runID, persona: nil)
        // Merge the personas' ascending lists (a handful of them: a linear pick per element).
        let total = lists.reduce(0) { $0 + $1.ids.count }
        var userIDs = [Int64](), personaIndexes = [Int32]()
        userIDs.reserveCapacity(total)
        personaIndexes.reserveCapacity(total)
        var heads = [Int](repeating: 0, count: lists.count)
        for _ in 0..<total {
            var best = -1
            for list in lists.indices where heads[list] < lists[list].ids.count {
                if best < 0 || lists[list].ids[heads[list]] < lists[best].ids[heads[best]] { best = list }
            }
            userIDs.append(lists[best].ids[heads[best]])
            personaIndexes.append(Int32(lists[best].persona))
            heads[best] += 1
        }
        return RunMemberships(userIDs: userIDs, personaIndexes: personaIndexes)
    }

    /// Deletes run `id` with its personas and members; false if there was no such run.
    @discardableResult
    public func delete(id: Int64) throws -> Bool {
        try database.writeTransaction("deleting run \(id)") { db in
            try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    private func memberLists(runID: Int64, persona: Int?) throws -> [(persona: Int, ids: [Int64])] {
        try database.read("loading members of run \(runID)") { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [runID]) == true else {
                throw StorageError.runNotFound(id: runID)
            }
            let statement = try RawStatement(db, sql: """
                SELECT persona_idx, member_count, user_ids, checksum FROM persona_members
                WHERE run_id = ?1 AND (?2 IS NULL OR persona_idx = ?2) ORDER BY persona_idx
                """)
            try statement.setArguments([runID, persona])
            var lists: [(persona: Int, ids: [Int64])] = []
            while try statement.step("loading members of run \(runID)") {
                let index = Int(statement.int64(0)), count = Int(statement.int64(1))
                let bytes = statement.blobBytes(2)
                guard let ids = MemberIDCodec.decode(bytes, count: count) else {
                    throw DamageFound(detail: "run \(runID), persona \(index): the member list has \(bytes.count) bytes, "
                                      + "expected \(count) user ids of 8 bytes")
                }
                // NULL: saved before member lists had checksums; only the length can be checked.
                if !statement.isNull(3), statement.int64(3) != MemberIDCodec.checksum(bytes, count: count).storedChecksum {
                    throw DamageFound(detail: "run \(runID), persona \(index): the member list fails its checksum")
                }
                lists.append((index, ids))
            }
            statement.reset()
            return lists
        }
    }
}

extension JSONDocument {
    /// The document decoded as `type`; a stored document that does not decode is damage.
    fileprivate func decoding<T: Decodable>(_ type: T.Type, run: Int64) throws -> T {
        do {
            return try decode(type)
        } catch {
            throw DamageFound(detail: "run \(run): a stored JSON value does not have the shape persona-host wrote (\(error))")
        }
    }
}
