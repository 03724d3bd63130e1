import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Builtins
import LuaBridge
import Plugins
@testable import persona_host
import TestSupport

/// A test's server and client: `persona-host serve`'s server started in-process on a free port
/// over a generated database, and requests to it with URLSession. `stop()` must be called.
struct ServeClient {
    let server: PersonaServer.Running
    let folder: URL
    var token: String?

    /// A database of 2,000 generated users (seed 7) in a new temporary folder.
    static func database() throws -> (folder: URL, database: PersonaDatabase) {
        let folder = try Support.temporaryFolder()
        let path = folder.appendingPathComponent("users.sqlite").path
        let generated = try CLIRunner.run(["data", "generate", "--rows", "2000", "--seed", "7", "--db", path])
        guard generated.status == 0 else { throw UnexpectedError("data generate", CLIFailure(status: .failure, message: generated.stderr)) }
        return (folder, try PersonaDatabase(path: path, mode: .mustExist))
    }

    /// Starts a server on port 0 with the repository's plugins (or `plugins`), tests of plugins off.
    static func start(plugins: URL = Support.plugins, token: String? = nil, timeLimit: Duration = .seconds(60),
                      loader: PluginLoader = PluginLoader()) async throws -> ServeClient {
        let (folder, database) = try database()
        var configuration = PersonaServer.Configuration(pluginsFolder: plugins, database: database)
        configuration.port = 0
        configuration.loader = loader
        configuration.token = token
        configuration.workers = 2
        configuration.timeLimit = timeLimit
        configuration.watchInterval = nil
        configuration.runPluginTests = false
        return ServeClient(server: try await PersonaServer.start(configuration), folder: folder, token: token)
    }

    func stop() async throws {
        try await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// An answer: status, headers, body.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
        /// The error body's `error` object.
        var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    }

    func get(_ path: String, token: String? = nil) async throws -> Answer { try await send("GET", path, token: token) }

    func post(_ path: String, json: String? = nil, data: Data? = nil, token: String? = nil) async throws -> Answer {
        try await send("POST", path, body: data ?? json.map { Data($0.utf8) }, token: token)
    }

    func send(_ method: String, _ path: String, body: Data? = nil, token: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: server.url + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        if let token = token ?? self.token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return Answer(status: http.statusCode, headers: headers, body: data)
    }
}
