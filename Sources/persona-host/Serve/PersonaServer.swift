import Builtins
import Foundation
import Host
import Hummingbird
import Logging
import Plugins
import ServiceLifecycle
import UnixSignals

/// `persona-host serve`'s server: Hummingbird over the CLI's pipelines, the plugin generations
/// (reloaded when the folder changes or on `POST /v1/plugins/reload`) and one database.
///
/// `start` validates the plugins first (a folder that does not load stops it, as `run` does),
/// binds, and returns once the server listens; `stop` shuts it down gracefully and ends the
/// folder watcher. Tests start it on port 0 and read the bound port.
struct PersonaServer {
    /// Everything the server is started with.
    struct Configuration: Sendable {
        var host = "127.0.0.1"
        var port = 8080
        var token: String?
        var pluginsFolder: URL
        var database: PersonaDatabase
        var loader = PluginLoader()
        /// Pipelines at once, and pooled plugin sets per generation.
        var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// The per-request time limit, on top of the sandbox's per-call budgets.
        var timeLimit: Duration = .seconds(60)
        /// How often the plugins folder is polled (nil: not watched).
        var watchInterval: Duration? = .milliseconds(500)
        /// Whether a reload runs the plugins' own tests before swapping.
        var runPluginTests = true
        /// Stop on SIGINT and SIGTERM (the command; not tests).
        var handleSignals = false
        var logger = Logger(label: "persona-host.serve")
    }

    /// A server that listens.
    final class Running: Sendable {
        let host: String
        let port: Int
        let state: ServeState
        private let group: ServiceGroup
        private let serving: Task<Void, any Error>
        private let watching: Task<Void, Never>?

        fileprivate init(host: String, port: Int, state: ServeState, group: ServiceGroup, serving: Task<Void, any Error>, watching: Task<Void, Never>?) {
            self.host = host
            self.port = port
            self.state = state
            self.group = group
            self.serving = serving
            self.watching = watching
        }

        /// The address to give curl.
        var url: String { "http://\(host):\(port)" }

        /// Until the server stops (a signal, or `stop`).
        func wait() async throws {
            defer { watching?.cancel() }
            try await serving.value
        }

        /// Shuts down gracefully (requests in flight are answered) and ends the watcher.
        func stop() async throws {
            watching?.cancel()
            await group.triggerGracefulShutdown()
            try await serving.value
            await watching?.value
        }
    }

    /// Loads the plugins, binds, and returns once the server listens.
    /// - Throws: a plugin failure (exit 3) when the folder does not give a first good generation,
    ///   or the bind error.
    static func start(_ configuration: Configuration) async throws -> Running {
        let generations = PluginGenerations(folder: configuration.pluginsFolder, loader: configuration.loader,
                                            capacity: configuration.workers, runTests: configuration.runPluginTests,
                                            logger: configuration.logger)
        let first = await generations.reload(trigger: "start")
        guard first.ok else { throw ServeStartError.plugins(first.failures) }
        let metrics = ServeMetrics()
        let state = ServeState(generations: generations, database: configuration.database,
                               work: ServeWork(slots: WorkerSlots(count: configuration.workers), limit: configuration.timeLimit, metrics: metrics),
                               metrics: metrics)
        let router = Router(context: ServeContext.self)
        router.middlewares.add(ErrorAndMetricsMiddleware(metrics: metrics))
        if let token = configuration.token { router.middlewares.add(TokenMiddleware(token: token)) }
        ServeRoutes(state: state).add(to: router)

        let (bound, boundContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router,
                              configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "persona-host"),
                              onServerRunning: { channel in
                                  boundContinuation.yield(channel.localAddress?.port ?? configuration.port)
                                  boundContinuation.finish()
                              },
                              logger: configuration.logger)
        let signals: [UnixSignal] = configuration.handleSignals ? [.sigterm, .sigint] : []
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: signals, logger: configuration.logger))
        let serving = Task {
            defer { boundContinuation.finish() }
            try await group.run()
        }
        var iterator = bound.makeAsyncIterator()
        guard let port = await iterator.next() else {
            // The server ended before listening: its error says why (the address is in use, say).
            try await serving.value
            throw ServeStartError.notListening(host: configuration.host, port: configuration.port)
        }
        let watching = configuration.watchInterval.map { interval in
            Task {
                await PluginFolderWatcher(folder: configuration.pluginsFolder, interval: interval).run {
                    await generations.reload(trigger: "watch")
                }
            }
        }
        return Running(host: configuration.host, port: port, state: state, group: group, serving: serving, watching: watching)
    }
}

/// Why `persona-host serve` did not start.
enum ServeStartError: UserFacingError {
    case plugins([PluginProblem])
    case notListening(host: String, port: Int)

    var description: String {
        switch self {
        case .plugins(let problems):
            "\(problems.count) problem(s) in the plugins; the server did not start:\n"
                + problems.map(\.message).joined(separator: "\n")
        case .notListening(let host, let port):
            "the server could not listen on \(host):\(port)"
        }
    }

    var exitStatus: ExitStatus {
        switch self {
        case .plugins: .plugin
        case .notListening: .failure
        }
    }
}
