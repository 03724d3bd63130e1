import Builtins
import Foundation

/// Saved goal runs read back as ``GoalRun``s, and their personas by ``RunPersonaID``: what
/// `runs show/export/diff` and the `persona` commands read.
///
/// A run comes back as it was saved, plus what its record holds: its id, when it was saved, and
/// the fingerprint of the users table it read (from the `runs` row). An id that does not exist
/// is the user's input (``RunLookupError``, exit 2, naming the runs that do); a saved run that
/// cannot be read back is damage (``StorageError/corrupt(path:detail:)``, exit 1).
public struct SavedRuns: Sendable {
    public let store: RunStore

    public init(database: PersonaDatabase) {
        store = RunStore(database: database)
    }

    /// Run `id`.
    public func goalRun(_ id: Int64) throws -> GoalRun {
        let stored: StoredRun
        do {
            stored = try store.load(id: id)
        } catch StorageError.runNotFound {
            throw RunLookupError.noRun(id, existing: try store.list().map(\.id))
        }
        return try Self.goalRun(stored, path: store.database.path)
    }

    /// Persona `id` with its run.
    public func persona(_ id: RunPersonaID) throws -> (run: GoalRun, persona: GoalRun.Persona) {
        let run = try goalRun(id.run)
        guard let persona = run.personas.first(where: { $0.index == id.number }) else {
            throw RunLookupError.noPersona(id, existing: run.personas.map { "\(RunPersonaID(run: id.run, number: $0.index)) \($0.name)" })
        }
        return (run, persona)
    }

    /// Every saved goal run, newest first (runs of other pipelines are left out).
    public func all() throws -> [GoalRun] {
        try store.list().filter { $0.pipeline == "goal" }.map { try goalRun($0.id) }
    }

    static func goalRun(_ stored: StoredRun, path: String) throws -> GoalRun {
        let id = stored.run.id ?? 0
        guard stored.run.pipeline == "goal" else { throw RunLookupError.notAGoalRun(id, pipeline: stored.run.pipeline) }
        var run: GoalRun
        do {
            run = try stored.run.summary.decode(GoalRun.self)
        } catch {
            throw StorageError.corrupt(path: path, detail: "run \(id): the saved run does not have the shape persona-host wrote (\(error))")
        }
        run.runID = id
        run.createdAt = ISO8601DateFormatter().string(from: stored.run.createdAt)
        run.dataFingerprint = stored.run.data
        return run
    }
}
