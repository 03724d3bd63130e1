import Foundation
import Hummingbird

/// Counts every request and its latency (`/metrics`), and turns every error into the service's
/// JSON error body with its status (`APIError`), in one place.
struct ErrorAndMetricsMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let metrics: ServeMetrics

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError(error).response
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.request(method: request.method.rawValue, status: response.status.code, seconds: seconds)
        return response
    }
}

/// The optional bearer token: when set, every route but `/health` needs
/// `Authorization: Bearer TOKEN` (401 otherwise). Compared in constant time.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let token: String

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        if request.uri.path == "/health" { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        guard Self.same(given, "Bearer " + token) else {
            throw APIError(status: .unauthorized, code: "unauthorized",
                           message: given.isEmpty ? "this server needs a bearer token (Authorization: Bearer …)" : "wrong bearer token")
        }
        return try await next(request, context)
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        var difference = x.count ^ y.count
        for i in 0..<max(x.count, y.count) { difference |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)) }
        return difference == 0
    }
}
