import Builtins
import Foundation
import Host
import Plugins

/// The plugins and database of a learning command (`interactions add`, `feedback …`,
/// `persona history|rollback`): the plugins loaded once and strictly (`--skip-broken` aside),
/// the database opened for what the command does.
struct LearningContext {
    let plugins: PluginOptions
    let loading: PluginLoadOptions
    let database: DatabaseOptions

    /// A pipeline for a command that writes: an explicit database must exist; the default one is
    /// created when missing.
    func pipeline() throws -> LearningPipeline {
        let session = try PluginSession.load(plugins, loading)
        session.warnOnStderr()
        return try LearningPipeline(plugins: session.set, database: try database.open(.write)!)
    }

    /// Runs `body` with a pipeline for a command that only reads: the database's learning state,
    /// or the declared state when the default database does not exist (nothing is created).
    func reading<T>(_ body: (LearningPipeline) throws -> T) throws -> T {
        let session = try PluginSession.load(plugins, loading)
        session.warnOnStderr()
        return try FormulationContext.reading(session: session, database: database, body)
    }
}
