import Builtins
import Foundation
import Host
import Hummingbird
import LuaBridge
import NIOCore
import Plugins

/// An error as the server answers it: `{"error": {"code", "message", "plugin"?, "file"?, "line"?}}`
/// with an HTTP status. Every `UserFacingError` maps through its exit status, once, here: input
/// (2) → 400, plugin (3) → 422, runtime (1) → 500, so the service and the CLI classify every
/// failure alike.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var problem: PluginProblem?

    init(status: HTTPResponse.Status, code: String, message: String, problem: PluginProblem? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.problem = problem
    }

    /// 400: the request is wrong.
    static func input(_ message: String) -> APIError { APIError(status: .badRequest, code: "input", message: message) }
    /// 404: nothing at that id.
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, code: "not_found", message: message) }

    /// `error` in the service's terms.
    init(_ error: any Error) {
        if let api = error as? APIError { self = api; return }
        if let http = error as? HTTPError {
            self.init(status: http.status, code: http.status == .contentTooLarge ? "too_large" : "http",
                      message: http.body ?? http.status.reasonPhrase)
            return
        }
        if let tooMany = error as? NIOTooManyBytesError {
            self.init(status: .contentTooLarge, code: "too_large",
                      message: "the request body is larger than \(tooMany.maxBytes.map(String.init) ?? "the limit") bytes")
            return
        }
        let failure = UnexpectedError.wrap(error, "request")
        let (status, code): (HTTPResponse.Status, String) = switch failure.exitStatus {
        case .usage: (.badRequest, "input")
        case .plugin: (.unprocessableContent, "plugin")
        case .failure, .success: (.internalServerError, "runtime")
        }
        if case .noRun? = error as? RunLookupError { self.init(status: .notFound, code: "not_found", message: failure.description); return }
        self.init(status: status, code: code, message: failure.description, problem: Self.pluginError(in: error).map(PluginProblem.init))
    }

    /// Whether it is a sandbox budget error (instructions, memory, wall clock), for `/metrics`.
    static func isBudgetError(_ error: any Error) -> Bool {
        let lua: LuaError? = switch pluginError(in: error) {
        case .script(_, _, let e)?, .hook(_, _, let e)?, .formula(_, _, _, let e)?: e
        default: nil
        }
        switch lua {
        case .instructionBudget?, .memoryBudget?, .timeout?: return true
        default: return false
        }
    }

    /// The plugin error behind `error`, when a pipeline's error wraps one.
    static func pluginError(in error: any Error) -> PluginError? {
        switch error {
        case let plugin as PluginError: plugin
        case GoalError.plugin(let plugin): plugin
        case FormulationError.plugin(let plugin): plugin
        case LearningError.plugin(let plugin): plugin
        case LearningError.located(_, let inner): pluginError(in: inner)
        case PluginGenerationError.copyFailed(_, let failures): failures.first
        default: nil
        }
    }

    /// The error body.
    private struct Body: Encodable {
        /// Its `error` object.
        struct Detail: Encodable { var code: String; var message: String; var plugin: String?; var file: String?; var line: Int? }
        var error: Detail
    }

    var response: Response {
        let body = Body(error: .init(code: code, message: message, plugin: problem?.plugin, file: problem?.file, line: problem?.line))
        return ServeJSON.response(body, status: status)
    }
}
