import Foundation
import GRDB
import Testing
@testable import Builtins

/// A damaged file gives either the right figures or ``StorageError/corrupt(path:detail:)``
/// naming it: never wrong figures, never a crash, never another error.
///
/// One pristine database (2,000 generated users, their column cache, one saved run) is copied
/// and each copy damaged one way: random bytes over the second half of the file, a whole page of
/// garbage, a truncated file, a cached column or a member list changed through SQL or in the
/// file. The garbage comes from a seeded generator, so every run damages the same bytes.
@Suite struct DamagedDatabaseTests {
    /// Everything the checks compare: what `data stats`, a goal run's fetch and `runs show` read.
    struct Figures: Equatable {
        var stats: UsersStats
        var fetched: UserColumns
        var run: StoredRun
        var memberships: RunMemberships
    }

    /// The outcome of reading a damaged copy.
    struct Outcome {
        var correct = 0
        var corrupt = 0
        var details: [String] = []
    }

    static let filter = [FilterCondition("age", .less, 30), FilterCondition("gender", .equal, "female")]
    static let fetchedColumns = ["age", "privacy_pref", "city_tier", "occupation", "true_segment"]

    final class Pristine: Sendable {
        let folder: URL
        let path: String
        let bytes: Data
        let figures: Figures
        let runID: Int64

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("persona-host-damage-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("pristine.sqlite").path
            var figures: Figures?
            var runID: Int64 = 0
            do {
                let database = try PersonaDatabase(path: path)
                try UserStore(database: database).generate(rows: 2_000, seed: 11)
                let members: [[Int64]] = (0..<3).map { persona in (1...2_000).filter { $0 % 3 == persona }.map(Int64.init) }
                let personas = (0..<3).map { PersonaRecord(index: $0, name: "P\($0)", size: members[$0].count, share: 1.0 / 3) }
                runID = try RunStore(database: database).save(
                    RunRecord(pipeline: "goal", goal: "damage", seed: 1, matchedRows: 2_000), personas: personas, members: members)
                figures = try DamagedDatabaseTests.measure(database, runID: runID)
            }
            // The database is closed: the WAL has been copied into the file and removed.
            guard !FileManager.default.fileExists(atPath: path + "-wal"), let figures else {
                throw StorageError.invalidArgument("the pristine database did not close cleanly")
            }
            self.figures = figures
            self.runID = runID
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        }

        /// A copy of the pristine file, damaged by `damage`; its path.
        func copy(_ name: String, _ damage: (inout Data) throws -> Void) throws -> String {
            var data = bytes
            try damage(&data)
            let copy = folder.appendingPathComponent("\(name).sqlite").path
            try data.write(to: URL(fileURLWithPath: copy))
            return copy
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    static func measure(_ database: PersonaDatabase, runID: Int64) throws -> Figures {
        let users = UserStore(database: database), runs = RunStore(database: database)
        return Figures(stats: try users.stats(), fetched: try users.fetchColumns(matching: filter, columns: fetchedColumns),
                       run: try runs.load(id: runID), memberships: try runs.memberships(runID: runID))
    }

    /// Opens `path` and reads every figure; each is either the pristine one or a corrupt error
    /// naming `path` (recorded as an issue otherwise).
    func check(_ path: String, against pristine: Pristine, _ label: String) -> Outcome {
        var outcome = Outcome()
        func attempt<T: Equatable>(_ what: String, _ expected: T, _ body: () throws -> T) {
            do {
                let value = try body()
                if value == expected {
                    outcome.correct += 1
                } else {
                    Issue.record("\(label): \(what) gave wrong figures with no error")
                }
            } catch let error as StorageError {
                guard case let .corrupt(errorPath, detail) = error, errorPath == path else {
                    Issue.record("\(label): \(what) failed with \(error), not as damage naming \(path)")
                    return
                }
                outcome.corrupt += 1
                outcome.details.append(detail)
                let text = "\(error)"
                #expect(text.hasPrefix("\(path) is damaged (") && text.contains("restore it from a backup"), "\(label): \(text)")
            } catch {
                Issue.record("\(label): \(what) failed with \(type(of: error)) \(error)")
            }
        }
        let database: PersonaDatabase
        do {
            database = try PersonaDatabase(path: path, mode: .mustExist)
        } catch let error as StorageError {
            guard case let .corrupt(errorPath, detail) = error, errorPath == path else {
                Issue.record("\(label): opening failed with \(error)")
                return outcome
            }
            outcome.corrupt += 1
            outcome.details.append(detail)
            return outcome
        } catch {
            Issue.record("\(label): opening failed with \(error)")
            return outcome
        }
        let users = UserStore(database: database), runs = RunStore(database: database), expected = pristine.figures
        attempt("stats", expected.stats) { try users.stats() }
        attempt("fetch", expected.fetched) { try users.fetchColumns(matching: Self.filter, columns: Self.fetchedColumns) }
        attempt("run", expected.run) { try runs.load(id: pristine.runID) }
        attempt("members", expected.memberships) { try runs.memberships(runID: pristine.runID) }
        return outcome
    }

    @Test func randomBytesOverTheMiddleOfTheFile() throws {
        let pristine = try Pristine()
        var total = Outcome()
        for seed in UInt64(1)...24 {
            var random = SplitMix64(seed: seed)
            let path = try pristine.copy("bytes-\(seed)") { data in
                for _ in 0..<3 {
                    let length = 16 + Int(random.next() % 49)
                    // The second half of the file, where the users' pages, the column cache and the
                    // run live (the front holds the schema's pages, which grow with every migration).
                    let start = data.count / 2 + Int(random.next() % UInt64(data.count / 2 - length))
                    for offset in start..<(start + length) { data[offset] = UInt8(truncatingIfNeeded: random.next()) }
                }
            }
            let outcome = check(path, against: pristine, "bytes seed \(seed)")
            total.correct += outcome.correct
            total.corrupt += outcome.corrupt
        }
        #expect(total.corrupt > 0, "no damage was ever detected: the test damages nothing that is read")
    }

    @Test func aPageOfGarbage() throws {
        let pristine = try Pristine()
        var total = Outcome()
        let pageSize = 4_096
        let pages = pristine.bytes.count / pageSize
        // Every third page after the first (the header and schema): tables, indexes, BLOB overflow pages.
        for page in stride(from: 1, to: pages, by: 3) {
            var random = SplitMix64(seed: 1_000 + UInt64(page))
            let path = try pristine.copy("page-\(page)") { data in
                for offset in (page * pageSize)..<((page + 1) * pageSize) { data[offset] = UInt8(truncatingIfNeeded: random.next()) }
            }
            let outcome = check(path, against: pristine, "page \(page)")
            total.correct += outcome.correct
            total.corrupt += outcome.corrupt
        }
        #expect(total.corrupt > 0)
    }

    @Test func aTruncatedFile() throws {
        let pristine = try Pristine()
        for fraction in [0.95, 0.75, 0.5, 0.25, 0.05] {
            let path = try pristine.copy("truncated-\(Int(fraction * 100))") { data in
                data = data.prefix(Int(Double(data.count) * fraction) / 4_096 * 4_096 + 100)
            }
            let outcome = check(path, against: pristine, "truncated to \(fraction)")
            #expect(outcome.corrupt > 0, "truncated to \(fraction): nothing noticed")
        }
    }

    @Test func aCachedColumnChangedThroughSQL() throws {
        let pristine = try Pristine()
        let path = try pristine.copy("cache-sql") { _ in }
        do {
            let database = try PersonaDatabase(path: path, mode: .mustExist)
            var data = try #require(try database.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT data FROM users_column_cache WHERE name = 'age'")
            })
            data[1_234] = data[1_234] &+ 1  // one user a year older: the same size, plausible, wrong
            // Through the cache table itself: the users table's triggers do not fire.
            try database.execute("UPDATE users_column_cache SET data = ? WHERE name = 'age'", [data])
        }
        let outcome = check(path, against: pristine, "cached age changed")
        #expect(outcome.corrupt == 2 && outcome.correct == 2)  // stats and the fetch read age; the run does not
        let detail = try #require(outcome.details.first)
        #expect(detail == "column cache: the stored 'age' column fails its checksum, so the users table it was copied from may be damaged too")
        // Not silently rebuilt: the entry is still there and still refused.
        let database = try PersonaDatabase(path: path, mode: .mustExist)
        #expect(throws: StorageError.corrupt(path: path, detail: detail)) { try UserStore(database: database).stats() }
    }

    @Test func cacheMetadataChangedThroughSQL() throws {
        let pristine = try Pristine()
        for (name, change) in [("nulls", "null_count = 1"), ("rows", "row_count = row_count - 1"),
                               ("encoding", "encoding = 'i32'"), ("dictionary", "dictionary = NULL"),
                               ("unknown", "encoding = 'x'"), ("type", "data = x''")] {
            let path = try pristine.copy("meta-\(name)") { _ in }
            do {
                let database = try PersonaDatabase(path: path, mode: .mustExist)
                try database.execute("UPDATE users_column_cache SET \(change) WHERE name = 'city_tier'")
            }
            let outcome = check(path, against: pristine, "cache \(name) changed")
            #expect(outcome.corrupt == 2, "\(name)")
        }
    }

    @Test func aCachedColumnDamagedInTheFile() throws {
        let pristine = try Pristine()
        // The user_id column is the Int64s 1, 2, 3, …: find 1000, 1001, 1002 in the file.
        let pattern = [Int64(1_000), 1_001, 1_002].withUnsafeBytes { Data($0) }
        let found = try #require(pristine.bytes.range(of: pattern))
        let path = try pristine.copy("cache-file") { data in data[found.lowerBound + 9] ^= 0x10 }
        let outcome = check(path, against: pristine, "cached user_id damaged")
        #expect(outcome.corrupt >= 2)
        #expect(outcome.details.contains { $0.contains("'user_id' column fails its checksum") })
    }

    @Test func aMemberListDamagedInTheFile() throws {
        let pristine = try Pristine()
        // Persona 0's members are 3, 6, 9, …: find 300, 303, 306 in the file.
        let pattern = [Int64(300), 303, 306].withUnsafeBytes { Data($0) }
        let found = try #require(pristine.bytes.range(of: pattern))
        let path = try pristine.copy("members-file") { data in data[found.lowerBound + 8] ^= 0x02 }
        let outcome = check(path, against: pristine, "member list damaged")
        #expect(outcome.corrupt == 1 && outcome.correct == 3)
        #expect(outcome.details == ["run \(pristine.runID), persona 0: the member list fails its checksum"])
    }

    @Test func aStoredValueOfTheWrongTypeInTheUsersTable() throws {
        let pristine = try Pristine()
        let path = try pristine.copy("wrong-type") { _ in }
        do {
            let database = try PersonaDatabase(path: path, mode: .mustExist)
            // What a damaged record header looks like to SQLite: the STRICT check is bypassed by
            // writing the value's bytes as another type (here, with the table made non-strict).
            try database.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(sql: "UPDATE sqlite_master SET sql = replace(sql, ') STRICT', ')') WHERE name = 'users'")
                try db.execute(sql: "PRAGMA writable_schema = OFF")
            }
        }
        do {
            let database = try PersonaDatabase(path: path, mode: .mustExist)
            // (`device_count >= 0` holds for any text: SQLite orders text after numbers.)
            try database.execute("UPDATE users SET device_count = 'many' WHERE user_id = 77")  // empties the cache (trigger)
            #expect {
                try UserStore(database: database).stats()
            } throws: { error in
                guard case let .corrupt(errorPath, detail)? = error as? StorageError else { return false }
                return errorPath == path && detail == "users row with user_id 77: column 'device_count' holds a TEXT value, which its INTEGER type forbids"
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so the garbage is the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
