import ArgumentParser
import Builtins
import Foundation
import Host
import Plugins

/// `persona-host serve`: the HTTP service over the same pipelines as the command line.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the pipelines over HTTP (JSON), reloading the plugins when their folder changes.",
        discussion: """
            The first line on stdout is 'persona-host: serving on http://HOST:PORT' (with --port 0, the port the system chose).
            The plugins folder is polled every 0.5 s; a changed set is loaded, validated and its own tests run before it \
            replaces the serving one (a new generation); a set that fails leaves the last good one serving and is reported \
            at /v1/plugins, /health and in the log. The API is described at /openapi.json. Stops on SIGINT or SIGTERM.
            A plugins folder that does not load at start stops the command (exit 3), as 'run' does.
            """
    )

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0: any free port).") var port = 8080
    @Option(help: ArgumentHelp("Require 'Authorization: Bearer TOKEN' on every route but /health (default: $PERSONA_HOST_TOKEN, then the config file's token).", valueName: "token"))
    var token: String?
    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds a request may take before it is answered 503.", valueName: "seconds"))
    var timeLimit = 60
    @Option(help: "Pipelines at once (and plugin sets pooled per generation); default: the number of cores.") var workers: Int?
    @Flag(name: .customLong("no-watch"), help: "Do not watch the plugins folder (reload with POST /v1/plugins/reload).") var noWatch = false
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (1...3600).contains(timeLimit) else { throw ValidationError("--time-limit must be from 1 to 3600 seconds") }
        if let workers, !(1...64).contains(workers) { throw ValidationError("--workers must be from 1 to 64") }
        if token?.isEmpty == true { throw ValidationError("--token must not be empty") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = PersonaServer.Configuration(pluginsFolder: try plugins.resolve().folder, database: try database.open(.write)!)
        configuration.host = host
        configuration.port = port
        configuration.token = token ?? environment["PERSONA_HOST_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? Settings.current.config?.token
        configuration.loader = PluginLoader(limits: try PluginSession.limits(), logger: Output.pluginLogger)
        configuration.timeLimit = .seconds(timeLimit)
        if let workers { configuration.workers = workers }
        configuration.watchInterval = noWatch ? nil : .milliseconds(500)
        configuration.handleSignals = true
        configuration.logger = Output.hostLogger
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task { [configuration] in
            do {
                let server = try await PersonaServer.start(configuration)
                FileHandle.standardOutput.write(Data("persona-host: serving on \(server.url)\n".utf8))
                try await server.wait()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error `serve` ended with, handed from its task to the command's thread.
/// `@unchecked Sendable`: written once before the semaphore is signalled, read after it is waited on.
final class ServeOutcome: @unchecked Sendable {
    private(set) var error: (any Error)?
    func set(_ error: any Error) { self.error = error }
}
